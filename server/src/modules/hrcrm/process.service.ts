import { requireRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound, validation } from '../../platform/errors.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { groupFacts } from '../parties/index.ts';
import { groupGapSurveyCount } from '../surveys/index.ts';
import { segmentsNamingGroup } from '../value/index.ts';
import { HRCRM_WRITERS, hrProcessSteps, type HrProcessStepName } from './constants.ts';
import { evaluationService } from './evaluation.service.ts';
import { hrGroupKey } from './groups.service.ts';
import type { HrProcess, HrProcessStep, UpdateProcessStep } from './hrcrm.schema.ts';
import { hrcrmRepository } from './hrcrm.repository.ts';
import { servicesRepository } from './services.repository.ts';

const bad = (field: string, message: string, code: string) =>
  validation(message, [{ path: ['body', field], message, code }]);

/**
 * The seven steps of managing one group's relationship (docs/domain.md "HR-department CRM"): state, owner, due date
 * and evidence as HR records them, and each step's numbers computed at read time (docs/metrics.md "HR process facts").
 */
export function processService(deps: Deps) {
  const { db } = deps;
  const evaluation = evaluationService(deps);

  async function facts(ctx: RequestContext, key: string): Promise<Record<HrProcessStepName, Record<string, number>>> {
    const orgId = ctx.actor.orgId;
    const [group, segments, gapSurveys, activities, deliveries, evaluated] = await Promise.all([
      groupFacts(db, ctx.actor, key),
      segmentsNamingGroup(db, orgId, key),
      groupGapSurveyCount(db, ctx.actor, key),
      hrcrmRepository.activityCounts(db, orgId, key),
      servicesRepository.deliveredToGroup(db, orgId, key),
      evaluation.dimensionCount(ctx, key),
    ]);
    return {
      collect: { profileCompleteness: group.completeness ?? 0, partyCount: group.parties },
      segment: { segmentsUsed: segments },
      needs: { gapSurveys },
      activities,
      network: { links: group.links },
      value: { deliveries },
      evaluate: { dimensions: evaluated },
    };
  }

  async function get(ctx: RequestContext, key: string): Promise<HrProcess> {
    const groupKey = hrGroupKey(key);
    const [stored, numbers] = await Promise.all([
      hrcrmRepository.steps(db, ctx.actor.orgId, groupKey),
      facts(ctx, groupKey),
    ]);
    const steps: HrProcessStep[] = hrProcessSteps.map((step) => {
      const s = stored.find((x) => x.step === step);
      return {
        step,
        state: s?.state ?? 'not_started',
        ownerUserId: s?.owner_user_id ?? null,
        ownerName: s?.owner_name ?? null,
        dueOn: s?.due_on ?? null,
        evidence: s?.evidence ?? null,
        facts: numbers[step],
      };
    });
    return { groupKey, steps };
  }

  return {
    get,

    async updateStep(ctx: RequestContext, key: string, step: HrProcessStepName, input: UpdateProcessStep) {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      const groupKey = hrGroupKey(key);
      if (input.ownerUserId && !(await usersRepository.findById(db, ctx.actor.orgId, input.ownerUserId))) {
        throw bad('ownerUserId', 'No such user', 'unknown_reference');
      }
      const set = {
        ...(input.state !== undefined ? { state: input.state } : {}),
        ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
      };
      await db.transaction().execute(async (trx) => {
        await hrcrmRepository.upsertStep(trx, { org_id: ctx.actor.orgId, group_key: groupKey, step, ...set }, set);
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'hr_crm',
          entityId: null,
          after: { groupKey, step, ...input },
        });
      });
      const all = await get(ctx, groupKey);
      const out = all.steps.find((s) => s.step === step);
      if (!out) {
        throw notFound('Step');
      }
      return out;
    },
  };
}
