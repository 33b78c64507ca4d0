/**
 * The value analytics core (summary, RFM, value classes) under `npm run bench`: each endpoint, called through the
 * app as the admin, against a hand-written SQL statement giving the same answer for the whole organisation, both
 * measured in the same run (median of `runs` after one warm-up). The hand-written statements read the tables
 * directly, with only the live-party condition an admin's visibility reduces to; the classes statement counts
 * interactions and remedy costs at the default unit costs (0), as the endpoint does.
 */
import { sql, type RawBuilder } from 'kysely';
import type { buildApp } from '../server/src/app.ts';
import type { DatabaseHandle } from '../server/src/platform/db/database.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return +median(times).toFixed(1);
}

export const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * The best statements we could write by hand for the same answers (UTC days): each one chooses the window's main
 * currency and reports the transactions and revenue per currency, as the endpoints' answers do.
 */
function handWritten(orgId: string, asOf: string): Record<string, RawBuilder<unknown>> {
  const from = addDays(asOf, -364);
  const to = addDays(asOf, 1);
  const live = sql`join party p on p.org_id = t.org_id and p.id = t.party_id and p.deleted_at is null and p.merged_into_id is null`;
  const window = (lo: string) =>
    sql`t.org_id = ${orgId} and t.occurred_at >= ${lo}::date::timestamptz and t.occurred_at < ${to}::date::timestamptz`;
  const day = sql`(t.occurred_at at time zone 'UTC')::date`;
  // Part of every window answer: the transactions and revenue per currency, and the analysis currency (the one with
  // the most transactions). Two ways to write the customers of the window in that currency (`c`: party_id, rd days
  // since the last purchase, f purchase days, m revenue), both measured, the faster one the baseline: a pass per
  // currency then a pass over the customers in the chosen one, or one pass per customer and currency.
  const customers = (onePass: boolean) =>
    onePass
      ? sql`
    pc as (
      select t.party_id, t.currency, count(*) as n, sum(t.amount) as m, max(${day}) filter (where t.amount > 0) as last,
        count(distinct ${day}) filter (where t.amount > 0) as f
      from transaction t ${live} where ${window(from)} group by 1, 2
    ),
    money as (select currency, sum(n) as n, sum(m) as revenue from pc group by currency),
    cur as (select currency from money order by n desc, currency limit 1),
    c as (
      select party_id, ${asOf}::date - last as rd, f, m from pc where currency = (select currency from cur) and last is not null
    )`
      : sql`
    money as (
      select t.currency, count(*) as n, sum(t.amount) as revenue from transaction t ${live} where ${window(from)}
      group by t.currency
    ),
    cur as (select currency from money order by n desc, currency limit 1),
    c as (
      select t.party_id, ${asOf}::date - max(${day}) filter (where t.amount > 0) as rd,
        count(distinct ${day}) filter (where t.amount > 0) as f, sum(t.amount) as m
      from transaction t ${live} where ${window(from)} and t.currency = (select currency from cur)
      group by t.party_id having bool_or(t.amount > 0)
    )`;
  const rfm = (onePass: boolean) => sql`
      with ${customers(onePass)},
      s as (
        select ceil(5 * cume_dist() over (order by rd desc)) as r, ceil(5 * cume_dist() over (order by f)) as fs,
          ceil(5 * cume_dist() over (order by m)) as ms, m from c
      )
      select r, fs, case when r >= 4 and fs >= 4 and ms >= 4 then 'champions' when r >= 3 and fs >= 4 then 'loyal'
        else 'other' end as segment, count(*), sum(m)
      from s group by grouping sets ((r, fs), (3), ())
      union all select null, null, 'currency', n, revenue from money`;
  const classes = (onePass: boolean) => sql`
      with ${customers(onePass)},
      k as (
        select c.party_id, c.f, c.m as revenue, coalesce(sc.remedy, 0) + 0 * coalesce(i.n, 0) as cost,
          c.m - coalesce(sc.remedy, 0) - 0 * coalesce(i.n, 0) as profit
        from c
        left join (select party_id, count(*) as n from interaction
          where org_id = ${orgId} and direction <> 'internal'
            and occurred_at >= ${from}::date::timestamptz and occurred_at < ${to}::date::timestamptz
          group by party_id) i on i.party_id = c.party_id
        left join (select party_id, sum(remedy_cost) as remedy from service_case
          where org_id = ${orgId} and type <> 'grievance' and not anonymous
            and created_at >= ${from}::date::timestamptz and created_at < ${to}::date::timestamptz
          group by party_id) sc on sc.party_id = c.party_id
      ),
      t as (select percentile_cont(0.5) within group (order by profit) as pm,
        percentile_cont(0.5) within group (order by revenue) as rm, percentile_cont(0.5) within group (order by cost) as cm
        from k)
      select (f >= 2) as loyal, (profit >= pm and profit > 0) as hp, (revenue >= rm and revenue > 0) as hr,
        (cost >= cm and cost > 0) as hc, count(*), sum(revenue)
      from k cross join t group by grouping sets ((1, 2), (3, 4), ())
      union all select null, null, null, null, n, revenue from money`;
  return {
    summary: sql`
      with d as (
        select t.party_id, (t.occurred_at at time zone 'UTC')::date as day, t.amount, t.currency
        from transaction t ${live} where ${window(addDays(from, -365))}
      ),
      per as (
        select party_id,
          bool_or(amount > 0 and day < ${from}::date) as s,
          bool_or(amount > 0 and day >= ${addDays(to, -365)}::date) as e,
          count(distinct day) filter (where amount > 0 and day >= ${from}::date) as days
        from d group by party_id
      )
      select count(*) filter (where s) as s, count(*) filter (where e) as e, count(*) filter (where s and e) as kept,
        count(*) filter (where days > 0) as active, count(*) filter (where days > 1) as repeat,
        count(*) filter (where days > 0 and not exists (
          select 1 from transaction t2 where t2.org_id = ${orgId} and t2.party_id = per.party_id and t2.amount > 0
            and t2.occurred_at < ${from}::date::timestamptz)) as new,
        (select json_agg(x) from (select currency, count(*), sum(amount) from d where day >= ${from}::date
          group by currency) x) as money
      from per`,
    rfm: rfm(false),
    'rfm, one pass': rfm(true),
    classes: classes(false),
    'classes, one pass': classes(true),
  };
}

