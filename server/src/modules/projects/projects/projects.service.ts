import type { Updateable } from 'kysely';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, notFound, validation, versionConflict } from '../../../platform/errors.ts';
import { commerceService } from '../../commerce/index.ts';
import { customerVisibility, livePartyVisible } from '../../parties/index.ts';
import { isActiveSegment } from '../../value/index.ts';
import { projectMoves, type ProjectStatus } from '../constants.ts';
import { requireProjectRole } from '../projects.access.ts';
import type { ProjectTable } from '../projects.tables.ts';
import { closeProject } from './close.service.ts';
import { checkTargets, measureTarget, type StoredTarget } from './measure.service.ts';
import { toListItem, toProject } from './projects.mapper.ts';
import { projectsRepository as repo } from './projects.repository.ts';
import type {
  BurnDown,
  CloseProject,
  CreateCost,
  CreateProject,
  ListProjectsQuery,
  Project,
  ProjectListItem,
  UpdateProject,
} from './projects.schema.ts';

const ref = (field: string, message: string) =>
  validation(message, [{ path: ['body', field], message, code: 'unknown_reference' }]);

/** Only product projects name a product (docs/projects.md). */
function productOnlyOnProducts(kind: string, productId: string | null | undefined) {
  if (productId && kind !== 'product') {
    throw validation('Only product projects name a product', [
      { path: ['body', 'productId'], message: 'Only product projects name a product', code: 'not_product_project' },
    ]);
  }
}

/**
 * Checks what the body names: users, parties the actor may see (400 like unknown ones), active segments, the
 * organisation's product, dates.
 */
async function checkRefs(deps: Deps, ctx: RequestContext, input: Partial<CreateProject>) {
  const { db } = deps;
  const orgId = ctx.actor.orgId;
  const users = [...(input.members ?? []), ...(input.ownerId ? [input.ownerId] : [])];
  const known = await repo.existingUsers(db, orgId, users);
  if (users.some((u) => !known.has(u))) {
    throw ref(input.ownerId && !known.has(input.ownerId) ? 'ownerId' : 'members', 'No such user');
  }
  const parties = input.partyIds ?? [];
  const visible = livePartyVisible(ctx.actor, await customerVisibility(db, orgId), 'read');
  const seen = await repo.visibleParties(db, orgId, parties, visible);
  if (parties.some((p) => !seen.has(p))) {
    throw ref('partyIds', 'No such party');
  }
  for (const s of input.segmentIds ?? []) {
    if (!(await isActiveSegment(db, orgId, s))) {
      throw ref('segmentIds', 'No such active segment');
    }
  }
  if (input.productId) {
    await commerceService(deps)
      .getProduct(ctx, input.productId)
      .catch((e: unknown) => {
        throw e instanceof AppError && e.code === 'NOT_FOUND' ? ref('productId', 'No such product') : e;
      });
  }
  const order = [input.ideaOn, input.launchOn, input.firstSaleOn].filter((d): d is string => !!d);
  if (order.some((d, i) => i > 0 && d < (order[i - 1] ?? d))) {
    throw validation('Idea, launch and first sale come in that order', [
      { path: ['body', 'launchOn'], message: 'Idea ≤ launch ≤ first sale', code: 'invalid_order' },
    ]);
  }
}

function columns(input: Partial<CreateProject>): Updateable<ProjectTable> {
  const set: Updateable<ProjectTable> = {};
  const map: [keyof CreateProject, keyof ProjectTable][] = [
    ['name', 'name'],
    ['goal', 'goal'],
    ['ownerId', 'owner_id'],
    ['members', 'members'],
    ['segmentIds', 'segment_ids'],
    ['budget', 'budget'],
    ['currency', 'currency'],
    ['deadline', 'deadline'],
    ['ideaOn', 'idea_on'],
    ['launchOn', 'launch_on'],
    ['firstSaleOn', 'first_sale_on'],
    ['productId', 'product_id'],
  ];
  for (const [from, to] of map) {
    if (input[from] !== undefined) {
      (set as Record<string, unknown>)[to] = input[from];
    }
  }
  if (input.milestones !== undefined) {
    set.milestones = JSON.stringify(input.milestones);
  }
  return set;
}

