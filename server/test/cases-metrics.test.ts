import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

// A fresh organisation, so every number below is hand-checked against the cases made here.
const h = await setup();
const admin = () => h.as(h.org.admin);
const agent = await h.user(['agent']);

// 24/7 UTC: business minutes equal wall minutes, so backdating rows sets the clocks exactly.
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
// The org default (listed before a write stores it), Mon–Fri Asia/Shanghai, is the series' default zone.
await admin().get('/api/sla-policies');

const customer = (
  await admin().post('/api/parties', {
    kind: 'person',
    displayName: 'Zhao Lei',
    emails: ['zhao@example.com'],
    roles: [{ role: 'customer' }],
    ownerId: agent.userId,
  })
).json<{ id: string }>().id;

async function openCase(subject: string) {
  const res = await h
    .as(agent)
    .post('/api/cases', { type: 'inquiry', subject, partyId: customer, slaPolicyId: policy.id });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
/** Moves every time of a case (and its history) by `minutes` into the past. */
async function backdate(id: string, minutes: number) {
  const d = sql`make_interval(secs => ${minutes * 60})`;
  await sql`update service_case set created_at = created_at - ${d}, first_response_due_at = first_response_due_at - ${d}, resolve_due_at = resolve_due_at - ${d},
    first_responded_at = first_responded_at - ${d}, resolved_at = resolved_at - ${d} where id = ${id}`.execute(h.db.db);
  await sql`update case_event set at = at - ${d} where case_id = ${id}`.execute(h.db.db);
}
/** Moves the case so that it was created at `at` (durations already measured stay). */
async function createdAt(id: string, at: string) {
  const row = await sql<{ created_at: Date }>`select created_at from service_case where id = ${id}`.execute(h.db.db);
  const created = row.rows[0]?.created_at ?? new Date();
  await backdate(id, (created.getTime() - Date.parse(at)) / 60_000);
}
/** A case answered after `fr` minutes, resolved after `res`, rated `score` by the customer. */
async function resolvedCase(subject: string, at: string, fr: number, res: number, score: number) {
  const id = await openCase(subject);
  await backdate(id, fr);
  expect((await h.as(agent).post(`/api/cases/${id}/replies`, { body: 'On it' })).statusCode).toBe(201);
  await backdate(id, res - fr);
  const resolved = (
    await h.as(agent).post(`/api/cases/${id}/resolve`, { rootCause: 'customer', remedy: 'none' })
  ).json();
  const token = String(resolved.feedback.url).split('/').pop() as string;
  expect(
    (
      await h.app.inject({
        method: 'POST',
        url: `/api/public/case-feedback/${token}`,
        payload: { score },
        remoteAddress: '10.7.0.1',
      })
    ).statusCode,
  ).toBe(201);
  await createdAt(id, at);
}

// Friday 1 March 2024: two resolved cases (UTC 10:00 and 12:00 = Shanghai 18:00 and 20:00 the same day).
await resolvedCase('A', '2024-03-01T10:00:00Z', 10, 30, 4);
await resolvedCase('B', '2024-03-01T12:00:00Z', 30, 90, 2);
// Saturday 2 March 20:00 UTC = Sunday 3 March 04:00 in Shanghai: never answered, so breached.
const c = await openCase('C');
await createdAt(c, '2024-03-02T20:00:00Z');
expect((await h.as(agent).get(`/api/cases/${c}`)).json()).toMatchObject({
  slaState: 'breached',
  firstResponseBreached: true,
});
// Outside the range.
await createdAt(await openCase('D'), '2024-03-10T09:00:00Z');

const range = 'from=2024-03-01&to=2024-03-04';
const metrics = (query: string, by = agent) => h.as(by).get(`/api/cases/metrics?${range}&${query}`);
const zero = {
  count: 0,
  resolved: 0,
  firstResponseMean: null,
  resolutionMean: null,
  breachRate: null,
  reopenRate: null,
  csatMean: null,
  csatCount: 0,
};

describe('metrics over time', () => {
  it('gives one row per UTC day with counts, means, breach rate and CSAT, and zero rows for days without cases', async () => {
    const res = await metrics('interval=day&timeZone=UTC');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ interval: 'day', timeZone: 'UTC' });
    expect(body.total).toMatchObject({ count: 3, resolved: 2 });
    expect(body.series.map((p: { period: string }) => p.period)).toEqual([
      '2024-03-01',
      '2024-03-02',
      '2024-03-03',
      '2024-03-04',
    ]);
    expect(body.series[0]).toMatchObject({
      start: '2024-03-01T00:00:00.000Z',
      count: 2,
      resolved: 2,
      firstResponseMean: 20,
      firstResponseP90: 28,
      resolutionMean: 60,
      breachRate: 0,
      reopenRate: 0,
      csatMean: 3,
      csatCount: 2,
    });
    expect(body.series[1]).toMatchObject({
      count: 1,
      resolved: 0,
      firstResponseMean: null,
      breachRate: 100,
      csatMean: null,
      csatCount: 0,
    });
    expect(body.series[2]).toMatchObject({ start: '2024-03-03T00:00:00.000Z', ...zero });
    expect(body.series[3]).toMatchObject(zero);
  });

  it('cuts days in the org default policy’s time zone unless another is named', async () => {
    const body = (await metrics('interval=day')).json();
    expect(body.timeZone).toBe('Asia/Shanghai');
    // [1 Mar 00:00 UTC, 5 Mar 00:00 UTC) touches Shanghai days 1–5 March; C falls on 3 March there.
    expect(body.series.map((p: { period: string; count: number }) => [p.period, p.count])).toEqual([
      ['2024-03-01', 2],
      ['2024-03-02', 0],
      ['2024-03-03', 1],
      ['2024-03-04', 0],
      ['2024-03-05', 0],
    ]);
    expect(body.series[0].start).toBe('2024-02-29T16:00:00.000Z');
  });

  it('groups by ISO week (from Monday) and by month', async () => {
    const weeks = (await metrics('interval=week&timeZone=UTC')).json().series;
    expect(
      weeks.map((p: { period: string; count: number; breachRate: number | null }) => [p.period, p.count, p.breachRate]),
    ).toEqual([
      ['2024-02-26', 3, 33.3],
      ['2024-03-04', 0, null],
    ]);
    const months = (await metrics('interval=month&timeZone=Europe/Berlin')).json();
    expect(months.series).toHaveLength(1);
    expect(months.series[0]).toMatchObject({
      period: '2024-03-01',
      start: '2024-02-29T23:00:00.000Z',
      count: 3,
      resolutionMean: 60,
      csatMean: 3,
    });
  });

  it('counts only the cases the reader may see, and has no series without an interval', async () => {
    const marketing = await h.user(['marketing']);
    const hidden = (await metrics('interval=day&timeZone=UTC', marketing)).json();
    expect(hidden.total.count).toBe(0);
    expect(hidden.series.map((p: { count: number }) => p.count)).toEqual([0, 0, 0, 0]);
    const plain = (await metrics('groupBy=type')).json();
    expect(plain).toMatchObject({ interval: null, timeZone: null, series: [] });
    expect(plain.groups).toEqual([expect.objectContaining({ key: 'inquiry', count: 3 })]);
  });

  it('rejects an unknown interval or time zone and too many periods', async () => {
    for (const q of ['interval=year', 'interval=day&timeZone=Mars/Olympus']) {
      const res = await metrics(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const long = await h.as(agent).get('/api/cases/metrics?from=2020-01-01&to=2024-12-31&interval=day');
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0]).toMatchObject({ code: 'too_many_periods' });
    expect((await h.as(agent).get('/api/cases/metrics?from=2020-01-01&to=2024-12-31&interval=month')).statusCode).toBe(
      200,
    );
  });
});
