import { sql } from 'kysely';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { canSeeFull } from '../parties.access.ts';
import type { RelationshipMap } from './settings.schema.ts';
import { partiesRepository } from '../parties.repository.ts';
import { HIGH_SCORE } from '../roles/stages.ts';

/** Stakeholder groups × current and target level (and HR quadrant), counted in SQL over the current roles of parties you may see. */
export function relationshipMapService(deps: Deps) {
  const { db } = deps;
  return {
    async get(ctx: RequestContext): Promise<RelationshipMap> {
      const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
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
      return {
        levels: levels.map((r) => ({
          stakeholderGroup: r.stakeholder_group,
          level: r.level,
          targetLevel: r.target_level,
          count: Number(r.count),
        })),
        quadrants: quadrants.map((r) => ({
          stakeholderGroup: r.stakeholder_group,
          quadrant: r.quadrant,
          count: Number(r.count),
        })),
      };
    },
  };
}
