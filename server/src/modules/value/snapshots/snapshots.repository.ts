import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { PreparedScorer, ScoredColumns, ScoreRun } from './scorer.ts';
import type { SnapshotRunRow, ValueSnapshotRunTable } from '../segments/value-segments.tables.ts';

/** How many finished runs an organisation keeps (the latest is what segments and the party page read). */
export const RUNS_KEPT = 3;

const col = <T>(name: string) => sql<T>`${sql.ref(`s.${name}`)}`;
const scoredColumns: ScoredColumns = {
  partyId: col<string>('party_id'),
  recencyDays: col<number>('recency_days'),
  frequency: col<number>('frequency'),
  monetary: col<string>('monetary'),
  r: col<number | null>('r'),
  f: col<number | null>('f'),
  m: col<number | null>('m'),
  x: col<number>('x'),
  tX: col<number>('t_x'),
  tCal: col<number>('t_cal'),
  repeatMean: col<string | null>('repeat_mean'),
};

/**
 * ceil(5 × cume_dist()) in integers: cume_dist = k / n, k the rows up to and including the current one's peers —
 * among the customers who bought in the window (partitioned off from the others, whose score is null), so the scores
 * come from window functions over the same rows, with no self-join.
 */
const score = (order: ReturnType<typeof sql>) => {
  const part = sql`partition by per.frequency > 0`;
  return sql`case when per.frequency > 0 then ((5 * count(*) over (${part} order by ${order}) + count(*) over (${part}) - 1)
    / count(*) over (${part}))::smallint end`;
};

