import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, notFound, validation } from '../../../platform/errors.ts';
import { customerVisibility } from '../../parties/index.ts';
import { withParties } from './members-add.ts';
import { membersAddRepository } from './members-add.repository.ts';
import type { AddSegmentMembers, AddSegmentMembersOutcome } from './segments.schema.ts';
import { segmentsRepository } from './segments.repository.ts';
import { toSegment } from './segments.service.ts';

/**
 * "Add to segment" from a selection of the party list: every party must be one the caller reads in full (else 404
 * naming it, before any change), then the segment's explicit list grows in one audited write.
 */
export function segmentMembersService(deps: Deps) {
  const { db } = deps;
  return {
    async add(ctx: RequestContext, id: string, body: AddSegmentMembers): Promise<AddSegmentMembersOutcome> {
      const orgId = ctx.actor.orgId;
      const vis = await customerVisibility(db, orgId);
      const visible = await membersAddRepository.visibleIds(db, ctx.actor, vis, body.ids);
      const hidden = body.ids.findIndex((p) => !visible.has(p));
      if (hidden >= 0) {
        throw new AppError('NOT_FOUND', 'Party not found', [
          { path: ['body', 'ids', hidden], message: 'Not found', code: 'not_found' },
        ]);
      }
      return db.transaction().execute(async (trx) => {
        const row = await membersAddRepository.findForUpdate(trx, orgId, id);
        if (!row) {
          throw notFound('Segment');
        }
        if (row.archived) {
          throw conflict('The segment is archived', { reason: 'ARCHIVED' });
        }
        const next = withParties(row.rule, body.ids);
        if (!next.ok) {
          const message =
            next.reason === 'too_many_parties'
              ? 'The segment would list too many parties by hand: use a rule'
              : 'The segment’s rule is too large to add a list to';
          throw validation(message, [{ path: ['body', 'ids'], message, code: next.reason }]);
        }
        if (!next.added.length) {
          return { added: 0, already: next.already.length, segment: toSegment(row) };
        }
        const updated = await segmentsRepository.update(trx, orgId, id, row.version, {
          rule: JSON.stringify(next.rule),
        });
        if (!updated) {
          throw notFound('Segment');
        }
        await recordAudit(trx, ctx, {
          action: 'segment.add_members',
          entityType: 'segment',
          entityId: id,
          after: { added: next.added },
        });
        return { added: next.added.length, already: next.already.length, segment: toSegment(updated) };
      });
    },
  };
}