async function readProject(on: Db, ctx: RequestContext, id: string): Promise<Project> {
  const row = await repo.find(on, ctx.actor.orgId, id);
  if (!row) {
    throw notFound('Project');
  }
  const visible = livePartyVisible(ctx.actor, await customerVisibility(on, ctx.actor.orgId), 'read');
  const parties = await repo.parties(on, ctx.actor.orgId, [id], visible);
  return toProject(
    row,
    parties.map((p) => ({ id: p.id, displayName: p.display_name })),
    await repo.costs(on, ctx.actor.orgId, id),
    await repo.log(on, ctx.actor.orgId, id),
  );
}

/** Measures every target now: the baselines stored when a project becomes active. */
async function baselines(on: Db, ctx: RequestContext, targets: StoredTarget[]): Promise<StoredTarget[]> {
  const at = new Date();
  const out: StoredTarget[] = [];
  for (const t of targets) {
    const value = t.metric === 'custom' ? t.customBefore : await measureTarget(on, ctx.actor, t, at);
    out.push({ ...t, before: { value, at: at.toISOString() } });
  }
  return out;
}

/** Relationship projects (docs/projects.md): admin, executives and marketing; everyone else 403. */
export function projectsService(deps: Deps) {
  const { db } = deps;

  return {
    get: (ctx: RequestContext, id: string) => {
      requireProjectRole(ctx.actor);
      return readProject(db, ctx, id);
    },

    async list(ctx: RequestContext, q: ListProjectsQuery): Promise<{ items: ProjectListItem[] }> {
      requireProjectRole(ctx.actor);
      const rows = await repo.list(db, ctx.actor.orgId, q);
      const visible = livePartyVisible(ctx.actor, await customerVisibility(db, ctx.actor.orgId), 'read');
      const parties = await repo.parties(
        db,
        ctx.actor.orgId,
        rows.map((r) => r.id),
        visible,
      );
      return {
        items: rows.map((r) =>
          toListItem(
            r,
            parties.filter((p) => p.project_id === r.id).map((p) => ({ id: p.id, displayName: p.display_name })),
          ),
        ),
      };
    },

    async create(ctx: RequestContext, input: CreateProject): Promise<Project> {
      requireProjectRole(ctx.actor);
      productOnlyOnProducts(input.kind, input.productId);
      await checkRefs(deps, ctx, input);
      const targets = await checkTargets(deps, ctx.actor.orgId, input.targets ?? []);
      return db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          ...(columns(input) as Record<string, never>),
          org_id: ctx.actor.orgId,
          kind: input.kind,
          name: input.name,
          targets: JSON.stringify(targets),
          created_by: ctx.actor.userId,
        });
        await repo.setParties(trx, ctx.actor.orgId, id, input.partyIds ?? []);
        const out = await readProject(trx, ctx, id);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'project', entityId: id, after: out });
        return out;
      });
    },

    update: (ctx: RequestContext, id: string, input: UpdateProject) => updateProject(deps, ctx, id, input),

    addCost: (ctx: RequestContext, id: string, input: CreateCost) => addCost(deps, ctx, id, input),

    async addLog(ctx: RequestContext, id: string, text: string): Promise<Project> {
      requireProjectRole(ctx.actor);
      return db.transaction().execute(async (trx) => {
        if (!(await repo.lock(trx, ctx.actor.orgId, id))) {
          throw notFound('Project');
        }
        await repo.insertLog(trx, { org_id: ctx.actor.orgId, project_id: id, text, author_id: ctx.actor.userId });
        await recordAudit(trx, ctx, { action: 'update', entityType: 'project', entityId: id, after: { log: text } });
        return readProject(trx, ctx, id);
      });
    },

    async close(ctx: RequestContext, id: string, input: CloseProject): Promise<Project> {
      requireProjectRole(ctx.actor);
      return db.transaction().execute(async (trx) => {
        const before = await readProject(trx, ctx, id);
        await closeProject(trx, ctx, before, input);
        const after = await readProject(trx, ctx, id);
        await recordAudit(trx, ctx, { action: 'update', entityType: 'project', entityId: id, before, after });
        return after;
      });
    },

    async burnDown(ctx: RequestContext, id: string): Promise<BurnDown> {
      requireProjectRole(ctx.actor);
      const project = await readProject(db, ctx, id);
      const days = await repo.burnDown(db, ctx.actor.orgId, id);
      return {
        budget: project.budget,
        currency: project.currency,
        days,
        note: project.costs.length === 0 ? 'not_enough_data' : null,
      };
    },
  };
}

