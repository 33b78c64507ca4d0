import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, notFound, validation } from '../../../platform/errors.ts';
import { casesService } from '../../cases/index.ts';
import { activityService, createSystemTask, customerVisibility } from '../../parties/index.ts';
import { pdcaService } from '../../people/index.ts';
import { requireReviewReader, requireReviewWriter, reviewCustomerVisible } from '../projects.access.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import type { CreateAction, CreateInterview, Indicator, Interview } from './quality-review.schema.ts';
import { reviewsRepository as repo } from './quality-review.repository.ts';

const bad = (path: (string | number)[], message: string, code = 'invalid_reference') =>
  validation(message, [{ path: ['body', ...path], message, code }]);
const endOfDay = (day: string) => `${day}T23:59:59.000Z`;

/** Step 3 interviews (with step 4's response) and steps 5–8 actions of a quality review cycle. */
export function interviewsService(deps: Deps) {
  const { db } = deps;
  const activity = activityService(deps);

  return {
    /**
     * One face-to-face interview of a key customer the interviewer may see (404 otherwise): logged as an
     * interaction on the customer; the urgent need answered by a task or a case with a due day.
     */
    async interview(ctx: RequestContext, reviewId: string, input: CreateInterview): Promise<Interview> {
      requireReviewReader(ctx.actor);
      const orgId = ctx.actor.orgId;
      const review = await repo.find(db, orgId, reviewId);
      if (!review) {
        throw notFound('Quality review');
      }
      const visible = reviewCustomerVisible(ctx.actor, await customerVisibility(db, orgId));
      const customers = await repo.customers(db, orgId, reviewId, visible);
      if (!customers.some((c) => c.party_id === input.partyId)) {
        throw notFound('Key customer');
      }
      const keys = new Set((review.indicators as Indicator[]).map((i) => i.key));
      const unknown = Object.keys(input.ratings).find((k) => !keys.has(k));
      if (unknown !== undefined) {
        throw bad(['ratings', unknown], 'Not an indicator of this cycle', 'unknown_indicator');
      }
      if (await repo.interviewOf(db, orgId, reviewId, input.partyId)) {
        throw conflict('This customer was interviewed in this cycle already');
      }
      // One transaction: the interaction, the response (task or case) and the interview land together or not at all
      // (the other modules' services take this transaction).
      return db.transaction().execute(async (trx) => {
        const interaction = await activity.createInteraction(
          ctx,
          {
            partyId: input.partyId,
            channel: 'visit',
            direction: 'outbound',
            occurredAt: input.occurredAt,
            subject: `${review.name}: quality review interview`,
            body:
              [input.urgentNeed ? `Urgent need: ${input.urgentNeed}` : null, input.note ?? null]
                .filter(Boolean)
                .join('\n\n') || null,
          },
          trx,
        );
        const response = input.response ? await respond(deps, trx, ctx, input.partyId, input) : null;
        const row = await repo.insertInterview(trx, {
          org_id: orgId,
          review_id: reviewId,
          party_id: input.partyId,
          interviewer_id: ctx.actor.userId,
          interaction_id: interaction.id,
          occurred_at: interaction.occurredAt,
          ratings: JSON.stringify(input.ratings),
          trust: input.trust,
          urgent_need: input.urgentNeed ?? null,
          response_kind: input.response?.kind ?? null,
          response_id: response,
          response_due: input.response?.dueOn ?? null,
        });
        const out: Interview = {
          id: row.id,
          partyId: row.party_id,
          interviewerId: row.interviewer_id,
          interactionId: row.interaction_id,
          occurredAt: row.occurred_at.toISOString(),
          ratings: row.ratings,
          trust: row.trust,
          urgentNeed: row.urgent_need,
          responseKind: row.response_kind,
          responseId: row.response_id,
          responseDue: row.response_due,
        };
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'quality_review',
          entityId: reviewId,
          after: { interview: out },
        });
        return out;
      });
    },

    /** Steps 5–7: an improvement linked to a project or PDCA cycle; step 8: tasks telling staff or customers. */
    action: (ctx: RequestContext, reviewId: string, input: CreateAction) => addAction(deps, ctx, reviewId, input),
  };
}

