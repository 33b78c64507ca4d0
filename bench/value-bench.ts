/**
 * Value analytics in the bench: each endpoint, called through the app (auth, validation, access in the query,
 * serialisation), against the best hand-written SQL for the same answer run directly on the same database in the
 * same run (median of `runs` after a warm-up; goal ≤ 1.3×). The CLV fit is timed whole; its baseline is the one SQL
 * aggregation it reads (the rest is the maximum-likelihood fit itself).
 */
import { sql } from 'kysely';
import type { buildApp } from '../server/src/app.ts';
import type { DatabaseHandle } from '../server/src/platform/db/database.ts';
import { addDays } from './value-core.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

export interface ValueBenchRow {
  case: string;
  apiMs: number;
  sqlMs: number;
  ratio: number;
  status: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed(f: () => Promise<unknown>, runs: number): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return +median(times).toFixed(1);
}

const live = sql`p.deleted_at is null and p.merged_into_id is null`;

/**
 * Hand-written SQL: concentration over customers (`k` = p.id) or owners (`k` = p.owner_id) in CNY, with the count of
 * transactions in other currencies (part of the answer).
 */
const concentrationSql = (orgId: string, key: 'p.id' | 'p.owner_id', from: string, to: string) => sql`
  with s as (
    select ${sql.raw(key)} as k, sum(t.amount) filter (where t.currency = 'CNY') as x,
      count(*) filter (where t.currency <> 'CNY') as other
    from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
    where t.org_id = ${orgId} and t.occurred_at >= ${from} and t.occurred_at < ${to} and ${live}
    group by 1
  ), o as (
    select x, row_number() over w as i, count(*) over () as n, sum(x) over () as tot,
      sum(x) over (w rows unbounded preceding) as cum from s where x > 0 and k is not null window w as (order by x, k)
  )
  select n, tot, sum((2 * i - n - 1) * x) / (n * tot) as gini,
    sum(x) filter (where i > n - ceil(0.2 * n)) / tot as top20, (select sum(other) from s) as excluded,
    json_agg(json_build_object('i', i, 'y', cum / tot) order by i) filter (where n <= 100 or (100 * i) / n > (100 * (i - 1)) / n)
  from o group by n, tot`;

const cohortsSql = (orgId: string, from: string, to: string) => sql`
  with f as (
    select t.party_id, date_trunc('month', min(t.occurred_at) at time zone 'UTC') as c from transaction t
    join party p on p.org_id = t.org_id and p.id = t.party_id
    where t.org_id = ${orgId} and t.amount > 0 and t.occurred_at < ${to} and ${live}
    group by 1 having min(t.occurred_at) >= ${from}
  ), a as (
    select distinct t.party_id, date_trunc('month', t.occurred_at at time zone 'UTC') as m from transaction t
    join f on f.party_id = t.party_id where t.org_id = ${orgId} and t.amount > 0 and t.occurred_at < ${to}
  )
  select f.c, a.m, count(*) from f join a on a.party_id = f.party_id group by 1, 2`;

/**
 * Hand-written SQL: the whole cross-sell answer by category in one statement (baskets within the cap of 30 items, the app's MAX_BASKET_ITEMS, and
 * those left out, the rules with lift ≥ 1 over pairs in ≥ 2 baskets, the top 100, and the cross-sell ratio's active
 * and multi-category customers), reading the period's purchases once.
 */
const crossSellSql = (orgId: string, from: string, to: string) => sql`
  with b as (
    select t.id, t.party_id from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
    where t.org_id = ${orgId} and t.amount > 0 and t.occurred_at >= ${from} and t.occurred_at < ${to} and ${live}
  ), items as (
    select distinct l.transaction_id as basket, b.party_id, pr.category as item from transaction_line l
    join b on b.id = l.transaction_id join product pr on pr.org_id = l.org_id and pr.id = l.product_id
    where l.org_id = ${orgId} and pr.category is not null
  ), sized as (select basket, count(*) as k from items group by basket),
  kept as (select i.basket, i.item from items i join sized s on s.basket = i.basket where s.k <= 30),
  n as (select count(distinct basket)::float8 as n from kept),
  single as (select item, count(*)::float8 as c from kept group by item),
  pairs as (
    select x.item as a, y.item as b, count(*) as ab from kept x join kept y on y.basket = x.basket and x.item < y.item
    group by 1, 2 having count(*) >= 2
  ), directed as (select a, b, ab from pairs union all select b, a, ab from pairs),
  scored as (
    select d.a, d.b, d.ab, d.ab / n.n as support, d.ab / sa.c as confidence, (d.ab / sa.c) / (sb.c / n.n) as lift
    from directed d cross join n join single sa on sa.item = d.a join single sb on sb.item = d.b
  )
  select (select n from n) as baskets, (select count(*) from sized where k > 30) as left_out,
    (select count(distinct party_id) from b) as active,
    (select count(*) from (select party_id from items group by 1 having count(distinct item) >= 2) m) as multi,
    (select json_agg(r) from (select * from scored where lift >= 1 order by lift desc, ab desc, a, b limit 100) r) as rules`;

