import { describe, expect, it } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { FreshQueryClient } from './queryClient.ts';

/** A first load answered only when the test says so (the server's answer from before a change). */
function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Starts a query's first load, invalidates it while that load is in flight, then lets the old answer arrive. */
async function invalidateDuringFirstLoad(client: QueryClient): Promise<{ data: unknown; calls: number }> {
  const first = deferred<string[]>();
  let calls = 0;
  const observer = new QueryObserver(client, {
    queryKey: ['timeline'],
    queryFn: () => (++calls === 1 ? first.promise : Promise.resolve(['intro', 'call logged'])),
    retry: false,
  });
  const unsubscribe = observer.subscribe(() => undefined);
  // The plain client's invalidation waits for the first load itself: it is not awaited before that load answers.
  const invalidated = client.invalidateQueries({ queryKey: ['timeline'] });
  first.resolve(['intro']);
  await invalidated;
  const data = observer.getCurrentResult().data;
  unsubscribe();
  return { data, calls };
}

describe('FreshQueryClient', () => {
  it('refetches a query invalidated during its first load, so the change shows', async () => {
    expect(await invalidateDuringFirstLoad(new FreshQueryClient())).toEqual({
      data: ['intro', 'call logged'],
      calls: 2,
    });
  });

  it('is needed: the plain client keeps the first load and its answer from before the change', async () => {
    expect(await invalidateDuringFirstLoad(new QueryClient())).toEqual({ data: ['intro'], calls: 1 });
  });

  it('leaves a query with no observer alone (nothing would refetch it)', async () => {
    const client = new FreshQueryClient();
    const first = deferred<string>();
    const loading = client.fetchQuery({ queryKey: ['k'], queryFn: () => first.promise });
    const invalidated = client.invalidateQueries({ queryKey: ['k'] });
    first.resolve('answer');
    await invalidated;
    expect(await loading).toBe('answer');
  });
});