/**
 * Step 4's answer, in the interview's transaction: a task or a case on the customer for the response's assignee (the
 * interviewer by default). An assignee the other module refuses is a 400 on `response.assigneeId`, and then nothing
 * of the interview is written.
 */
async function respond(
  deps: Deps,
  trx: Db,
  ctx: RequestContext,
  partyId: string,
  input: CreateInterview,
): Promise<string> {
  const r = input.response;
  if (!r) {
    throw new AppError('VALIDATION_FAILED', 'No response');
  }
  const onAssignee = (e: unknown) => {
    const field = e instanceof AppError && e.code === 'VALIDATION_FAILED' ? JSON.stringify(e.details) : '';
    throw field.includes('assigneeId') ? bad(['response', 'assigneeId'], 'No such user', 'unknown_reference') : e;
  };
  if (r.kind === 'task') {
    const task = await activityService(deps)
      .createTask(
        ctx,
        {
          partyId,
          kind: 'quality_review_response',
          title: r.title,
          notes: input.urgentNeed ?? null,
          dueAt: endOfDay(r.dueOn),
          ...(r.assigneeId ? { assigneeId: r.assigneeId } : {}),
        },
        trx,
      )
      .catch(onAssignee);
    return task.id;
  }
  const c = await casesService(deps)
    .create(
      ctx,
      {
        type: 'request',
        partyId,
        subject: r.title,
        description: input.urgentNeed ?? null,
        channel: 'other',
        priority: 'high',
        ...(r.assigneeId ? { assigneeId: r.assigneeId } : {}),
      },
      trx,
    )
    .catch(onAssignee);
  return c.id;
}

async function checkAction(deps: Deps, ctx: RequestContext, goals: string[], input: CreateAction) {
  if (input.kind === 'communication' && !input.audience) {
    throw bad(['audience'], 'A communication names its audience: staff or customers', 'required');
  }
  if (input.goal && !goals.includes(input.goal)) {
    throw bad(['goal'], 'Not one of the cycle’s business goals');
  }
  if (input.projectId && !(await projectsRepository.find(deps.db, ctx.actor.orgId, input.projectId))) {
    throw bad(['projectId'], 'No such project');
  }
  if (input.pdcaId) {
    try {
      await pdcaService(deps).get(ctx, input.pdcaId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') {
        throw bad(['pdcaId'], 'No such PDCA cycle');
      }
      throw e;
    }
  }
}

async function addAction(deps: Deps, ctx: RequestContext, reviewId: string, input: CreateAction) {
  const { db } = deps;
  requireReviewWriter(ctx.actor);
  const orgId = ctx.actor.orgId;
  const review = await repo.find(db, orgId, reviewId);
  if (!review) {
    throw notFound('Quality review');
  }
  await checkAction(deps, ctx, review.goals as string[], input);
  return db.transaction().execute(async (trx) => {
    let tasks = 0;
    if (input.kind === 'communication') {
      const interviews = await repo.interviews(trx, orgId, reviewId);
      const targets =
        input.audience === 'staff'
          ? [...new Set(interviews.map((i) => i.interviewer_id))].map((u) => ({ assignee: u, party: null }))
          : interviews.map((i) => ({ assignee: i.interviewer_id, party: i.party_id }));
      for (const t of targets) {
        await createSystemTask(trx, orgId, {
          kind: 'quality_review_feedback',
          title: input.title,
          partyId: t.party,
          notes: `${review.name}${input.evaluation ? `\n\n${input.evaluation}` : ''}`,
          dueAt: new Date(endOfDay(input.dueOn ?? new Date().toISOString().slice(0, 10))),
          assigneeId: t.assignee,
        });
      }
      tasks = targets.length;
    }
    const { id } = await repo.insertAction(trx, {
      org_id: orgId,
      review_id: reviewId,
      kind: input.kind,
      title: input.title,
      project_id: input.projectId ?? null,
      pdca_id: input.pdcaId ?? null,
      goal: input.goal ?? null,
      evaluation: input.evaluation ?? null,
      audience: input.kind === 'communication' ? (input.audience ?? null) : null,
      task_count: tasks,
      created_by: ctx.actor.userId,
    });
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'quality_review',
      entityId: reviewId,
      after: { action: id, ...input },
    });
    return { id, taskCount: tasks };
  });
}
