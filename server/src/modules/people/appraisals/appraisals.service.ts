import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, notFound, validation } from '../../../platform/errors.ts';
import { PLAN_MIN_DAYS, REPLY_DAYS } from '../constants.ts';
import { requireRelation } from '../people.access.ts';
import { employeeFor } from '../file/file.service.ts';
import type { PlanRow } from '../people.tables.ts';
import { appraisalsRepository, type AppraisalView } from './appraisals.repository.ts';
import type { Appraisal, PatchAppraisal, PatchPlan, Plan, PlanInput } from './appraisals.schema.ts';
import { daysBetween, overallScore } from './guards.ts';

const DAY = 86_400_000;
const bad = (field: string, message: string, code: string) =>
  validation(message, [{ path: ['body', field], message, code }]);

const toPlan = (p: PlanRow): Plan => ({
  id: p.id,
  appraisalId: p.appraisal_id,
  partyId: p.party_id,
  trainingItems: p.training_items,
  mentorId: p.mentor_id,
  startsOn: p.starts_on,
  reassessOn: p.reassess_on,
  reassessedOn: p.reassessed_on,
  outcome: p.outcome as Plan['outcome'],
  outcomeNote: p.outcome_note,
  version: p.version,
});

const replyUntil = (a: AppraisalView) =>
  a.cycle.closed_at ? new Date(new Date(a.cycle.closed_at).getTime() + REPLY_DAYS * DAY) : null;

/**
 * One appraisal as its reader may see it: HR and the chain see everything; the employee sees their criteria from the
 * publication on, and their scores, rationale and band only once the cycle has closed (docs/domain.md).
 */
function toAppraisal(a: AppraisalView, plan: PlanRow | undefined): Appraisal {
  const hidden = a.relation === 'self' && a.cycle.status !== 'closed';
  const until = replyUntil(a);
  return {
    id: a.id,
    cycleId: a.cycle_id,
    cycleName: a.cycle.name,
    cycleStatus: a.cycle.status as Appraisal['cycleStatus'],
    periodStart: a.cycle.period_start,
    periodEnd: a.cycle.period_end,
    partyId: a.party_id,
    displayName: a.display_name,
    criteria: a.cycle.criteria,
    notifiedAt: new Date(a.notified_at).toISOString(),
    scores: hidden ? null : a.scores,
    overallScore: hidden || a.overall_score === null ? null : Number(a.overall_score),
    band: hidden ? null : (a.band as Appraisal['band']),
    reviewerId: hidden ? null : a.reviewer_id,
    reply: a.reply,
    repliedAt: a.replied_at ? new Date(a.replied_at).toISOString() : null,
    replyUntil: until ? until.toISOString() : null,
    plan: plan && !hidden ? toPlan(plan) : null,
    version: a.version,
  };
}

async function withPlans(db: Db, orgId: string, rows: AppraisalView[]): Promise<Appraisal[]> {
  const plans = await appraisalsRepository.plansOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toAppraisal(
      r,
      plans.find((p) => p.appraisal_id === r.id),
    ),
  );
}

async function readable(db: Db, ctx: RequestContext, id: string, mode: 'read' | 'write'): Promise<AppraisalView> {
  const a = await appraisalsRepository.find(db, ctx.actor, id);
  if (!a) {
    throw notFound('Appraisal');
  }
  requireRelation(a.relation, 'appraisal', mode === 'write' && a.relation === 'self' ? 'read' : mode);
  return a;
}

/** The employee's reply: after the close and within REPLY_DAYS, kept with the appraisal. */
function replyValues(a: AppraisalView, input: PatchAppraisal) {
  if (input.scores || input.band) {
    throw new AppError('FORBIDDEN', 'You may reply to your appraisal, not score it');
  }
  if (input.reply === undefined) {
    throw bad('reply', 'Send your reply', 'required');
  }
  const until = replyUntil(a);
  if (!until || Date.now() > until.getTime()) {
    throw conflict(`A reply is taken from the close of the cycle for ${REPLY_DAYS} days`, {
      reason: 'REPLY_WINDOW_CLOSED',
      replyUntil: until?.toISOString() ?? null,
    });
  }
  return { reply: input.reply, replied_at: new Date() };
}

/** Scores and band from the reviewer (HR or the chain), while the cycle is open or calibrating. */
function reviewValues(ctx: RequestContext, a: AppraisalView, input: PatchAppraisal) {
  if (input.reply !== undefined) {
    throw new AppError('FORBIDDEN', 'Only the employee replies to their appraisal');
  }
  if (!['open', 'calibrating'].includes(a.cycle.status)) {
    throw conflict('Appraisals are scored while their cycle is open or calibrating', {
      reason: 'CYCLE_NOT_OPEN',
      status: a.cycle.status,
    });
  }
  const values: Record<string, unknown> = { reviewer_id: ctx.actor.userId };
  if (input.scores) {
    const keys = a.cycle.criteria.map((c) => c.key).sort();
    const given = input.scores.map((s) => s.key).sort();
    if (JSON.stringify(keys) !== JSON.stringify(given)) {
      throw bad('scores', `Score every criterion once: ${keys.join(', ')}`, 'criteria_mismatch');
    }
    values.scores = JSON.stringify(input.scores);
    values.overall_score = overallScore(a.cycle.criteria, input.scores);
  }
  if (input.band) {
    if (!input.scores && !a.scores) {
      throw bad('band', 'Score the criteria before setting a band', 'unscored');
    }
    values.band = input.band;
  }
  return values;
}