/** Per customer (x, tₓ, T, m̄ₓ) in days up to asOf; `compressed` groups them (the fit's one aggregation). */
const clvInputsSql = (orgId: string, asOf: string, compressed: boolean) => {
  const inner = sql`
    with d as (
      select t.party_id, (t.occurred_at at time zone 'UTC')::date as d, sum(t.amount) as amount from transaction t
      join party p on p.org_id = t.org_id and p.id = t.party_id
      where t.org_id = ${orgId} and t.currency = 'CNY' and t.occurred_at < (${asOf}::date + 1) and ${live}
      group by 1, 2 having sum(t.amount) > 0
    ), m as (select *, min(d) over (partition by party_id) as f from d)
    select party_id, count(*) - 1 as x, max(d) - min(d) as tx, ${asOf}::date - min(d) as t,
      sum(amount) filter (where d > f) / nullif(count(*) - 1, 0) as mean
    from m group by party_id`;
  return compressed ? sql`select x, tx, t, mean, count(*) from (${inner}) c group by 1, 2, 3, 4` : inner;
};

const simpleSql = (orgId: string, asOf: string) => sql`
  with d as (
    select t.party_id, (t.occurred_at at time zone 'UTC')::date as d, sum(t.amount) filter (where t.currency = 'CNY') as amount,
      count(*) filter (where t.currency <> 'CNY') as other
    from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
    where t.org_id = ${orgId} and t.occurred_at >= (${asOf}::date - 729) and t.occurred_at < (${asOf}::date + 1) and ${live}
    group by 1, 2
  ), c as (
    select party_id, count(*) filter (where d > ${asOf}::date - 365) as cur,
      sum(amount) filter (where d > ${asOf}::date - 365) as rev, count(*) filter (where d <= ${asOf}::date - 365) as prior
    from d where amount > 0 group by 1
  )
  select count(*) filter (where cur > 0), sum(cur), sum(rev), count(*) filter (where prior > 0),
    count(*) filter (where prior > 0 and cur = 0), (select sum(other) from d) from c`;

export async function valueBench(
  app: App,
  h: DatabaseHandle,
  orgId: string,
  headers: Record<string, string>,
  runs = 5,
): Promise<ValueBenchRow[]> {
  const now = new Date();
  const to = now.toISOString();
  const from = '2000-01-01T00:00:00.000Z';
  const twoYears = new Date(now.getTime() - 730 * 86_400_000).toISOString();
  const asOf = to.slice(0, 10);
  // The last year of the data (the generator's history ends before today).
  const last = await sql<{ day: string | null }>`
    select (max(occurred_at) at time zone 'UTC')::date::text as day from transaction where org_id = ${orgId}`.execute(
    h.db,
  );
  const yearTo = addDays(last.rows[0]?.day ?? asOf, 1);
  const yearFrom = addDays(yearTo, -365);
  const cases: { name: string; method?: 'POST'; url: string; body?: object; base: ReturnType<typeof sql> }[] = [
    {
      name: 'concentration by customer (all history)',
      url: `/api/value/concentration?from=${from}&to=${to}&currency=CNY`,
      base: concentrationSql(orgId, 'p.id', from, to),
    },
    {
      name: 'concentration by owner',
      url: `/api/value/concentration?by=owner&from=${from}&to=${to}&currency=CNY`,
      base: concentrationSql(orgId, 'p.owner_id', from, to),
    },
    {
      name: 'cohorts (24 months)',
      url: `/api/value/cohorts?from=${twoYears}&to=${to}`,
      base: cohortsSql(orgId, twoYears, to),
    },
    {
      name: 'cross-sell rules by category (a year)',
      url: `/api/value/cross-sell/rules?level=category&from=${yearFrom}&to=${yearTo}`,
      base: crossSellSql(orgId, `${yearFrom}T00:00:00.000Z`, `${yearTo}T00:00:00.000Z`),
    },
    {
      name: 'simple CLV',
      url: `/api/value/clv/simple?asOf=${asOf}&currency=CNY`,
      base: simpleSql(orgId, asOf),
    },
    {
      name: 'CLV fit (weeks; SQL: its one aggregation)',
      method: 'POST',
      url: '/api/value/clv/fit',
      body: { asOf, timeUnit: 'week', currency: 'CNY' },
      base: clvInputsSql(orgId, asOf, true),
    },
    {
      name: 'CLV customers page (SQL: inputs only)',
      url: '/api/value/clv/customers?limit=50',
      base: clvInputsSql(orgId, asOf, false),
    },
  ];
  const rows: ValueBenchRow[] = [];
  for (const c of cases) {
    let status = 0;
    const apiMs = await timed(
      async () => {
        const res = await app.inject({
          method: c.method ?? 'GET',
          url: c.url,
          headers,
          ...(c.body ? { payload: c.body } : {}),
        });
        status = res.statusCode;
        // A large organisation's fit answers 202 and runs in the background: time it until it has finished.
        if (status === 202) {
          status = await fitFinished(app, headers, res.json<{ id: string }>().id);
        }
        // A fit is timed once after its warm-up: at M it takes tens of seconds, and its spread is small.
      },
      c.method === 'POST' ? 1 : runs,
    );
    const sqlMs = await timed(() => c.base.execute(h.db), runs);
    rows.push({ case: c.name, apiMs, sqlMs, ratio: +(apiMs / Math.max(0.1, sqlMs)).toFixed(2), status });
    process.stdout.write(`  measured: ${c.name} (${status}): API ${apiMs} ms, SQL ${sqlMs} ms\n`);
  }
  rows.push(await snapshotRun(app, h, orgId, headers, asOf));
  rows.push(await customersPage(app, h, orgId, headers, runs));
  return rows;
}

