import { sql } from 'kysely';
import type { TimelineEvent, TimelineSource } from '../../platform/timeline/sources.ts';
import { grievanceVisible } from './cases.access.ts';

/**
 * Cases on the party timeline: one entry when a case was opened, one per resolution. The parties
 * module shows the timeline only to readers of the party, who see its cases; grievances appear only
 * for HR, admin, the handler and the named submitter, and anonymous ones never (they have no party).
 */
export const caseTimelineSource: TimelineSource = {
  type: 'case',
  keys(ctx, partyId) {
    const a = ctx.actor;
    return sql`
      select 'case' as type, e.id, e.at
      from case_event e
      join service_case c on c.org_id = e.org_id and c.id = e.case_id
      where e.org_id = ${a.orgId} and c.party_id = ${partyId} and not c.anonymous
        and e.kind in ('created', 'resolution')
        and (c.type <> 'grievance' or ${grievanceVisible(a)})`;
  },
  async load(db, ctx, ids) {
    const rows = await db
      .selectFrom('case_event as e')
      .innerJoin('service_case as c', (j) => j.onRef('c.org_id', '=', 'e.org_id').onRef('c.id', '=', 'e.case_id'))
      .select(['e.id', 'e.kind', 'c.id as case_id', 'c.subject', 'c.type', 'c.priority', 'c.status', 'c.root_cause'])
      .where('e.org_id', '=', ctx.actor.orgId)
      .where('e.id', 'in', ids)
      .execute();
    return new Map(
      rows.map((r): [string, TimelineEvent] => [
        r.id,
        {
          source: 'case',
          kind: r.kind === 'created' ? 'case.opened' : 'case.resolved',
          title: r.subject,
          detail: null,
          href: `/service/cases/${r.case_id}`,
          data: {
            caseId: r.case_id,
            type: r.type,
            priority: r.priority,
            status: r.status,
            rootCause: r.kind === 'resolution' ? r.root_cause : null,
          },
        },
      ]),
    );
  },
};