export const snapshotsRepository = {
  /**
   * Writes every buyer's snapshot row for a run, in one statement (docs/metrics.md "Value snapshots", "RFM"):
   * purchase days per customer (UTC days with a transaction of a positive amount, in the run's currency, of live
   * parties, up to the end of the as-of day), window aggregates, scores among customers who bought in the window,
   * then the scorer's segment (class and CLV follow in their own updates). Returns the rows written.
   */
  async write(db: Db, runId: string, run: ScoreRun, scorer: PreparedScorer): Promise<number> {
    const asOf = sql`${run.asOf}::date`;
    const end = sql`((${run.asOf}::date + 1)::timestamp at time zone 'UTC')`;
    const windowStart = sql`(${run.asOf}::date - ${run.windowDays}::int)`;
    const res = await sql`
      insert into value_snapshot (org_id, run_id, party_id, as_of, currency, first_purchase_on, last_purchase_on,
        purchase_days, recency_days, frequency, monetary, r, f, m, rfm_segment)
      with days as (
        select t.party_id, (t.occurred_at at time zone 'UTC')::date as day, sum(t.amount) as amount,
          bool_or(t.amount > 0) as bought
        from "transaction" t
        join party p on p.org_id = t.org_id and p.id = t.party_id
        where t.org_id = ${run.orgId} and t.currency = ${run.currency} and t.occurred_at < ${end}
          and p.deleted_at is null and p.merged_into_id is null
        group by 1, 2
      ),
      firsts as (
        select d.*, min(d.day) filter (where d.bought) over (partition by d.party_id) as first_day from days d
      ),
      per as (
        select party_id, min(first_day) as first_day, max(day) filter (where bought) as last_day,
          (count(*) filter (where bought))::int as purchase_days,
          (count(*) filter (where bought and day > ${windowStart}))::int as frequency,
          coalesce(sum(amount) filter (where day > ${windowStart}), 0) as monetary,
          avg(amount) filter (where bought and day > first_day) as repeat_mean
        from firsts group by party_id
        having bool_or(bought)
      ),
      s as (
        select per.party_id, per.first_day, per.last_day, per.purchase_days, per.frequency, per.monetary,
          per.repeat_mean, (${asOf} - per.last_day) as recency_days,
          ${score(sql`${asOf} - per.last_day desc`)} as r, ${score(sql`per.frequency`)} as f,
          ${score(sql`per.monetary`)} as m,
          per.purchase_days - 1 as x, (per.last_day - per.first_day) as t_x, (${asOf} - per.first_day) as t_cal
        from per
      )
      select ${run.orgId}::uuid, ${runId}::uuid, s.party_id, ${asOf}, ${run.currency}, s.first_day, s.last_day,
        s.purchase_days, s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m,
        ${scorer.segment(scoredColumns)}
      from s`.execute(db);
    return Number(res.numAffectedRows ?? 0);
  },

  /**
   * Fresh statistics after a run's rows are written, so the class and CLV updates that follow are planned on the
   * real row count (the embedded engine has no autovacuum; a stale estimate of one row plans a nested loop over
   * every row of the run: seconds at thousands of customers).
   */
  async analyze(db: Db): Promise<void> {
    await sql`analyze value_snapshot`.execute(db);
  },

  /** Transactions of live parties up to the end of the as-of day in another currency than the run's. */
  async leftOut(db: Db, run: ScoreRun): Promise<number> {
    const res = await sql<{ n: number }>`
      select count(*)::int as n from "transaction" t
      join party p on p.org_id = t.org_id and p.id = t.party_id
      where t.org_id = ${run.orgId} and t.currency <> ${run.currency}
        and t.occurred_at < ((${run.asOf}::date + 1)::timestamp at time zone 'UTC')
        and p.deleted_at is null and p.merged_into_id is null`.execute(db);
    return res.rows[0]?.n ?? 0;
  },

  /** The currency most transactions of the window are in (ties: alphabetical), or null when there are none. */
  async mainCurrency(db: Db, orgId: string, asOf: string, windowDays: number): Promise<string | null> {
    const res = await sql<{ currency: string }>`
      select t.currency from "transaction" t
      where t.org_id = ${orgId}
        and t.occurred_at >= ((${asOf}::date - ${windowDays}::int + 1)::timestamp at time zone 'UTC')
        and t.occurred_at < ((${asOf}::date + 1)::timestamp at time zone 'UTC')
      group by 1 order by count(*) desc, 1 limit 1`.execute(db);
    return res.rows[0]?.currency ?? null;
  },

  scoredCount: async (db: Db, orgId: string, runId: string): Promise<number> => {
    const r = await db
      .selectFrom('value_snapshot')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('run_id', '=', runId)
      .where('r', 'is not', null)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  insertRun: (db: Db, row: Insertable<ValueSnapshotRunTable>): Promise<SnapshotRunRow> =>
    db.insertInto('value_snapshot_run').values(row).returningAll().executeTakeFirstOrThrow(),

  activeRun: (db: Db, orgId: string): Promise<SnapshotRunRow | undefined> =>
    db
      .selectFrom('value_snapshot_run')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst(),

  findRun: (db: Db, orgId: string, id: string): Promise<SnapshotRunRow | undefined> =>
    db.selectFrom('value_snapshot_run').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  listRuns: (db: Db, orgId: string, limit: number): Promise<SnapshotRunRow[]> =>
    db
      .selectFrom('value_snapshot_run')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),

  /** The latest finished run: what segments, the party page and lists read. */
  latestDone: (db: Db, orgId: string): Promise<SnapshotRunRow | undefined> =>
    db
      .selectFrom('value_snapshot_run')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('status', '=', 'done')
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),

  async setStatus(
    db: Db,
    orgId: string,
    id: string,
    set: Partial<Pick<SnapshotRunRow, 'status' | 'customers' | 'scored' | 'left_out' | 'error'>> & {
      started?: boolean;
      finished?: boolean;
    },
  ): Promise<void> {
    const { started, finished, ...cols } = set;
    await db
      .updateTable('value_snapshot_run')
      .set({
        ...cols,
        ...(started ? { started_at: sql<Date>`now()` } : {}),
        ...(finished ? { finished_at: sql<Date>`now()` } : {}),
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  /** Removes finished runs beyond the latest `keep` (their rows go with them). */
  async prune(db: Db, orgId: string, keep = RUNS_KEPT): Promise<void> {
    await sql`
      delete from value_snapshot_run x where x.org_id = ${orgId} and x.status = 'done' and x.id not in (
        select k.id from value_snapshot_run k where k.org_id = ${orgId} and k.status = 'done'
        order by k.finished_at desc, k.id desc limit ${keep})`.execute(db);
  },

  /** Organisations with at least one transaction (the nightly job snapshots them). */
  async orgsWithTransactions(db: Db): Promise<string[]> {
    const res = await sql<{
      org_id: string;
    }>`select o.org_id from organization o where exists (select 1 from "transaction" t where t.org_id = o.org_id)`.execute(
      db,
    );
    return res.rows.map((r) => r.org_id);
  },

  /** A party's row in a run. */
  partyRow: (db: Db, orgId: string, runId: string, partyId: string) =>
    db
      .selectFrom('value_snapshot')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('run_id', '=', runId)
      .where('party_id', '=', partyId)
      .executeTakeFirst(),
};
