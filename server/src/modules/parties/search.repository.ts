import type { SearchProvider } from '../../platform/search/search.ts';
import { canRead } from './parties.access.ts';
import { partiesRepository, visibleSearch } from './parties.repository.ts';

/** Parties in the global search box: the same matching and access rules as GET /api/parties?q=. */
export const partiesSearchProvider: SearchProvider = async (db, actor, q, limit) => {
  const visibility = await partiesRepository.visibility(db, actor.orgId);
  const rows = await db
    .selectFrom('party as p')
    .select(['p.id', 'p.display_name', 'p.emails', 'p.phones'])
    .where('p.org_id', '=', actor.orgId)
    .where('p.deleted_at', 'is', null)
    .where('p.merged_into_id', 'is', null)
    .where(() => visibleSearch(actor, visibility, q))
    .where(() => canRead(actor, visibility))
    .orderBy('p.display_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    type: 'party',
    id: r.id,
    title: r.display_name,
    subtitle: r.emails[0] ?? r.phones[0] ?? null,
    url: `/parties/${r.id}`,
  }));
};
