import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict } from '../../../platform/errors.ts';
import { changeEmployment } from '../../parties/index.ts';
import { appraisalsRepository } from '../appraisals/appraisals.repository.ts';
import { PERFORMANCE_EXIT_REASON } from '../constants.ts';
import { employeeFor } from '../file/file.service.ts';
import { exitsRepository } from './exits.repository.ts';
import type { CreateExitInterview, CreateSeparation, ExitInterview, ExitReasons, Separation } from './exits.schema.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Why people left, aggregated in SQL (HR). */
async function exitReasons(
  db: Db,
  ctx: RequestContext,
  from: string | undefined,
  to: string | undefined,
): Promise<ExitReasons> {
  const { rows, totals } = await exitsRepository.reasons(db, ctx.actor.orgId, from ?? null, to ?? null);
  return {
    interviews: totals.interviews,
    reasons: rows.map((r) => ({
      reason: r.reason as ExitReasons['reasons'][number]['reason'],
      count: r.count,
      share: totals.interviews ? Math.round((r.count / totals.interviews) * 10_000) / 10_000 : 0,
    })),
    wouldRejoin: totals.rejoin,
    rehireEligible: totals.rehire,
  };
}

/** IMPROVEMENT_PLAN_REQUIRED: performance needs a completed plan still below the bar (docs/domain.md). */
async function requirePlanForPerformance(db: Db, orgId: string, partyId: string, reason: string) {
  if (reason === PERFORMANCE_EXIT_REASON && !(await appraisalsRepository.completedBelowPlan(db, orgId, partyId))) {
    throw conflict(
      'A separation for performance needs an improvement plan whose reassessment was completed and found the employee still below the bar',
      { reason: 'IMPROVEMENT_PLAN_REQUIRED' },
    );
  }
}

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
        await requirePlanForPerformance(trx, orgId, partyId, input.reason);
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

    /** An exit interview (HR): structured reasons; a departing employee moves on to alumni. */
    async interview(ctx: RequestContext, partyId: string, input: CreateExitInterview): Promise<ExitInterview> {
      return db.transaction().execute(async (trx) => {
        const before = await employeeFor(trx, ctx, partyId, 'exitInterview', 'write');
        const row = await exitsRepository.insertInterview(trx, {
          org_id: ctx.actor.orgId,
          party_id: partyId,
          held_on: input.heldOn,
          reasons: [...new Set(input.reasons)],
          would_rejoin: input.wouldRejoin ?? null,
          rehire_eligible: input.rehireEligible ?? null,
          notes: input.notes ?? null,
          interviewer_id: ctx.actor.userId,
        });
        let stage = before.stage;
        if (stage === 'departing') {
          const role = await changeEmployment(
            trx,
            ctx,
            partyId,
            { stage: 'alumni', reason: 'Exit interview held' },
            before.role_version,
          );
          stage = role.stage;
        }
        await recordAudit(trx, ctx, {
          action: 'exit_interview_create',
          entityType: 'party',
          entityId: partyId,
          after: { exitInterviewId: row.id, heldOn: input.heldOn },
        });
        return {
          id: row.id,
          partyId,
          heldOn: row.held_on,
          reasons: row.reasons as ExitInterview['reasons'],
          wouldRejoin: row.would_rejoin,
          rehireEligible: row.rehire_eligible,
          notes: row.notes,
          stage,
        };
      });
    },
    reasons: (ctx: RequestContext, from: string | undefined, to: string | undefined) => exitReasons(db, ctx, from, to),
  };
}
