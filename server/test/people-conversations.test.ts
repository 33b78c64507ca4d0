import { beforeAll, describe, expect, it } from 'vitest';
import { setup } from './harness.ts';
import { peopleOrg, type PeopleOrg } from './people-fixture.ts';

// 1:1s and walk-around talks (POST/GET /api/one-on-ones): private notes, agreed actions as tasks.

const h = await setup();
let o: PeopleOrg;
type Talk = { id: string; notes: string | null; actions: { title: string; taskId: string }[] };
const NOTE = 'Worried about the commute; wants the Shanghai account';

beforeAll(async () => {
  o = await peopleOrg(h);
});

describe('1:1s', () => {
  let talk: Talk;
  it('the manager records one; agreed actions become their tasks on the employee', async () => {
    const res = await h.as(o.lead).post('/api/one-on-ones', {
      partyId: o.parties.anna,
      heldOn: '2025-05-10',
      notes: NOTE,
      actions: [{ title: 'Ask sales about the Shanghai account', dueAt: '2025-05-20T09:00:00Z' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    talk = res.json<Talk>();
    expect(talk.actions).toHaveLength(1);
    const task = await h.as(o.lead).get(`/api/tasks/${talk.actions[0]?.taskId}`);
    expect(task.statusCode, task.body).toBe(200);
    expect(task.json()).toMatchObject({ assigneeId: o.lead.userId, partyId: o.parties.anna });
  });

  it('the notes are for the two and HR: not the skip-level manager, a peer, agent or marketing', async () => {
    for (const who of [o.lead, o.anna, o.hr]) {
      const list = await h.as(who).get(`/api/one-on-ones?partyId=${o.parties.anna}`);
      expect(list.json<{ items: Talk[] }>().items.map((t) => t.notes)).toEqual([NOTE]);
    }
    for (const who of [o.boss, o.bo, o.agent, o.marketing, o.executive]) {
      const list = await h.as(who).get(`/api/one-on-ones?partyId=${o.parties.anna}`);
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain('commute');
    }
    const audit = await h.db.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'one_on_one_create')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('commute');
  });

  it('only the chain and HR hold them: the employee 403, outsiders 404; bad input 400', async () => {
    const body = { partyId: o.parties.anna, heldOn: '2025-05-11', kind: 'walk_around' };
    expect((await h.as(o.anna).post('/api/one-on-ones', body)).statusCode).toBe(403);
    for (const who of [o.bo, o.agent, o.marketing, o.executive, o.otherManager]) {
      expect((await h.as(who).post('/api/one-on-ones', body)).statusCode).toBe(404);
    }
    expect((await h.as(o.boss).post('/api/one-on-ones', body)).statusCode).toBe(201);
    expect((await h.as(o.lead).post('/api/one-on-ones', { ...body, kind: 'chat' })).statusCode).toBe(400);
    expect((await h.as(o.lead).post('/api/one-on-ones', { ...body, heldOn: 'soon' })).statusCode).toBe(400);
  });
});