export function appraisalsService(deps: Deps) {
  const { db } = deps;
  return {
    async get(ctx: RequestContext, id: string): Promise<Appraisal> {
      const a = await readable(db, ctx, id, 'read');
      return (await withPlans(db, ctx.actor.orgId, [a]))[0] as Appraisal;
    },

    async list(ctx: RequestContext, cycleId: string | undefined, onlyOwn: boolean): Promise<{ items: Appraisal[] }> {
      const rows = await appraisalsRepository.list(db, ctx.actor, cycleId, onlyOwn);
      return { items: await withPlans(db, ctx.actor.orgId, rows) };
    },

    async patch(ctx: RequestContext, id: string, version: number, input: PatchAppraisal): Promise<Appraisal> {
      return db.transaction().execute(async (trx) => {
        const a = await readable(trx, ctx, id, 'write');
        const values = a.relation === 'self' ? replyValues(a, input) : reviewValues(ctx, a, input);
        const auditAction = a.relation === 'self' ? 'appraisal_reply' : 'appraisal_score';
        if (!(await appraisalsRepository.update(trx, ctx.actor.orgId, id, version, values))) {
          failedUpdate(toAppraisal(a, undefined), 'Appraisal');
        }
        await recordAudit(trx, ctx, {
          action: auditAction,
          entityType: 'appraisal',
          entityId: id,
          after: input,
        });
        return (await withPlans(trx, ctx.actor.orgId, [await readable(trx, ctx, id, 'read')]))[0] as Appraisal;
      });
    },

    async createPlan(ctx: RequestContext, appraisalId: string, input: PlanInput): Promise<Plan> {
      if (daysBetween(input.startsOn, input.reassessOn) < PLAN_MIN_DAYS) {
        throw bad(
          'reassessOn',
          `The reassessment comes at least ${PLAN_MIN_DAYS} days after the plan starts`,
          'too_soon',
        );
      }
      return db.transaction().execute(async (trx) => {
        const a = await readable(trx, ctx, appraisalId, 'read');
        requireRelation(a.relation, 'plan', 'write');
        if (a.band !== 'bottom') {
          throw conflict('Improvement plans are for appraisals in the bottom band', { reason: 'NOT_BOTTOM_BAND' });
        }
        if (!(await appraisalsRepository.userExists(trx, ctx.actor.orgId, input.mentorId))) {
          throw bad('mentorId', 'No such user', 'unknown_user');
        }
        if ((await appraisalsRepository.plansOf(trx, ctx.actor.orgId, [appraisalId])).length) {
          throw conflict('This appraisal has its improvement plan already', { reason: 'PLAN_EXISTS' });
        }
        const row = await appraisalsRepository.insertPlan(trx, {
          org_id: ctx.actor.orgId,
          appraisal_id: appraisalId,
          party_id: a.party_id,
          training_items: JSON.stringify(input.trainingItems),
          mentor_id: input.mentorId,
          starts_on: input.startsOn,
          reassess_on: input.reassessOn,
          created_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'plan_create',
          entityType: 'appraisal',
          entityId: appraisalId,
          after: input,
        });
        return toPlan(row);
      });
    },

    async patchPlan(ctx: RequestContext, id: string, version: number, input: PatchPlan): Promise<Plan> {
      return db.transaction().execute(async (trx) => {
        const plan = await appraisalsRepository.findPlan(trx, ctx.actor.orgId, id);
        if (!plan) {
          throw notFound('Improvement plan');
        }
        await employeeFor(trx, ctx, plan.party_id, 'plan', 'write');
        if (input.reassessedOn < plan.reassess_on) {
          throw bad('reassessedOn', `The reassessment is due on ${plan.reassess_on}, not before`, 'too_early');
        }
        const row = await appraisalsRepository.updatePlan(trx, ctx.actor.orgId, id, version, {
          reassessed_on: input.reassessedOn,
          outcome: input.outcome,
          outcome_note: input.outcomeNote ?? null,
        });
        if (!row) {
          failedUpdate(toPlan(plan), 'Improvement plan');
        }
        await recordAudit(trx, ctx, {
          action: 'plan_reassess',
          entityType: 'appraisal',
          entityId: plan.appraisal_id,
          after: input,
        });
        return toPlan(row);
      });
    },
  };
}
