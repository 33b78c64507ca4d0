import { describe, expect, it } from 'vitest';
import { raiseContractExpiryTasks } from '../src/modules/people/index.ts';
import { setup } from './harness.ts';
import { peopleOrg } from './people-fixture.ts';

// The daily contract-expiry job, called directly: one task for HR per contract and end date ending within the
// window (default 90 days) without the intent to renew; a renewed one, or one ending later, raises none.

const h = await setup();
const o = await peopleOrg(h);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const file = async (id: string) =>
  (await h.as(o.hr).get(`/api/employees/${id}`)).json<{
    version: number;
    contracts: { id: string; version: number }[];
  }>();
async function contract(partyId: string, endOn: string, renewalIntent: string | null) {
  const res = await h.as(o.hr).patch(`/api/employees/${partyId}`, {
    contract: { type: 'fixed_term', startOn: '2024-01-01', endOn, renewalIntent },
    version: (await file(partyId)).version,
  });
  expect(res.statusCode, res.body).toBe(200);
}
await contract(o.parties.anna, day(30), null);
await contract(o.parties.bo, day(20), 'renew');
await contract(o.parties.lead, day(200), 'undecided');

type Task = { title: string; partyId: string | null; assigneeId: string; kind: string };
const hrTasks = async () =>
  ((await h.as(o.hr).get('/api/tasks?assignee=me&limit=100')).json().items as Task[]).filter((t) =>
    t.title.includes('Contract ends'),
  );

describe('contract-expiry job', () => {
  it('raises one task for HR per contract and end date, and is idempotent', async () => {
    expect(await raiseContractExpiryTasks(h.db.db)).toBe(1);
    const tasks = await hrTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ partyId: o.parties.anna, assigneeId: o.hr.userId, kind: 'review' });
    expect(tasks[0]?.title).toContain(day(30));
    expect(await raiseContractExpiryTasks(h.db.db)).toBe(0);
    expect(await hrTasks()).toHaveLength(1);
  });

  it('raises a new task when the end date moves, none once renewal is intended', async () => {
    const c = (await file(o.parties.anna)).contracts[0] as { id: string; version: number };
    const moved = await h.as(o.hr).patch(`/api/employees/${o.parties.anna}/contracts/${c.id}`, {
      endOn: day(40),
      version: c.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await raiseContractExpiryTasks(h.db.db)).toBe(1);
    // The lead's contract comes into the window 120 days from now.
    expect(await raiseContractExpiryTasks(h.db.db, new Date(Date.now() + 120 * 86_400_000))).toBe(1);
    const m = (await file(o.parties.anna)).contracts[0] as { id: string; version: number };
    await h.as(o.hr).patch(`/api/employees/${o.parties.anna}/contracts/${m.id}`, {
      endOn: day(50),
      renewalIntent: 'renew',
      version: m.version,
    });
    expect(await raiseContractExpiryTasks(h.db.db)).toBe(0);
    expect(await hrTasks()).toHaveLength(3);
  });
});
