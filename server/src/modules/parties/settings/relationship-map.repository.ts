import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Database } from '../../../platform/db/types.ts';
import { canSeeFull } from '../parties.access.ts';
import { HIGH_SCORE } from '../roles/stages.ts';
import type { RelationshipMap } from './settings.schema.ts';

type Db = Kysely<Database>;

/** Current roles of live parties the actor may see, counted by group × level × target level and by group × quadrant. */
export async function relationshipCounts(db: Db, actor: Actor, visibility: Visibility) {
  const ctx = { actor };
  const base = db
    .selectFrom('party_role as r')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'r.org_id').onRef('p.id', '=', 'r.party_id'))
    .where('r.org_id', '=', ctx.actor.orgId)
    .where('r.ended_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('p.merged_into_id', 'is', null)
    .where(() => canSeeFull(ctx.actor, visibility, 'read'));
  // Same rule as quadrantOf(): a score of HIGH_SCORE or more is high.
  const quadrant = sql<RelationshipMap['quadrants'][number]['quadrant']>`case
    when r.initiative_score is null or r.participation_score is null then null
    when r.initiative_score >= ${HIGH_SCORE} and r.participation_score >= ${HIGH_SCORE} then 'partnership'
    when r.initiative_score >= ${HIGH_SCORE} then 'proactive'
    when r.participation_score >= ${HIGH_SCORE} then 'reactive'
    else 'basic' end`;
  const [levels, quadrants] = await Promise.all([
    base
      .select(['r.stakeholder_group', 'r.level', 'r.target_level', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(['r.stakeholder_group', 'r.level', 'r.target_level'])
      .orderBy('r.stakeholder_group')
      .orderBy('r.level')
      .orderBy('r.target_level')
      .execute(),
    base
      .select([
        sql<string | null>`r.stakeholder_group`.as('stakeholder_group'),
        quadrant.as('quadrant'),
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .groupBy(sql`1, 2`)
      .orderBy(sql`1, 2`)
      .execute(),
  ]);
  return { levels, quadrants };
}