export async function valueCoreBench(
  app: App,
  h: DatabaseHandle,
  orgId: string,
  auth: Record<string, string>,
  runs = 5,
) {
  const last = await sql<{ day: string }>`
    select (max(occurred_at) at time zone 'UTC')::date::text as day from transaction where org_id = ${orgId}`.execute(
    h.db,
  );
  const asOf = last.rows[0]?.day ?? new Date().toISOString().slice(0, 10);
  const from = addDays(asOf, -364);
  const to = addDays(asOf, 1);
  const api: Record<string, string> = {
    summary: `/api/value/summary?from=${from}&to=${to}`,
    rfm: `/api/value/rfm?asOf=${asOf}`,
    classes: `/api/value/classes?asOf=${asOf}`,
  };
  const hand = handWritten(orgId, asOf);
  const rows = [];
  for (const name of Object.keys(api)) {
    const url = api[name] as string;
    const call = async () => {
      const res = await app.inject({ method: 'GET', url, headers: auth });
      if (res.statusCode !== 200) {
        throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      }
    };
    const endpointMs = await timed(runs, call);
    // The faster of the hand-written ways to the same answer, each timed on its own.
    let sqlMs = Infinity;
    for (const k of Object.keys(hand).filter((v) => v === name || v.startsWith(`${name}, `))) {
      sqlMs = Math.min(sqlMs, await timed(runs, () => (hand[k] as RawBuilder<unknown>).execute(h.db)));
    }
    rows.push({ case: `value ${name}`, endpointMs, handSqlMs: sqlMs, ratio: +(endpointMs / sqlMs).toFixed(2) });
    process.stdout.write(`  measured: value ${name}\n`);
  }
  console.table(rows.map((r) => ({ ...r, 'goal ≤ 1.3': r.ratio <= 1.3 ? 'yes' : 'no' })));
  return rows;
}
