import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

// The SQL behind project targets (docs/metrics.md "Project targets"). Every measure counts only the customers the
// measurer may see (`visible`, over the party aliased `p`); windows are the 365 days before the measuring instant.
// Transactions and products are read as commerce's published contract (commerce's index.ts).

const YEAR = sql`interval '365 days'`;

export const measureRepository = {
  /** Live parties holding a role now (parties' `party_membership` view). */
  async partyCount(db: Db, orgId: string, role: string, visible: Expression<SqlBool>): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(distinct m.party_id)::int as n
      from party_membership m join party p on p.org_id = m.org_id and p.id = m.party_id
      where m.org_id = ${orgId} and m.role = ${role} and ${visible}`.execute(db);
    return rows[0]?.n ?? 0;
  },

  /** How many of the given parties the measurer may see (a segment's size). */
  async visibleCount(db: Db, orgId: string, ids: string[], visible: Expression<SqlBool>): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from party p
      where p.org_id = ${orgId} and p.id = any(${ids}::uuid[]) and ${visible}`.execute(db);
    return rows[0]?.n ?? 0;
  },

  /** Share (%) of the given visible parties with a purchase in the 365 days before `at`; null when none. */
  async retention(db: Db, orgId: string, ids: string[], at: Date, visible: Expression<SqlBool>) {
    if (ids.length === 0) {
      return null;
    }
    const { rows } = await sql<{ n: number; active: number }>`
      select count(*)::int as n,
        count(*) filter (where exists (select 1 from transaction t where t.org_id = p.org_id and t.party_id = p.id
          and t.occurred_at >= ${at}::timestamptz - ${YEAR} and t.occurred_at < ${at}))::int as active
      from party p
      where p.org_id = ${orgId} and p.id = any(${ids}::uuid[]) and ${visible}`.execute(db);
    const r = rows[0];
    return r && r.n > 0 ? round2((r.active / r.n) * 100) : null;
  },

  /**
   * NPS (promoters 9–10 minus detractors 0–6, in % of answers) of the named customer answers given in the window,
   * limited to `ids` when a segment scopes it; null when no answer counts.
   */
  async nps(
    db: Db,
    orgId: string,
    answers: RawBuilder<{ party_id: string; at: Date; value: number }>,
    ids: string[] | null,
    visible: Expression<SqlBool>,
  ) {
    const scope = ids === null ? sql`true` : sql`p.id = any(${ids}::uuid[])`;
    const { rows } = await sql<{ n: number; promoters: number; detractors: number }>`
      select count(*)::int as n,
        count(*) filter (where a.value >= 9)::int as promoters,
        count(*) filter (where a.value <= 6)::int as detractors
      from ${answers} as a join party p on p.org_id = ${orgId} and p.id = a.party_id
      where ${scope} and ${visible}`.execute(db);
    const r = rows[0];
    return r && r.n > 0 ? round2(((r.promoters - r.detractors) / r.n) * 100) : null;
  },

  /**
   * Revenue of a product (by id) or a category (by name): line amounts of transactions in the window, in each
   * product's own currency (lines in other currencies are left out).
   */
  async revenue(
    db: Db,
    orgId: string,
    by: 'product' | 'category',
    scope: string,
    at: Date,
    visible: Expression<SqlBool>,
  ) {
    const match = by === 'product' ? sql`pr.id::text = ${scope}` : sql`pr.category = ${scope}`;
    const { rows } = await sql<{ amount: string }>`
      select coalesce(sum(l.amount), 0)::numeric(16, 2)::text as amount
      from transaction_line l
      join product pr on pr.org_id = l.org_id and pr.id = l.product_id
      join transaction t on t.org_id = l.org_id and t.id = l.transaction_id
      join party p on p.org_id = t.org_id and p.id = t.party_id
      where l.org_id = ${orgId} and ${match} and t.currency = pr.currency
        and t.occurred_at >= ${at}::timestamptz - ${YEAR} and t.occurred_at < ${at} and ${visible}`.execute(db);
    return Number(rows[0]?.amount ?? '0');
  },

  async productExists(db: Db, orgId: string, id: string): Promise<boolean> {
    const { rows } = await sql<{ one: number }>`
      select 1 as one from product where org_id = ${orgId} and id::text = ${id}`.execute(db);
    return rows.length > 0;
  },
};

const round2 = (x: number) => Math.round(x * 100) / 100;
