import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup, type Harness, type Session } from './harness.ts';

// Bulk actions on selected parties: each row changes as a change of one party would (access, history, audit), a
// row refused on its own is reported and the rest go on, a party the caller may not see refuses the whole request.

let h: Harness;
let admin: Session;
let agent: Session;
let other: Session;
const ids: string[] = [];
let othersCustomer = '';

const create = async (s: Session, displayName: string, stage = 'prospect') => {
  const res = await h.as(s).post('/api/parties', { kind: 'person', displayName, roles: [{ role: 'customer', stage }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const bulk = (s: Session, body: unknown) => h.as(s).post('/api/parties/bulk', body);
const party = async (id: string) => (await h.as(admin).get(`/api/parties/${id}`)).json();

beforeAll(async () => {
  h = await setup();
  admin = h.org.admin;
  agent = await h.user(['agent']);
  other = await h.user(['agent']);
  for (const name of ['Bulk One', 'Bulk Two', 'Bulk Three']) {
    ids.push(await create(agent, name));
  }
  othersCustomer = await create(other, 'Not yours');
});
afterAll(() => h.app.close());

describe('bulk actions on parties', () => {
  it('assigns a backup owner to the selection: changed, unchanged, each in the history and the audit', async () => {
    const first = await bulk(agent, {
      ids: ids.slice(0, 2),
      action: { kind: 'assign_backup', backupOwnerId: other.userId },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ changed: 2, unchanged: 0, failed: 0 });
    const again = await bulk(agent, { ids, action: { kind: 'assign_backup', backupOwnerId: other.userId } });
    expect(again.json()).toMatchObject({
      changed: 1,
      unchanged: 2,
      failed: 0,
      results: [
        { id: ids[0], status: 'unchanged', error: null },
        { id: ids[1], status: 'unchanged', error: null },
        { id: ids[2], status: 'changed', error: null },
      ],
    });
    for (const id of ids) {
      expect(await party(id)).toMatchObject({ backupOwnerId: other.userId });
      const history = (await h.as(admin).get(`/api/parties/${id}/history?field=backup_owner`)).json().items;
      expect(history).toHaveLength(1);
    }
    const audit = (await h.as(admin).get(`/api/audit?entityType=party&entityId=${ids[2]}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'update', after: { backup_owner_id: other.userId } });
  });

  it('adds and removes a tag', async () => {
    const add = await bulk(agent, { ids, action: { kind: 'add_tag', tag: 'vip' } });
    expect(add.json()).toMatchObject({ changed: 3, failed: 0 });
    expect((await party(ids[0]!)).tags).toEqual(['vip']);
    const list = (await h.as(agent).get('/api/parties?tag=vip')).json().items as { id: string }[];
    expect(list.map((p) => p.id).sort()).toEqual([...ids].sort());
    const remove = await bulk(agent, { ids: [ids[0]], action: { kind: 'remove_tag', tag: 'vip' } });
    expect(remove.json()).toMatchObject({ changed: 1 });
    expect((await party(ids[0]!)).tags).toEqual([]);
  });

  it('moves the stage with one reason; an illegal move fails on its row and the others go on', async () => {
    const moved = await bulk(agent, {
      ids: ids.slice(0, 2),
      action: { kind: 'move_stage', role: 'customer', stage: 'new', reason: '签约' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ changed: 2, failed: 0 });
    const history = (await h.as(admin).get(`/api/parties/${ids[0]}/history?field=stage`)).json().items;
    expect(history[0]).toMatchObject({ from: 'prospect', to: 'new', reason: '签约' });
    // Back from "new" to "prospect" is not a legal move; the third (still a prospect) is not a move at all.
    const mixed = await bulk(agent, {
      ids: [ids[0], ids[2]],
      action: { kind: 'move_stage', role: 'customer', stage: 'prospect', reason: 'undo' },
    });
    expect(mixed.statusCode).toBe(200);
    expect(mixed.json()).toMatchObject({
      changed: 0,
      unchanged: 1,
      failed: 1,
      results: [
        { id: ids[0], status: 'failed', error: { code: 'VALIDATION_FAILED' } },
        { id: ids[2], status: 'unchanged' },
      ],
    });
    const noRole = await bulk(agent, {
      ids: [ids[0]],
      action: { kind: 'move_stage', role: 'partner', stage: 'active', reason: 'x' },
    });
    expect(noRole.json().results[0]).toMatchObject({ status: 'failed', error: { code: 'UNPROCESSABLE' } });
  });

  it('a party the caller may not see refuses the whole request (404 naming it), and nothing changes', async () => {
    const res = await bulk(agent, { ids: [ids[0], othersCustomer], action: { kind: 'add_tag', tag: 'leak' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', details: [{ path: ['body', 'ids', 1] }] });
    expect((await party(ids[0]!)).tags).not.toContain('leak');
    expect((await party(othersCustomer)).tags).not.toContain('leak');
  });

  it('assigns an owner; deletes to the bin; refuses bad input on the field', async () => {
    const owner = await bulk(admin, {
      ids: [ids[2]],
      action: { kind: 'assign_owner', ownerId: other.userId, reason: '交接' },
    });
    expect(owner.json()).toMatchObject({ changed: 1 });
    expect(await party(ids[2]!)).toMatchObject({ ownerId: other.userId });
    const gone = await bulk(admin, { ids: [ids[2]], action: { kind: 'delete' } });
    expect(gone.json()).toMatchObject({ changed: 1 });
    expect((await h.as(admin).get(`/api/parties/${ids[2]}`)).json().deletedAt).not.toBeNull();
    const unknownUser = await bulk(admin, {
      ids: [ids[0]],
      action: { kind: 'assign_owner', ownerId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownUser.statusCode).toBe(400);
    expect(unknownUser.json().error.details[0].path).toEqual(['body', 'action', 'ownerId']);
    for (const body of [
      { ids: [], action: { kind: 'delete' } },
      { ids: [ids[0], ids[0]], action: { kind: 'delete' } },
      { ids: [ids[0]], action: { kind: 'explode' } },
      { ids: [ids[0]], action: { kind: 'move_stage', role: 'customer', stage: 'new' } },
      { ids: Array.from({ length: 201 }, () => crypto.randomUUID()), action: { kind: 'delete' } },
      { ids: ['nope'], action: { kind: 'delete' } },
    ]) {
      expect((await bulk(admin, body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await party(ids[0]!)).deletedAt).toBeNull();
  });
});
