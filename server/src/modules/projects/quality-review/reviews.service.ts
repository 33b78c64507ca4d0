import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation, versionConflict } from '../../../platform/errors.ts';
import { customerVisibility } from '../../parties/index.ts';
import { trainedUsers } from '../../people/index.ts';
import { segmentAudience } from '../../value/index.ts';
import { reviewSteps, type ReviewStep, type ReviewStepState } from '../constants.ts';
import { requireReviewReader, requireReviewWriter, reviewCustomerVisible } from '../projects.access.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import type { CreateReview, Indicator, Review, UpdateReview } from './quality-review.schema.ts';
import { reviewsRepository as repo, type ReviewRow } from './quality-review.repository.ts';

type StoredStep = { step: ReviewStep; state: ReviewStepState; ownerId: string | null; evidence: string | null };
const freshSteps = (): StoredStep[] =>
  reviewSteps.map((step) => ({ step, state: 'not_started', ownerId: null, evidence: null }));
const bad = (path: (string | number)[], message: string, code = 'unknown_reference') =>
  validation(message, [{ path: ['body', ...path], message, code }]);

type Counts = Awaited<ReturnType<typeof repo.counts>>;
function toSummary(r: ReviewRow, c: Counts): Omit<Review, 'customers' | 'actions'> {
  const indicators = r.indicators as Indicator[];
  const count: Record<ReviewStep, number> = {
    key_customers: c.customers,
    indicators: indicators.length,
    interviews: c.interviews,
    responses: c.responses,
    improvements: c.improvements,
    implementation: c.improvements,
    evaluation: c.improvements,
    communication: c.communications,
  };
  const steps = (r.steps as StoredStep[]).map((s, i) => ({ ...s, number: i + 1, count: count[s.step] }));
  return {
    id: r.id,
    name: r.name,
    previousId: r.previous_id,
    segmentId: r.segment_id,
    steps,
    progress: steps.filter((s) => s.state === 'done').length / steps.length,
    indicators,
    goals: r.goals as string[],
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

/** Checks step 1 and 3 references: parties the writer may see, interviewers who are trained staff (people module). */
async function checkPeople(db: Db, ctx: RequestContext, partyIds: string[], assignments: CreateReview['assignments']) {
  const orgId = ctx.actor.orgId;
  const visible = reviewCustomerVisible(ctx.actor, await customerVisibility(db, orgId));
  const seen = await projectsRepository.visibleParties(db, orgId, partyIds, visible);
  const missing = partyIds.findIndex((p) => !seen.has(p));
  if (missing >= 0) {
    throw bad(['partyIds', missing], 'No such party');
  }
  const interviewers = [...new Set((assignments ?? []).flatMap((a) => (a.interviewerId ? [a.interviewerId] : [])))];
  const trained = await trainedUsers(db, orgId, interviewers);
  const untrained = (assignments ?? []).findIndex((a) => a.interviewerId && !trained.has(a.interviewerId));
  if (untrained >= 0) {
    throw bad(
      ['assignments', untrained, 'interviewerId'],
      'Interviewers are staff with a training record',
      'not_trained',
    );
  }
}

async function readReview(on: Db, ctx: RequestContext, id: string): Promise<Review> {
  const row = await repo.find(on, ctx.actor.orgId, id);
  if (!row) {
    throw notFound('Quality review');
  }
  const visible = reviewCustomerVisible(ctx.actor, await customerVisibility(on, ctx.actor.orgId));
  const customers = await repo.customers(on, ctx.actor.orgId, id, visible);
  const actions = await repo.actions(on, ctx.actor.orgId, id);

  return {
    ...toSummary(row, await repo.counts(on, ctx.actor.orgId, id)),
    customers: customers.map((c) => ({
      partyId: c.party_id,
      displayName: c.display_name,
      interviewerId: c.interviewer_id,
      interviewerName: c.interviewer_name,
      interviewed: c.interviewed,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      projectId: a.project_id,
      pdcaId: a.pdca_id,
      goal: a.goal,
      evaluation: a.evaluation,
      audience: a.audience,
      taskCount: a.task_count,
      createdAt: a.created_at.toISOString(),
    })),
  };
}

async function insertReview(ctx: RequestContext, trx: Db, input: CreateReview & { previousId?: string | null }) {
  const orgId = ctx.actor.orgId;
  const { id } = await repo.insert(trx, {
    org_id: orgId,
    name: input.name,
    previous_id: input.previousId ?? null,
    segment_id: input.segmentId ?? null,
    steps: JSON.stringify(freshSteps()),
    indicators: JSON.stringify(input.indicators ?? []),
    goals: JSON.stringify(input.goals ?? []),
    created_by: ctx.actor.userId,
  });
  const assigned = new Map((input.assignments ?? []).map((a) => [a.partyId, a.interviewerId]));
  const parties = [...new Set([...(input.partyIds ?? []), ...assigned.keys()])];
  await repo.addCustomers(
    trx,
    orgId,
    id,
    parties.map((partyId) => ({ partyId, interviewerId: assigned.get(partyId) ?? null })),
  );
  return id;
}

/** Quality review cycles: create, read, change, and start the next one from the last. */
export function reviewsService(deps: Deps) {
  const { db } = deps;

  return {
    get(ctx: RequestContext, id: string) {
      requireReviewReader(ctx.actor);
      return readReview(db, ctx, id);
    },

    async list(ctx: RequestContext) {
      requireReviewReader(ctx.actor);
      const rows = await repo.list(db, ctx.actor.orgId);
      const items = [];
      for (const r of rows) {
        items.push(toSummary(r, await repo.counts(db, ctx.actor.orgId, r.id)));
      }
      return { items };
    },

    async create(ctx: RequestContext, input: CreateReview): Promise<Review> {
      requireReviewWriter(ctx.actor);
      let partyIds = input.partyIds ?? [];
      if (input.segmentId) {
        const members = await segmentAudience(db, ctx.actor.orgId, input.segmentId);
        if (members === null) {
          throw bad(['segmentId'], 'No such active segment');
        }
        partyIds = [...new Set([...partyIds, ...members])];
      }
      await checkPeople(
        db,
        ctx,
        [...(input.partyIds ?? []), ...(input.assignments ?? []).map((a) => a.partyId)],
        input.assignments,
      );
      return db.transaction().execute(async (trx) => {
        const id = await insertReview(ctx, trx, { ...input, partyIds });
        const out = await readReview(trx, ctx, id);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'quality_review', entityId: id, after: out });
        return out;
      });
    },

    async update(ctx: RequestContext, id: string, input: UpdateReview): Promise<Review> {
      requireReviewWriter(ctx.actor);
      await checkPeople(db, ctx, input.addPartyIds ?? [], input.assignments);
      return db.transaction().execute(async (trx) => {
        const row = await repo.lock(trx, ctx.actor.orgId, id);
        if (!row) {
          throw notFound('Quality review');
        }
        const before = await readReview(trx, ctx, id);
        if (input.version !== undefined && input.version !== row.version) {
          throw versionConflict(before);
        }
        await applyUpdate(trx, ctx, row, input);
        const after = await readReview(trx, ctx, id);
        await recordAudit(trx, ctx, { action: 'update', entityType: 'quality_review', entityId: id, before, after });
        return after;
      });
    },

    /** The next cycle from this one: the same key customers, interviewers, indicators and goals; steps anew. */
    next: (ctx: RequestContext, id: string, name: string | undefined) => nextReview(deps, ctx, id, name),
  };
}

