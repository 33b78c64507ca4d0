import { hasRole, type Actor, type RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import { failedUpdate } from '../../platform/db/versioned.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { isActiveSegment } from '../value/index.ts';
import { normaliseQuestions } from './answers.ts';
import { ballotsService } from './ballots.service.ts';
import { employeeSurveyRoles, surveyStatusMoves } from './constants.ts';
import type { CreateSurvey, Survey, UpdateSurvey } from './surveys.schema.ts';
import { surveysRepository } from './surveys.repository.ts';
import type { SurveyRow, SurveyTable } from './surveys.tables.ts';
import { templateQuestions } from './templates.ts';
import type { Updateable } from 'kysely';

/** Employee-side surveys (audience employees, eNPS, engagement) belong to HR's circle: HR and admin only. */
export const isEmployeeSide = (s: Pick<SurveyRow, 'kind' | 'audience'>) =>
  s.audience.kind === 'employees' || s.kind === 'enps' || s.kind === 'engagement';
export const mayReadEmployeeSide = (a: Actor) => hasRole(a, ...employeeSurveyRoles);

export function toSurvey(r: SurveyRow): Survey {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    audience: r.audience,
    anonymous: r.anonymous,
    minGroupSize: r.min_group_size,
    opensAt: r.opens_at?.toISOString() ?? null,
    closesAt: r.closes_at?.toISOString() ?? null,
    status: r.status,
    legalNextStatuses: [...surveyStatusMoves[r.status]],
    questions: r.questions,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** Who may address the audience, and that it names what it needs (a segment audience: an active segment). */
async function checkAudience(db: Db, actor: Actor, s: Pick<SurveyRow, 'kind' | 'audience'>) {
  if (isEmployeeSide(s) && !mayReadEmployeeSide(actor)) {
    throw forbidden('Employee surveys are for HR and admin');
  }
  if (s.audience.kind === 'stakeholderGroup' && !s.audience.stakeholderGroup) {
    throw validation('A stakeholder group audience names the group', [
      { path: ['body', 'audience', 'stakeholderGroup'], message: 'Required', code: 'required' },
    ]);
  }
  if (s.audience.kind === 'segment') {
    const id = s.audience.segmentId;
    if (!id || !(await isActiveSegment(db, actor.orgId, id))) {
      throw validation('A segment audience names an active segment', [
        {
          path: ['body', 'audience', 'segmentId'],
          message: id ? 'Unknown segment' : 'Required',
          code: 'unknown_segment',
        },
      ]);
    }
  }
}

export function surveysService(deps: Deps) {
  const { db } = deps;
  const ballots = ballotsService(deps);
  /** A survey the actor may see, or 404 (employee-side ones exist only for HR and admin). */
  async function visible(ctx: RequestContext, id: string, trx = db): Promise<SurveyRow> {
    const row = await surveysRepository.find(trx, ctx.actor.orgId, id);
    if (!row || (isEmployeeSide(row) && !mayReadEmployeeSide(ctx.actor))) {
      throw notFound('Survey');
    }
    return row;
  }

  return {
    visible,

    async list(
      ctx: RequestContext,
      q: { status?: SurveyRow['status'] | undefined; limit: number; cursor: string | undefined },
    ): Promise<Page<Survey>> {
      const page = await surveysRepository.list(
        db,
        ctx.actor.orgId,
        { status: q.status, employeeSide: mayReadEmployeeSide(ctx.actor) },
        q,
      );
      return { items: page.items.map(toSurvey), nextCursor: page.nextCursor };
    },

    get: async (ctx: RequestContext, id: string) => toSurvey(await visible(ctx, id)),

    async create(ctx: RequestContext, input: CreateSurvey): Promise<Survey> {
      await checkAudience(db, ctx.actor, input);
      const questions = normaliseQuestions(input.questions ?? templateQuestions(input.kind));
      return db.transaction().execute(async (trx) => {
        const row = await surveysRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          kind: input.kind,
          title: JSON.stringify(input.title),
          description: input.description ? JSON.stringify(input.description) : null,
          audience: JSON.stringify(input.audience),
          anonymous: input.anonymous,
          min_group_size: input.minGroupSize,
          opens_at: input.opensAt ?? null,
          closes_at: input.closesAt ?? null,
          questions: JSON.stringify(questions),
          created_by: ctx.actor.userId,
        });
        const out = toSurvey(row);
        await recordAudit(trx, ctx, { action: 'survey.create', entityType: 'survey', entityId: row.id, after: out });
        return out;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateSurvey): Promise<Survey> {
      return db.transaction().execute(async (trx) => {
        const before = await visible(ctx, id, trx);
        const set: Updateable<SurveyTable> = {};
        const draftOnly = (['questions', 'audience', 'anonymous'] as const).filter((k) => input[k] !== undefined);
        if (draftOnly.length && before.status !== 'draft') {
          throw validation(
            `${draftOnly.join(', ')} can change only while the survey is a draft`,
            draftOnly.map((k) => ({ path: ['body', k], message: 'Survey is not a draft', code: 'not_draft' })),
          );
        }
        if (input.status !== undefined && input.status !== before.status) {
          const legal = surveyStatusMoves[before.status];
          if (!legal.includes(input.status)) {
            throw validation(`A ${before.status} survey cannot become ${input.status}`, [
              {
                path: ['body', 'status'],
                message: `Not a legal move from ${before.status}`,
                code: 'illegal_transition',
                from: before.status,
                legalNextStatuses: legal,
              },
            ]);
          }
          set.status = input.status;
        }
        if (input.minGroupSize !== undefined && before.anonymous && before.status !== 'draft') {
          if (input.minGroupSize < before.min_group_size) {
            throw validation('An open anonymous survey may raise its minimum group size, never lower it', [
              { path: ['body', 'minGroupSize'], message: 'Cannot be lowered once open', code: 'not_lowered' },
            ]);
          }
        }
        if (input.audience) {
          await checkAudience(db, ctx.actor, { kind: before.kind, audience: input.audience });
          set.audience = JSON.stringify(input.audience);
        }
        if (input.questions) {
          set.questions = JSON.stringify(normaliseQuestions(input.questions));
        }
        if (input.title) {
          set.title = JSON.stringify(input.title);
        }
        if (input.description !== undefined) {
          set.description = input.description ? JSON.stringify(input.description) : null;
        }
        if (input.anonymous !== undefined) {
          set.anonymous = input.anonymous;
        }
        if (input.minGroupSize !== undefined) {
          set.min_group_size = input.minGroupSize;
        }
        if (input.opensAt !== undefined) {
          set.opens_at = input.opensAt;
        }
        if (input.closesAt !== undefined) {
          set.closes_at = input.closesAt;
        }
        const row = await surveysRepository.update(trx, ctx.actor.orgId, id, version, set);
        if (!row) {
          failedUpdate(toSurvey(before), 'Survey');
        }
        if (row.status === 'closed' && before.status !== 'closed' && row.anonymous) {
          // Closing publishes the answers still held, however few.
          await ballots.releaseAtClose(trx, row.org_id, row.id);
        }
        const out = toSurvey(row);
        await recordAudit(trx, ctx, {
          action: 'survey.update',
          entityType: 'survey',
          entityId: id,
          ...diff(toSurvey(before), out),
        });
        return out;
      });
    },
  };
}
