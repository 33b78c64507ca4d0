import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, forbidden, notFound, validation, versionConflict } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { programsRepository } from './programs.repository.ts';
import type { CreateVision, ListVisionQuery, PatchVision, Vision } from './programs.schema.ts';

type Row = NonNullable<Awaited<ReturnType<typeof programsRepository.findVision>>>;

export const toVision = (r: Row): Vision => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  year: r.year,
  vision: r.vision,
  changes: r.changes,
  participantPartyIds: r.participant_ids,
  reviewedOn: r.held_on,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const field = (name: string, message: string, code = 'invalid') => [{ path: ['body', name], message, code }];

async function checkParticipants(db: Db, orgId: string, ids: string[] | undefined) {
  const unique = [...new Set(ids ?? [])];
  const live = await programsRepository.liveParties(db, orgId, unique);
  if (unique.some((id) => !live.has(id))) {
    throw validation(
      'Every participant is a person of this organisation',
      field('participantPartyIds', 'Unknown party'),
    );
  }
  return unique;
}

/** Vision reviews ([S1] 愿景动态管理): one per unit (or the organisation) per year. */
export function visionService(deps: Deps) {
  const { db } = deps;
  return {
    async create(ctx: RequestContext, input: CreateVision): Promise<Vision> {
      const orgId = ctx.actor.orgId;
      const unit = input.orgUnitId ?? null;
      if (unit && !(await programsRepository.unitExists(db, orgId, unit))) {
        throw validation('Unknown org unit', field('orgUnitId', 'Unknown org unit'));
      }
      if (!(await programsRepository.unitWritable(db, ctx.actor, unit))) {
        throw forbidden('You may review the vision only of the units you manage');
      }
      const participants = await checkParticipants(db, orgId, input.participantPartyIds);
      return db.transaction().execute(async (trx) => {
        const inserted = await programsRepository.insertVision(trx, {
          org_id: orgId,
          org_unit_id: unit,
          year: input.year,
          held_on: input.reviewedOn,
          vision: input.vision,
          changes: input.changes ?? null,
          participant_ids: participants,
          created_by: ctx.actor.userId,
        });
        if (!inserted) {
          throw conflict(`This unit's vision for ${input.year} was already reviewed: change that review instead`, {
            code: 'VISION_REVIEW_EXISTS',
          });
        }
        const out = toVision((await programsRepository.findVision(trx, ctx.actor, inserted.id)) as Row);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'vision_review', entityId: out.id, after: out });
        return out;
      });
    },

    async get(ctx: RequestContext, id: string): Promise<Vision> {
      const row = await programsRepository.findVision(db, ctx.actor, id);
      if (!row) {
        throw notFound('Vision review');
      }
      return toVision(row);
    },

    async list(ctx: RequestContext, q: ListVisionQuery): Promise<Page<Vision>> {
      const page = await programsRepository.listVision(db, ctx.actor, q);
      return { items: page.items.map(toVision), nextCursor: page.nextCursor };
    },

    async update(ctx: RequestContext, id: string, input: PatchVision): Promise<Vision> {
      const before = await this.get(ctx, id);
      if (!(await programsRepository.findVision(db, ctx.actor, id, 'write'))) {
        throw forbidden('You may read this vision review but not change it');
      }
      if (input.version === undefined) {
        throw validation('version is required', field('version', 'Required', 'required'));
      }
      const participants =
        input.participantPartyIds === undefined
          ? undefined
          : await checkParticipants(db, ctx.actor.orgId, input.participantPartyIds);
      return db.transaction().execute(async (trx) => {
        const done = await programsRepository.updateVision(trx, ctx.actor.orgId, id, input.version as number, {
          ...(input.vision !== undefined ? { vision: input.vision } : {}),
          ...(input.changes !== undefined ? { changes: input.changes } : {}),
          ...(participants !== undefined ? { participant_ids: participants } : {}),
          ...(input.reviewedOn !== undefined ? { held_on: input.reviewedOn } : {}),
        });
        if (!done) {
          throw versionConflict(before);
        }
        const after = toVision((await programsRepository.findVision(trx, ctx.actor, id)) as Row);
        await recordAudit(trx, ctx, { action: 'update', entityType: 'vision_review', entityId: id, before, after });
        return after;
      });
    },
  };
}
