import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { ClvFitError, ClvTimeUnit, StoredClvModel, ValueClvFitRow } from '../value.tables.ts';

// The SQL of the probabilistic CLV (docs/metrics.md "CLV, probabilistic"). A purchase day is a UTC day whose net
// amount in the currency is > 0 (refunds net out within the day; a day that nets to zero or less is not a
// purchase); x, tₓ and T are counted in whole days here and converted to the model's unit by the service.

/** Whole days: repeat purchase days, last purchase − first, as-of − first. */
export interface Triple {
  x: number;
  tx_days: number;
  t_days: number;
}
const live = sql<SqlBool>`p.deleted_at is null and p.merged_into_id is null`;

export interface CompressedInputs {
  x: number;
  tx_days: number;
  t_days: number;
  mean: number | null;
  n: number;
}

/** Per customer in scope: (x, tₓ, T) in days and the mean amount of the repeat purchase days, up to `asOf` (inclusive). */
export function perCustomer(orgId: string, currency: string, asOf: string, scope: Expression<SqlBool>) {
  return sql`
    with days as (
      select t.party_id, (t.occurred_at at time zone 'UTC')::date as d, sum(t.amount) as amount
      from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
      where t.org_id = ${orgId} and t.currency = ${currency}
        and t.occurred_at < (${asOf}::date + 1)::timestamp at time zone 'UTC' and ${scope}
      group by t.party_id, d
      having sum(t.amount) > 0
    ), marked as (
      select party_id, d, amount, min(d) over (partition by party_id) as first_d from days
    )
    select party_id, (count(*) - 1)::int as x, (max(d) - min(d))::int as tx_days,
      (${asOf}::date - min(d))::int as t_days,
      (sum(amount) filter (where d > first_d) / nullif(count(*) - 1, 0))::float8 as mean
    from marked group by party_id`;
}

export const clvRepository = {
  /** ONE aggregation: the compressed (x, tₓ, T, m̄ₓ) counts over every live customer of the org (the fit's input). */
  async compressedInputs(db: Db, orgId: string, currency: string, asOf: string): Promise<CompressedInputs[]> {
    const { rows } = await sql<CompressedInputs>`
      select x, tx_days, t_days, mean, count(*)::int as n
      from (${perCustomer(orgId, currency, asOf, live)}) c
      group by x, tx_days, t_days, mean`.execute(db);
    return rows;
  },

  /** How many transactions the org has up to `asOf` (decides whether a fit runs as a job). */
  async transactionCount(db: Db, orgId: string, asOf: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from transaction t
      where t.org_id = ${orgId} and t.occurred_at < (${asOf}::date + 1)::timestamp at time zone 'UTC'`.execute(db);
    return rows[0]?.n ?? 0;
  },

  async insertFit(
    db: Db,
    row: { org_id: string; as_of: string; time_unit: ClvTimeUnit; currency: string; requested_by: string | null },
  ): Promise<ValueClvFitRow> {
    return db
      .insertInto('value_clv_fit')
      .values({ ...row, status: 'queued' })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Claims a queued fit (once: a job retried after the work finished finds nothing to do). */
  async claim(db: Db, orgId: string, id: string): Promise<ValueClvFitRow | undefined> {
    return db
      .updateTable('value_clv_fit')
      .set({ status: 'running' })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  },

  async finish(
    db: Db,
    orgId: string,
    id: string,
    outcome: { result: StoredClvModel } | { error: ClvFitError },
  ): Promise<ValueClvFitRow> {
    const done = 'result' in outcome;
    return db
      .updateTable('value_clv_fit')
      .set({
        status: done ? 'done' : 'failed',
        finished_at: new Date(),
        result: done ? JSON.stringify(outcome.result) : null,
        error: done ? null : JSON.stringify(outcome.error),
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async byId(db: Db, orgId: string, id: string): Promise<ValueClvFitRow | undefined> {
    return db
      .selectFrom('value_clv_fit')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The org's current model: its latest successful fit (in the currency, when one is named). */
  async latestModel(db: Db, orgId: string, currency: string | undefined): Promise<ValueClvFitRow | undefined> {
    let q = db
      .selectFrom('value_clv_fit')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('status', '=', 'done')
      .orderBy('finished_at', 'desc')
      .orderBy('id')
      .limit(1);
    if (currency) {
      q = q.where('currency', '=', currency);
    }
    return q.executeTakeFirst();
  },

  /** The distinct (x, tₓ, T) in days of the customers in scope (default: every live one) up to `asOf`. */
  async triples(
    db: Db,
    orgId: string,
    currency: string,
    asOf: string,
    scope: Expression<SqlBool> = live,
  ): Promise<Triple[]> {
    const { rows } = await sql<Triple>`
      select x, tx_days, t_days from (${perCustomer(orgId, currency, asOf, scope)}) c
      group by x, tx_days, t_days`.execute(db);
    return rows;
  },

  /**
   * Writes each customer's CLV into a snapshot run: E[M] (Gamma-Gamma, from the customer's own repeat-day mean) times
   * the discounted expected purchase days of their (x, tₓ, T), which the service computed per triple. One statement.
   */
  async writeSnapshotClv(
    db: Db,
    run: { orgId: string; runId: string; currency: string; asOf: string },
    g: { p: number; q: number; gamma: number },
    factors: readonly (Triple & { discounted: number })[],
  ): Promise<void> {
    const col = <K extends keyof Triple | 'discounted'>(k: K) => factors.map((f) => f[k]);
    const spend = sql`((${g.gamma}::float8 + coalesce(c.mean, 0) * c.x) * ${g.p}::float8 / (${g.p}::float8 * c.x + ${g.q}::float8 - 1))`;
    await sql`
      with c as (${perCustomer(run.orgId, run.currency, run.asOf, live)}),
      v as (
        select * from unnest(${sql.val(col('x'))}::int[], ${sql.val(col('tx_days'))}::int[],
          ${sql.val(col('t_days'))}::int[], ${sql.val(col('discounted'))}::float8[]) as v(x, tx_days, t_days, d)
      )
      update value_snapshot vs
      set clv = least(greatest(round((${spend} * v.d)::numeric, 2), -99999999999999.99), 99999999999999.99)
      from c join v on v.x = c.x and v.tx_days = c.tx_days and v.t_days = c.t_days
      where vs.org_id = ${run.orgId} and vs.run_id = ${run.runId} and vs.party_id = c.party_id`.execute(db);
  },
};
