import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { canSeeFull } from '../parties.access.ts';
import { partiesRepository } from '../parties.repository.ts';
import { linksRepository } from '../links/links.repository.ts';
import { relationshipCounts } from './relationship-map.repository.ts';

// What the HR-department CRM asks of a stakeholder group (docs/domain.md "HR-department CRM"): its names, and
// numbers over the current roles in it of live parties the reader may see in full.

/** The organisation's stakeholder groups as stored (none until first use: callers fall back to the defaults). */
export function stakeholderGroupRows(db: Db, orgId: string) {
  return db
    .selectFrom('stakeholder_group')
    .select(['key', 'name_zh', 'name_en', 'side', 'active'])
    .where('org_id', '=', orgId)
    .execute();
}

/** Current roles per group × HR quadrant (null: not scored), over parties the reader may see. */
export async function groupQuadrantCounts(db: Db, actor: Actor) {
  const visibility = await partiesRepository.visibility(db, actor.orgId);
  const { quadrants } = await relationshipCounts(db, actor, visibility);
  return quadrants.map((q) => ({ group: q.stakeholder_group, quadrant: q.quadrant, count: Number(q.count) }));
}

/**
 * Parties in the group and their profile completeness (the share of the three profile parts — facts, preferences,
 * care notes — that hold anything, averaged, 0–1; null without parties), and the links touching them.
 */
export async function groupFacts(db: Db, actor: Actor, groupKey: string) {
  const visibility = await partiesRepository.visibility(db, actor.orgId);
  const { rows } = await sql<{ parties: number; completeness: number | null }>`
    select count(*)::int as parties,
      avg(((p.profile->'facts' <> '{}'::jsonb)::int + (p.profile->'preferences' <> '{}'::jsonb)::int
        + (p.profile->'care' <> '[]'::jsonb)::int) / 3.0)::float8 as completeness
    from party p
    where p.org_id = ${actor.orgId} and p.deleted_at is null and p.merged_into_id is null
      and exists (select 1 from party_role r where r.org_id = p.org_id and r.party_id = p.id
        and r.ended_at is null and r.stakeholder_group = ${groupKey})
      and ${canSeeFull(actor, visibility, 'read')}`.execute(db);
  const links = await linksRepository.countForGroup(db, actor, visibility, groupKey);
  return { parties: rows[0]?.parties ?? 0, completeness: rows[0]?.completeness ?? null, links };
}