/** Polls a background CLV fit until it is done (200) or failed (422). */
async function fitFinished(app: App, headers: Record<string, string>, id: string): Promise<number> {
  for (;;) {
    const fit = (await app.inject({ url: `/api/value/clv/fits/${id}`, headers })).json<{ status: string }>();
    if (fit.status === 'done' || fit.status === 'failed') {
      return fit.status === 'done' ? 200 : 422;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Hand-written SQL: the purchase days per customer a snapshot reads (the rest is scoring, classes, CLV, the insert). */
const purchaseDaysSql = (orgId: string, asOf: string) => sql`
  select count(*) from (
    select t.party_id, (t.occurred_at at time zone 'UTC')::date as day, sum(t.amount)
    from "transaction" t join party p on p.org_id = t.org_id and p.id = t.party_id
    where t.org_id = ${orgId} and t.currency = 'CNY' and t.occurred_at < ((${asOf}::date + 1)::timestamp at time zone 'UTC')
      and ${live}
    group by 1, 2) d`;

/** One value snapshot run, timed whole (POST, then until it is done), once: it rewrites every customer's row. */
async function snapshotRun(
  app: App,
  h: DatabaseHandle,
  orgId: string,
  headers: Record<string, string>,
  asOf: string,
): Promise<ValueBenchRow> {
  let status = 0;
  const t = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/value/snapshots', headers, payload: { currency: 'CNY' } });
  let run = res.json<{ id: string; status: string }>();
  while (run.status === 'queued' || run.status === 'running') {
    await new Promise((r) => setTimeout(r, 200));
    run = (await app.inject({ url: `/api/value/snapshots/${run.id}`, headers })).json();
  }
  const apiMs = +(performance.now() - t).toFixed(1);
  status = run.status === 'done' ? res.statusCode : 500;
  const sqlMs = await timed(() => purchaseDaysSql(orgId, asOf).execute(h.db), 1);
  process.stdout.write(`  measured: value snapshot run (${run.status})\n`);
  const name = 'value snapshot run (SQL: the purchase days it reads)';
  return { case: name, apiMs, sqlMs, ratio: +(apiMs / Math.max(0.1, sqlMs)).toFixed(2), status };
}

/** The first page of customers by value (CLV, highest first) vs the same keyset query on the snapshot table. */
async function customersPage(
  app: App,
  h: DatabaseHandle,
  orgId: string,
  headers: Record<string, string>,
  runs: number,
): Promise<ValueBenchRow> {
  let status = 0;
  const apiMs = await timed(async () => {
    status = (await app.inject({ url: '/api/value/customers?limit=50', headers })).statusCode;
  }, runs);
  const base = sql`
    select vs.party_id, p.display_name, p.owner_id, vs.rfm_segment, vs.value_class, vs.clv, vs.recency_days,
      vs.frequency, vs.monetary, vs.r, vs.f, vs.m
    from value_snapshot vs join party p on p.org_id = vs.org_id and p.id = vs.party_id
    where vs.org_id = ${orgId} and vs.run_id = (
      select id from value_snapshot_run where org_id = ${orgId} and status = 'done' order by finished_at desc limit 1)
    order by vs.clv desc nulls last, vs.party_id desc limit 51`;
  const sqlMs = await timed(() => base.execute(h.db), runs);
  process.stdout.write(`  measured: customers by value (${status})\n`);
  return {
    case: 'customers by value, first page',
    apiMs,
    sqlMs,
    ratio: +(apiMs / Math.max(0.1, sqlMs)).toFixed(2),
    status,
  };
}
