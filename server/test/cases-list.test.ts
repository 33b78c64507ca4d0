import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

// A fresh organisation: the queue holds exactly the cases made here.
const h = await setup();
const admin = () => h.as(h.org.admin);
const agent = await h.user(['agent']);
const other = await h.user(['agent']);

// 24/7 UTC: the due time is creation + the priority's target (urgent 10 min … low 120 min to first response).
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const targets = {
  low: { firstResponseMinutes: 120, resolveMinutes: 600 },
  normal: { firstResponseMinutes: 60, resolveMinutes: 240 },
  high: { firstResponseMinutes: 30, resolveMinutes: 120 },
  urgent: { firstResponseMinutes: 10, resolveMinutes: 60 },
};
const policy = (
  await admin().post('/api/sla-policies', { name: '24/7', timeZone: 'UTC', hours: allDay, targets })
).json<{ id: string }>();

type Item = { id: string; subject: string; priority: string; status: string };
async function openCase(subject: string, priority: string, assigneeId: string = agent.userId) {
  const res = await h
    .as(agent)
    .post('/api/cases', { type: 'request', subject, priority, assigneeId, slaPolicyId: policy.id });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}
// Opened in this order; "normal" is answered (its running clock is then the 240-minute resolution),
// "high" is resolved (no running clock) and "low" waits on the customer (pending).
const urgent = await openCase('urgent', 'urgent');
const normal = await openCase('normal', 'normal', other.userId);
const high = await openCase('high', 'high');
const low = await openCase('low', 'low');
expect((await admin().post(`/api/cases/${normal.id}/replies`, { body: 'Looking into it' })).statusCode).toBe(201);
expect((await admin().post(`/api/cases/${high.id}/resolve`, { rootCause: 'other', remedy: 'none' })).statusCode).toBe(
  200,
);
expect((await admin().patch(`/api/cases/${low.id}`, { status: 'pending', version: low.version })).statusCode).toBe(200);
// The last change is on "urgent".
expect(
  (
    await admin().patch(`/api/cases/${urgent.id}`, {
      subject: 'urgent',
      description: 'Touched last',
      version: urgent.version,
    })
  ).statusCode,
).toBe(200);

const list = async (query: string, by = admin()) => {
  const res = await by.get(`/api/cases?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[]; nextCursor: string | null }>();
};
const subjects = async (query: string) => (await list(query)).items.map((c) => c.subject);
/** Every page of `limit` 1: keyset paging must walk the same order as one big page. */
async function walk(sort: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.items.map((c) => c.subject));
    cursor = page.nextCursor;
  } while (cursor && out.length < 10);
  return out;
}

describe('case list sorting', () => {
  it('sorts by priority and status rank, not alphabetically, both ways', async () => {
    expect(await subjects('sort=priority')).toEqual(['low', 'normal', 'high', 'urgent']);
    expect(await subjects('sort=-priority')).toEqual(['urgent', 'high', 'normal', 'low']);
    // urgent is new; normal open; low pending; high resolved.
    expect(await subjects('sort=status')).toEqual(['urgent', 'normal', 'low', 'high']);
  });

  it('sorts by the next SLA due time, cases without a running clock last', async () => {
    // urgent: first response in 10 min; low: pending, first response in ~120; normal: answered, resolution in 240; high: resolved.
    expect(await subjects('sort=slaDueAt')).toEqual(['urgent', 'low', 'normal', 'high']);
    expect(await subjects('sort=-slaDueAt')).toEqual(['high', 'normal', 'low', 'urgent']);
  });

  it('sorts by creation and last change; the default is the last change first', async () => {
    expect(await subjects('sort=createdAt')).toEqual(['urgent', 'normal', 'high', 'low']);
    expect(await subjects('sort=-createdAt')).toEqual(['low', 'high', 'normal', 'urgent']);
    expect((await subjects(''))[0]).toBe('urgent');
    expect(await subjects('')).toEqual(await subjects('sort=-updatedAt'));
  });

  it('pages through every sort with cursors in the same order', async () => {
    for (const sort of [
      'priority',
      '-priority',
      'status',
      '-status',
      'slaDueAt',
      '-slaDueAt',
      'createdAt',
      '-updatedAt',
    ]) {
      expect(await walk(sort), sort).toEqual(await subjects(`sort=${sort}`));
    }
  });

  it('rejects an unknown sort field and a cursor of another sort', async () => {
    for (const sort of ['subject', '--priority', 'priority,status']) {
      const res = await admin().get(`/api/cases?sort=${encodeURIComponent(sort)}`);
      expect(res.statusCode, sort).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const byPriority = await list('sort=priority&limit=1');
    const res = await admin().get(`/api/cases?sort=createdAt&cursor=${byPriority.nextCursor}`);
    expect(res.statusCode).toBe(400);
  });

  it('exports in the chosen order with the next due time', async () => {
    const res = await admin().get('/api/cases/export?format=csv&raw=true&sort=slaDueAt&columns=subject,slaDueAt');
    expect(res.statusCode).toBe(200);
    const rows = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.map((r) => r[0])).toEqual(['urgent', 'low', 'normal', 'high']);
    expect(rows[3]?.[1]).toBe('');
    expect(Date.parse(rows[0]?.[1] ?? '')).toBeLessThan(Date.parse(rows[1]?.[1] ?? ''));
  });
});

describe('assigned to me', () => {
  it('assigneeId=me lists the reader’s own cases', async () => {
    expect((await list('assigneeId=me&sort=createdAt', h.as(agent))).items.map((c) => c.subject)).toEqual([
      'urgent',
      'high',
      'low',
    ]);
    expect((await list('assigneeId=me', h.as(other))).items.map((c) => c.subject)).toEqual(['normal']);
    expect((await list(`assigneeId=${other.userId}`)).items.map((c) => c.subject)).toEqual(['normal']);
    expect((await list('assigneeId=me')).items).toEqual([]);
    expect((await admin().get('/api/cases?assigneeId=myself')).statusCode).toBe(400);
  });
});
