import { describe, expect, it } from 'vitest';
import { allPages } from './exporter.ts';

describe('allPages', () => {
  it('walks every page in order until the cursor runs out', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3, 4], nextCursor: 'c' },
      c: { items: [5], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const out: number[] = [];
    for await (const n of allPages((cursor) => {
      asked.push(cursor);
      return Promise.resolve(pages[cursor ?? 'start'] ?? { items: [], nextCursor: null });
    })) {
      out.push(n);
    }
    expect(out).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });
});
