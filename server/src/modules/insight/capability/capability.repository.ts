import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

// The CRM capability index's own tables (settings, assessments, snapshots) and the figures it reads in SQL from
// commerce's published tables and surveys' customer-answer read model (docs/capability-index.md).

export const capabilityRepository = {
  settings(db: Db, orgId: string) {
    return db.selectFrom('insight_capability_setting').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  },

  /** Insert at version 1, or update at `version`; undefined when the version missed. */
  async putSettings(db: Db, orgId: string, value: unknown, version: number | undefined, userId: string) {
    const json = JSON.stringify(value);
    if (version === undefined) {
      return db
        .insertInto('insight_capability_setting')
        .values({ org_id: orgId, value: json, updated_by: userId })
        .onConflict((oc) => oc.column('org_id').doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    return db
      .updateTable('insight_capability_setting')
      .set((eb) => ({ value: json, updated_by: userId, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  insertAssessments(
    db: Db,
    rows: { org_id: string; item: string; rating: number; evidence: string | null; assessor_id: string }[],
  ) {
    return db.insertInto('insight_capability_assessment').values(rows).returning(['id', 'assessed_at']).execute();
  },

  listAssessments(db: Db, orgId: string, limit: number) {
    return db
      .selectFrom('insight_capability_assessment as a')
      .innerJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.assessor_id'))
      .select([
        'a.id',
        'a.item',
        'a.rating',
        'a.evidence',
        'a.assessor_id',
        'u.display_name as assessor_name',
        'a.assessed_at',
      ])
      .where('a.org_id', '=', orgId)
      .orderBy('a.assessed_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Per item: the mean over assessors of each assessor's latest rating up to `until`, and how many assessors. */
  async ratings(db: Db, orgId: string, until: Date) {
    const { rows } = await sql<{ item: string; mean: number; assessors: number }>`
      select item, avg(rating)::float8 as mean, count(*)::int as assessors from (
        select distinct on (item, assessor_id) item, rating from insight_capability_assessment
        where org_id = ${orgId} and assessed_at < ${until}
        order by item, assessor_id, assessed_at desc, id desc) latest
      group by item`.execute(db);
    return new Map(rows.map((r) => [r.item, { mean: r.mean, assessors: r.assessors }]));
  },

  insertSnapshot(
    db: Db,
    row: {
      org_id: string;
      as_of: string;
      tag: 'before' | 'after' | null;
      stage: string | null;
      result: string;
      created_by: string;
    },
  ) {
    return db.insertInto('insight_capability_snapshot').values(row).returningAll().executeTakeFirstOrThrow();
  },

  listSnapshots(db: Db, orgId: string) {
    return db
      .selectFrom('insight_capability_snapshot')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('as_of')
      .orderBy('created_at')
      .orderBy('id')
      .limit(500)
      .execute();
  },

  /** Distinct sales channels of transactions in [from, to). */
  async salesChannels(db: Db, orgId: string, from: Date, to: Date): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(distinct channel)::int as n from transaction
      where org_id = ${orgId} and occurred_at >= ${from} and occurred_at < ${to} and channel is not null`.execute(db);
    return rows[0]?.n ?? 0;
  },

  /** Mean and NPS of a set of answers `(party_id, at, value)`. */
  async answerFigures(db: Db, answers: RawBuilder<unknown>) {
    const { rows } = await sql<{ n: number; mean: number | null; nps: number | null }>`
      select count(*)::int as n, avg(a.value)::float8 as mean,
        (((count(*) filter (where a.value >= 9)) - (count(*) filter (where a.value <= 6))) * 100.0
          / nullif(count(*), 0))::float8 as nps
      from ${answers} a`.execute(db);
    return rows[0] ?? { n: 0, mean: null, nps: null };
  },

  /**
   * Shares of line revenue in [from, to) (purchases, one currency): from products launched in the 365 days before the
   * purchase — the launch day of the product's project (`launches`, projects' read model), the product's creation
   * only for products no project names (new-product share) — and from a category the customer had not bought
   * before, by a customer who had bought before (cross-sell share of sales, docs/capability-index.md).
   */
  async lineShares(db: Db, orgId: string, from: Date, to: Date, currency: string, launches: RawBuilder<unknown>) {
    const { rows } = await sql<{ total: number; new_product: number; cross_sell: number }>`
      with l as (
        select t.party_id, t.occurred_at, l.amount, pr.category,
          case when pl.product_id is null then pr.created_at else pl.launched_on::timestamptz end as launched
        from transaction t
        join transaction_line l on l.org_id = t.org_id and l.transaction_id = t.id
        join product pr on pr.org_id = l.org_id and pr.id = l.product_id
        left join ${launches} pl on pl.product_id = pr.id
        where t.org_id = ${orgId} and t.currency = ${currency} and t.amount > 0
          and t.occurred_at >= ${from} and t.occurred_at < ${to}
      )
      select coalesce(sum(l.amount), 0)::float8 as total,
        coalesce(sum(l.amount) filter (where l.launched > l.occurred_at - interval '365 days'), 0)::float8 as new_product,
        coalesce(sum(l.amount) filter (where l.category is not null
          and exists (select 1 from transaction e where e.org_id = ${orgId} and e.party_id = l.party_id
            and e.amount > 0 and e.occurred_at < l.occurred_at)
          and not exists (select 1 from transaction e join transaction_line el on el.org_id = e.org_id
              and el.transaction_id = e.id join product ep on ep.org_id = el.org_id and ep.id = el.product_id
            where e.org_id = ${orgId} and e.party_id = l.party_id and e.occurred_at < l.occurred_at
              and ep.category = l.category)), 0)::float8 as cross_sell
      from l`.execute(db);
    return rows[0] ?? { total: 0, new_product: 0, cross_sell: 0 };
  },
};
