import { nextN, type Maker, type MatrixFixture } from './access-matrix-fixture.ts';

// The notification row of the platform's matrix: a task the admin gives the owner on the customer tells the owner.

export function notifyMakers(fx: MatrixFixture): Record<string, Maker> {
  const { ok, ids, actors } = fx;
  const make = async () => {
    const task = await ok<{ id: string }>('admin', 'POST', '/api/tasks', {
      partyId: ids.customer,
      kind: 'call_back',
      title: `Matrix notified task ${nextN()}`,
      dueAt: '2030-01-07T09:00:00Z',
      assigneeId: actors.owner.userId,
    });
    const page = await ok<{ items: { id: string; recordId: string }[] }>(
      'owner',
      'GET',
      '/api/notifications?limit=100',
    );
    const n = page.items.find((i) => i.recordId === task.id);
    if (!n) {
      throw new Error('fixture: the assigned task notified nobody');
    }
    return { id: n.id, version: 0 };
  };
  let shared: Promise<{ id: string; version: number }> | undefined;
  return {
    notification: {
      shared: async () => (shared ??= make()),
      fresh: make,
    },
  };
}
