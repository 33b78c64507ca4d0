import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/types.ts';

type Db = Kysely<Database>;

/**
 * What other modules may ask the parties module for, besides the `party_membership` view their SQL
 * may join: lookups that need the party tables themselves.
 */
export const partiesReadModel = {
  /** Live parties of the organisation among `ids` (not deleted, not merged away). */
  async liveParties(db: Db, orgId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) {
      return [];
    }
    const rows = await db
      .selectFrom('party')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where('merged_into_id', 'is', null)
      .execute();
    return rows.map((r) => r.id);
  },

  /** Where to write to: the first email, display name and preferred language of live parties among `ids` that have an email. */
  async contacts(
    db: Db,
    orgId: string,
    ids: string[],
  ): Promise<Map<string, { email: string; name: string; locale: string | null }>> {
    if (!ids.length) {
      return new Map();
    }
    const rows = await db
      .selectFrom('party')
      .select(['id', 'display_name', 'locale', sql<string | null>`emails[1]`.as('email')])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where('merged_into_id', 'is', null)
      .where((eb) => eb.fn('cardinality', ['emails']), '>', 0)
      .execute();
    return new Map(
      rows.flatMap((r) =>
        r.email ? [[r.id, { email: r.email, name: r.display_name, locale: r.locale }] as const] : [],
      ),
    );
  },

  /** Stakeholder group names by key, in the reader's language. */
  async stakeholderGroupNames(db: Db, orgId: string, zh: boolean): Promise<Map<string, string>> {
    const rows = await db
      .selectFrom('stakeholder_group')
      .select(['key', 'name_zh', 'name_en'])
      .where('org_id', '=', orgId)
      .execute();
    return new Map(rows.map((r) => [r.key, zh ? r.name_zh : r.name_en]));
  },
};

/**
 * Contacts per party in [from, to) — inbound and outbound interactions, internal notes left out — as an SQL
 * subquery `(party_id, interactions)` for analytics that join it to their own (value's cost to serve,
 * docs/metrics.md "Value classes"). The caller restricts it to the parties it may see.
 */
export function interactionCountsByParty(
  orgId: string,
  from: RawBuilder<Date>,
  to: RawBuilder<Date>,
): RawBuilder<{ party_id: string; interactions: number }> {
  return sql<{ party_id: string; interactions: number }>`(
    select i.party_id, count(*)::int as interactions from interaction i
    where i.org_id = ${orgId} and i.direction <> 'internal' and i.occurred_at >= ${from} and i.occurred_at < ${to}
    group by i.party_id
  )`;
}

/**
 * SQL conditions on a party's own fields that are not part of the join contract (tags, when it was created), over
 * the party aliased `p`, for modules that select parties by rule (value's segments). Values are parameters.
 */
export const partyFieldConditions = {
  tags(op: 'any' | 'all' | 'none', tags: string[]): Expression<SqlBool> {
    const wanted = sql`${sql.val(tags)}::text[]`;
    switch (op) {
      case 'any':
        return sql<SqlBool>`(p.tags && ${wanted})`;
      case 'all':
        return sql<SqlBool>`(p.tags @> ${wanted})`;
      case 'none':
        return sql<SqlBool>`(not (p.tags && ${wanted}))`;
    }
  },

  /** Created before (or on/after) the start of a UTC day. */
  createdAt(op: 'before' | 'after', day: string): Expression<SqlBool> {
    const at = sql`(${day}::date::timestamp at time zone 'UTC')`;
    return op === 'before' ? sql<SqlBool>`(p.created_at < ${at})` : sql<SqlBool>`(p.created_at >= ${at})`;
  },
};