async function applyUpdate(trx: Db, ctx: RequestContext, row: ReviewRow, input: UpdateReview) {
  const orgId = ctx.actor.orgId;
  const steps = row.steps as StoredStep[];
  for (const [i, s] of (input.steps ?? []).entries()) {
    const at = steps.findIndex((x) => x.step === s.step);
    const cur = steps[at];
    if (!cur) {
      throw bad(['steps', i, 'step'], 'No such step');
    }
    if (s.ownerId && (await projectsRepository.existingUsers(trx, orgId, [s.ownerId])).size === 0) {
      throw bad(['steps', i, 'ownerId'], 'No such user');
    }
    steps[at] = {
      ...cur,
      ...(s.state !== undefined ? { state: s.state } : {}),
      ...(s.ownerId !== undefined ? { ownerId: s.ownerId } : {}),
      ...(s.evidence !== undefined ? { evidence: s.evidence } : {}),
    };
  }
  await repo.update(trx, orgId, row.id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.indicators !== undefined ? { indicators: JSON.stringify(input.indicators) } : {}),
    ...(input.goals !== undefined ? { goals: JSON.stringify(input.goals) } : {}),
    steps: JSON.stringify(steps),
  });
  const existing = await repo.allCustomers(trx, orgId, row.id);
  const byParty = new Map(existing.map((c) => [c.party_id, c]));
  const add = [...new Set(input.addPartyIds ?? [])].filter((p) => !byParty.has(p));
  await repo.addCustomers(
    trx,
    orgId,
    row.id,
    add.map((partyId) => ({ partyId, interviewerId: null })),
  );
  for (const [i, a] of (input.assignments ?? []).entries()) {
    const c = byParty.get(a.partyId);
    if (!c) {
      throw bad(['assignments', i, 'partyId'], 'Not a key customer of this cycle');
    }
    await repo.assign(trx, orgId, c.id, a.interviewerId);
  }
}

async function nextReview(deps: Deps, ctx: RequestContext, id: string, name: string | undefined): Promise<Review> {
  const { db } = deps;
  requireReviewWriter(ctx.actor);
  return db.transaction().execute(async (trx) => {
    const row = await repo.lock(trx, ctx.actor.orgId, id);
    if (!row) {
      throw notFound('Quality review');
    }
    const customers = await repo.allCustomers(trx, ctx.actor.orgId, id);
    const newId = await insertReview(ctx, trx, {
      name: name ?? row.name,
      previousId: id,
      segmentId: row.segment_id,
      indicators: row.indicators as Indicator[],
      goals: row.goals as string[],
      assignments: customers.map((c) => ({ partyId: c.party_id, interviewerId: c.interviewer_id })),
    });
    const out = await readReview(trx, ctx, newId);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'quality_review', entityId: newId, after: out });
    return out;
  });
}
