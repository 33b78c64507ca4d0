import { sql, type SqlBool } from 'kysely';
import type { SearchProvider } from '../../platform/search/search.ts';
import { customerVisibility } from '../parties/index.ts';
import { caseVisible } from './cases.access.ts';

/**
 * Cases and grievances in the global search box, by subject: only those the caller may read (the queue's rule), and
 * never matched on text the result would not show (descriptions, replies).
 */
export const casesSearchProvider: SearchProvider = async (db, actor, q, limit) => {
  const visibility = await customerVisibility(db, actor.orgId);
  const rows = await db
    .selectFrom('service_case as c')
    .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'c.org_id').onRef('p.id', '=', 'c.party_id'))
    .select(['c.id', 'c.subject', 'c.type', 'c.status', 'p.display_name as party_name'])
    .where('c.org_id', '=', actor.orgId)
    .where(sql<SqlBool>`strpos(lower(c.subject), lower(${q})) > 0`)
    .where(() => caseVisible(actor, visibility, 'read'))
    .orderBy('c.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    type: r.type === 'grievance' ? 'grievance' : 'case',
    id: r.id,
    title: r.subject,
    subtitle: r.party_name,
    url: `/service/cases/${r.id}`,
  }));
};
