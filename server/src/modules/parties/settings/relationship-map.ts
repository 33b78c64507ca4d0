import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { relationshipCounts } from './relationship-map.repository.ts';
import type { RelationshipMap } from './settings.schema.ts';
import { partiesRepository } from '../parties.repository.ts';

/** Stakeholder groups × current and target level (and HR quadrant), counted in SQL over the current roles of parties you may see. */
export function relationshipMapService(deps: Deps) {
  const { db } = deps;
  return {
    async get(ctx: RequestContext): Promise<RelationshipMap> {
      const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
      const { levels, quadrants } = await relationshipCounts(db, ctx.actor, visibility);
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