async function updateProject(deps: Deps, ctx: RequestContext, id: string, input: UpdateProject): Promise<Project> {
  const { db } = deps;
  requireProjectRole(ctx.actor);
  await checkRefs(deps, ctx, input);
  const targets = input.targets ? await checkTargets(deps, ctx.actor.orgId, input.targets) : undefined;
  return db.transaction().execute(async (trx) => {
    const before = await readProject(trx, ctx, id);
    const current = await repo.lock(trx, ctx.actor.orgId, id);
    if (!current) {
      throw notFound('Project');
    }
    if (input.version !== undefined && input.version !== current.version) {
      throw versionConflict(before);
    }
    productOnlyOnProducts(current.kind, input.productId);
    const set = columns(input);
    const status = input.status;
    if (targets && current.status !== 'planned') {
      throw conflict('Targets are fixed once the project is active (their baselines were measured then)');
    }
    const stored = targets ?? (await repo.find(trx, ctx.actor.orgId, id))?.targets ?? [];
    if (status !== undefined && status !== current.status) {
      moveAllowed(current.status, status);
      set.status = status;
      if (status === 'active') {
        set.started_at = new Date();
        set.targets = JSON.stringify(await baselines(trx, ctx, stored as StoredTarget[]));
      }
    } else if (targets) {
      set.targets = JSON.stringify(targets);
    }
    await repo.update(trx, ctx.actor.orgId, id, set);
    if (input.partyIds) {
      await repo.setParties(trx, ctx.actor.orgId, id, input.partyIds);
    }
    const after = await readProject(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'update', entityType: 'project', entityId: id, before, after });
    return after;
  });
}

function moveAllowed(from: ProjectStatus, to: ProjectStatus) {
  if (to === 'closed' && from === 'active') {
    throw conflict('Close a project through POST /api/projects/{id}/close, which records its evaluation');
  }
  if (!projectMoves[from].includes(to)) {
    throw conflict(`A ${from} project cannot become ${to}`, { from, to, allowed: projectMoves[from] });
  }
}

async function addCost(deps: Deps, ctx: RequestContext, id: string, input: CreateCost): Promise<Project> {
  const { db } = deps;
  requireProjectRole(ctx.actor);
  return db.transaction().execute(async (trx) => {
    const current = await repo.lock(trx, ctx.actor.orgId, id);
    if (!current) {
      throw notFound('Project');
    }
    if (current.status === 'closed' || current.status === 'cancelled') {
      throw conflict(`A ${current.status} project takes no more costs`);
    }
    const cost = await repo.insertCost(trx, {
      org_id: ctx.actor.orgId,
      project_id: id,
      amount: input.amount,
      spent_on: input.spentOn,
      note: input.note ?? null,
      created_by: ctx.actor.userId,
    });
    await repo.update(trx, ctx.actor.orgId, id, {});
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'project',
      entityId: id,
      after: { cost: cost.id, ...input },
    });
    return readProject(trx, ctx, id);
  });
}
