import type { RequestContext } from '../../../platform/auth/actor.ts';
import { whoOf } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import type { PartyRoleName } from '../constants.ts';
import { toRole } from '../parties.mapper.ts';
import { partiesRepository } from '../parties.repository.ts';
import type { PartyRole } from '../parties.schema.ts';
import { readableParty, writableParty } from '../parties.service.ts';
import type { PartyRoleUpdate } from '../parties.tables.ts';
import type { RelationshipHistoryItem, RelationshipInput } from './relationship.schema.ts';
import { relationshipRepository } from './relationship.repository.ts';
import { rolesRepository } from './roles.repository.ts';
import { changeRole, requireRoleWriter } from './roles.service.ts';
import { quadrantOf } from './stages.ts';

/** The fields of the two scales a relationship PUT names (omitted ones keep their value). */
export function relationshipValues(input: RelationshipInput): PartyRoleUpdate {
  const v: PartyRoleUpdate = {};
  const set = <K extends keyof PartyRoleUpdate>(k: K, value: PartyRoleUpdate[K] | undefined) => {
    if (value !== undefined) {
      v[k] = value;
    }
  };
  set('initiative_score', input.initiativeScore);
  set('participation_score', input.participationScore);
  set('target_quadrant', input.targetQuadrant);
  set('target_quadrant_by', input.targetQuadrantBy);
  set('level', input.level);
  set('target_level', input.targetLevel);
  set('target_level_by', input.targetLevelBy);
  return v;
}

/**
 * The two relationship scales of one role (docs/domain.md "Relationship level: two scales, never merged"): each PUT
 * changes only the fields it names, through the one role-change path (versioned, audited, Kotler level moves in the
 * party history), and appends the resulting state with its reason to the role's relationship history.
 */
export function relationshipService(deps: Deps) {
  const { db } = deps;
  return {
    async put(ctx: RequestContext, partyId: string, role: PartyRoleName, input: RelationshipInput): Promise<PartyRole> {
      const row = await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        requireRoleWriter(ctx, role);
        const current = await rolesRepository.findCurrent(trx, ctx.actor.orgId, partyId, role);
        if (!current) {
          throw notFound('Role');
        }
        const after = await changeRole(
          trx,
          whoOf(ctx),
          current,
          current.version,
          relationshipValues(input),
          input.reason,
        );
        await relationshipRepository.add(trx, {
          org_id: ctx.actor.orgId,
          role_id: after.id,
          initiative_score: after.initiative_score,
          participation_score: after.participation_score,
          target_quadrant: after.target_quadrant,
          target_quadrant_by: after.target_quadrant_by,
          level: after.level,
          target_level: after.target_level,
          target_level_by: after.target_level_by,
          reason: input.reason,
          actor_id: ctx.actor.userId,
        });
        await partiesRepository.touch(trx, ctx.actor.orgId, partyId);
        return after;
      });
      const visible = await readableParty(db, ctx, partyId).catch(() => null);
      return toRole(row, visible?.can_sensitive ?? false);
    },

    async history(
      ctx: RequestContext,
      partyId: string,
      role: PartyRoleName,
    ): Promise<{ items: RelationshipHistoryItem[] }> {
      await readableParty(db, ctx, partyId);
      const current = await rolesRepository.findCurrent(db, ctx.actor.orgId, partyId, role);
      if (!current) {
        throw notFound('Role');
      }
      const rows = await relationshipRepository.history(db, ctx.actor.orgId, current.id);
      return {
        items: rows.map((h) => ({
          at: h.at.toISOString(),
          actor: { id: h.actor_id, name: h.actor_name },
          initiativeScore: h.initiative_score,
          participationScore: h.participation_score,
          quadrant: quadrantOf(h.initiative_score, h.participation_score),
          targetQuadrant: h.target_quadrant,
          targetQuadrantBy: h.target_quadrant_by,
          level: h.level,
          targetLevel: h.target_level,
          targetLevelBy: h.target_level_by,
          reason: h.reason,
        })),
      };
    },
  };
}
