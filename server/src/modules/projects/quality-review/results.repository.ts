import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { TROUBLE_TRUST } from '../constants.ts';

// The results of a cycle in SQL (docs/metrics.md "Trust", "Relationships in trouble"), over the interviewed
// customers the reader may see (`visible` over the party aliased `p`).

export const resultsRepository = {
  /** Trust per interviewed customer, with the previous cycle's trust for the same customer (null if none). */
  async trust(db: Db, orgId: string, reviewId: string, previousId: string | null, visible: Expression<SqlBool>) {
    const { rows } = await sql<{
      party_id: string;
      display_name: string;
      trust: number;
      previous_trust: number | null;
      ratings: Record<string, number>;
    }>`
      select i.party_id, p.display_name, i.trust, prev.trust as previous_trust, i.ratings
      from quality_review_interview i
      join party p on p.org_id = i.org_id and p.id = i.party_id
      left join lateral (
        select pi.trust from quality_review_interview pi
        where pi.org_id = i.org_id and pi.review_id = ${previousId} and pi.party_id = i.party_id
        order by pi.occurred_at desc, pi.id limit 1
      ) prev on true
      where i.org_id = ${orgId} and i.review_id = ${reviewId} and ${visible}
      order by p.display_name, p.id`.execute(db);
    return rows;
  },

  /** The heatmap's cells: one per customer and rated indicator. */
  async cells(db: Db, orgId: string, reviewId: string, visible: Expression<SqlBool>) {
    const { rows } = await sql<{ party_id: string; indicator: string; rating: number }>`
      select i.party_id, r.key as indicator, r.value::int as rating
      from quality_review_interview i
      join party p on p.org_id = i.org_id and p.id = i.party_id
      cross join lateral jsonb_each_text(i.ratings) as r(key, value)
      where i.org_id = ${orgId} and i.review_id = ${reviewId} and ${visible}
      order by p.display_name, i.party_id, r.key`.execute(db);
    return rows;
  },

  /** Relationships in trouble: trust at or below TROUBLE_TRUST, or lower than the previous cycle's interview. */
  async trouble(db: Db, orgId: string, reviewId: string, previousId: string | null, visible: Expression<SqlBool>) {
    const { rows } = await sql<{
      party_id: string;
      display_name: string;
      trust: number;
      previous_trust: number | null;
    }>`
      with t as (
        select i.party_id, p.display_name, i.trust,
          (select pi.trust from quality_review_interview pi
            where pi.org_id = i.org_id and pi.review_id = ${previousId} and pi.party_id = i.party_id
            order by pi.occurred_at desc, pi.id limit 1) as previous_trust
        from quality_review_interview i
        join party p on p.org_id = i.org_id and p.id = i.party_id
        where i.org_id = ${orgId} and i.review_id = ${reviewId} and ${visible}
      )
      select * from t where trust <= ${TROUBLE_TRUST} or trust < previous_trust
      order by trust, display_name, party_id`.execute(db);
    return rows;
  },

  /** Responses whose due day has passed (their task or case is checked for being done by the service). */
  async pastDue(db: Db, orgId: string, reviewId: string, visible: Expression<SqlBool>) {
    const { rows } = await sql<{
      id: string;
      party_id: string;
      display_name: string;
      response_kind: 'task' | 'case';
      response_id: string;
      response_due: string;
    }>`
      select i.id, i.party_id, p.display_name, i.response_kind, i.response_id, i.response_due
      from quality_review_interview i
      join party p on p.org_id = i.org_id and p.id = i.party_id
      where i.org_id = ${orgId} and i.review_id = ${reviewId} and i.response_id is not null
        and i.response_due < current_date and ${visible}
      order by i.response_due, i.id`.execute(db);
    return rows;
  },
};
