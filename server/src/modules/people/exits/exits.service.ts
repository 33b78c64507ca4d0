import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict } from '../../../platform/errors.ts';
import { changeEmployment } from '../../parties/index.ts';
import { appraisalsRepository } from '../appraisals/appraisals.repository.ts';
import { PERFORMANCE_EXIT_REASON } from '../constants.ts';
import { employeeFor } from '../file/file.service.ts';
import { exitsRepository } from './exits.repository.ts';
import type { CreateSeparation, Separation } from './exits.schema.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function exitsService(deps: Deps) {
  const { db } = deps;
  return {
    /**
     * Records a separation (HR): exit date, type and reason on the employment, the employee moved to departing, and
     * on to alumni once the exit date has come. A separation for performance is refused unless an improvement plan
     * was reassessed and found the employee still below the bar (IMPROVEMENT_PLAN_REQUIRED, docs/domain.md).
     */
    async separate(ctx: RequestContext, partyId: string, input: CreateSeparation): Promise<Separation> {
      return db.transaction().execute(async (trx) => {
        const before = await employeeFor(trx, ctx, partyId, 'file', 'write');
        const orgId = ctx.actor.orgId;
        if (
          input.reason === PERFORMANCE_EXIT_REASON &&
          !(await appraisalsRepository.completedBelowPlan(trx, orgId, partyId))
        ) {
          throw conflict(
            'A separation for performance needs an improvement plan whose reassessment was completed and found the employee still below the bar',
            { reason: 'IMPROVEMENT_PLAN_REQUIRED' },
          );
        }
        const row = await exitsRepository.insertSeparation(trx, {
          org_id: orgId,
          party_id: partyId,
          exit_on: input.exitOn,
          exit_type: input.exitType,
          reason: input.reason,
          note: input.note ?? null,
          recorded_by: ctx.actor.userId,
        });
        const why = `Separation: ${input.exitType}, ${input.reason}`;
        let role = await changeEmployment(
          trx,
          ctx,
          partyId,
          {
            employment: { exitDate: input.exitOn, exitReason: input.reason },
            ...(['departing', 'alumni'].includes(before.stage) ? {} : { stage: 'departing' }),
            reason: why,
          },
          input.version,
        );
        if (input.exitOn <= today() && role.stage !== 'alumni') {
          role = await changeEmployment(trx, ctx, partyId, { stage: 'alumni', reason: why }, role.version);
        }
        await recordAudit(trx, ctx, {
          action: 'separation_create',
          entityType: 'party',
          entityId: partyId,
          after: { exitOn: input.exitOn, exitType: input.exitType, reason: input.reason },
        });
        return {
          id: row.id,
          partyId,
          exitOn: row.exit_on,
          exitType: input.exitType,
          reason: input.reason,
          note: row.note,
          stage: role.stage,
        };
      });
    },
  };
}
