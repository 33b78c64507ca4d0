import type { RequestContext } from '../../../platform/auth/actor.ts';
import { diff, recordAudit, systemWho } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { usersRepository } from '../../../platform/identity/users.repository.ts';
import { interactionCreated, taskCreated, taskUpdated } from './activity-events.ts';
import type {
  CreateInteraction,
  CreateTask,
  Interaction,
  ListInteractionsQuery,
  ListTasksQuery,
  Task,
  UpdateInteraction,
  UpdateTask,
} from './activity.schema.ts';
import { interactionsRepository, tasksRepository } from './activity.repository.ts';
import { partiesRepository } from '../parties.repository.ts';
import type { InteractionRow, TaskRow } from '../parties.tables.ts';
import { readableParty, writableParty } from '../parties.service.ts';
import { notifyMentions, notifyTaskAssigned } from './notify.ts';

export const toInteraction = (r: InteractionRow): Interaction => ({
  id: r.id,
  partyId: r.party_id,
  channel: r.channel as Interaction['channel'],
  direction: r.direction as Interaction['direction'],
  occurredAt: r.occurred_at.toISOString(),
  subject: r.subject,
  body: r.body,
  outcome: r.outcome,
  sentiment: r.sentiment as Interaction['sentiment'],
  participants: r.participants,
  userId: r.user_id,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

export const toTask = (r: TaskRow & { party_name?: string | null }, now = Date.now()): Task => ({
  id: r.id,
  partyId: r.party_id,
  partyName: r.party_name ?? null,
  kind: r.kind,
  title: r.title,
  notes: r.notes,
  dueAt: r.due_at.toISOString(),
  assigneeId: r.assignee_id,
  status: r.status,
  overdue: r.status === 'open' && r.due_at.getTime() < now,
  completedAt: r.completed_at?.toISOString() ?? null,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

async function checkUser(db: Db, orgId: string, id: string | null | undefined, field: string) {
  if (id && !(await usersRepository.findById(db, orgId, id))) {
    throw validation('No such user', [{ path: ['body', field], message: 'No such user', code: 'unknown_reference' }]);
  }
}

/** A task the system sets (early warnings, care reminders), in the caller's transaction; audited with no actor. */
export async function createSystemTask(
  trx: Db,
  orgId: string,
  input: Pick<CreateTask, 'kind' | 'title'> & {
    partyId: string | null;
    notes: string | null;
    dueAt: Date;
    assigneeId: string;
  },
): Promise<Task> {
  const row = await tasksRepository.insert(trx, {
    org_id: orgId,
    party_id: input.partyId,
    kind: input.kind,
    title: input.title,
    notes: input.notes,
    due_at: input.dueAt,
    assignee_id: input.assigneeId,
    status: 'open',
    created_by: null,
  });
  const out = toTask(row);
  return taskCreated(trx, systemWho(orgId), out);
}

/** The columns an interaction PATCH changes. */
const interactionChanges = (input: UpdateInteraction) => ({
  ...(input.channel !== undefined ? { channel: input.channel } : {}),
  ...(input.direction !== undefined ? { direction: input.direction } : {}),
  ...(input.occurredAt !== undefined ? { occurred_at: new Date(input.occurredAt) } : {}),
  ...(input.subject !== undefined ? { subject: input.subject } : {}),
  ...(input.body !== undefined ? { body: input.body } : {}),
  ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
  ...(input.sentiment !== undefined ? { sentiment: input.sentiment } : {}),
  ...(input.participants !== undefined ? { participants: JSON.stringify(input.participants) } : {}),
  ...(input.userId !== undefined ? { user_id: input.userId } : {}),
});

/** Interactions and tasks: access follows the party (tasks also their assignee, creator and the assignee's managers). */
export function activityService(deps: Deps) {
  const { db } = deps;
  const visibility = (ctx: RequestContext) => partiesRepository.visibility(db, ctx.actor.orgId);

  return {
    async listInteractions(ctx: RequestContext, f: ListInteractionsQuery): Promise<Page<Interaction>> {
      const res = await interactionsRepository.list(db, ctx.actor, await visibility(ctx), f, {
        limit: f.limit,
        cursor: f.cursor,
      });
      return { items: res.items.map(toInteraction), nextCursor: res.nextCursor };
    },

    async getInteraction(ctx: RequestContext, id: string): Promise<Interaction> {
      const row = await interactionsRepository.find(db, ctx.actor, await visibility(ctx), id, 'read');
      if (!row) {
        throw notFound('Interaction');
      }
      return toInteraction(row);
    },

    /** In the caller's transaction when `outer` is given (another module's write of which this is one step). */
    async createInteraction(ctx: RequestContext, input: CreateInteraction, outer?: Db): Promise<Interaction> {
      await checkUser(outer ?? db, ctx.actor.orgId, input.userId, 'userId');
      return inTransaction(db, outer, async (trx) => {
        await writableParty(trx, ctx, input.partyId);
        const row = await interactionsRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          party_id: input.partyId,
          channel: input.channel,
          direction: input.direction,
          occurred_at: input.occurredAt ? new Date(input.occurredAt) : new Date(),
          subject: input.subject,
          body: input.body ?? null,
          outcome: input.outcome ?? null,
          sentiment: input.sentiment ?? null,
          participants: JSON.stringify(input.participants ?? []),
          user_id: input.userId === undefined ? ctx.actor.userId : input.userId,
        });
        await notifyMentions(trx, row, ctx.actor);
        return interactionCreated(trx, ctx, toInteraction(row));
      });
    },

    async updateInteraction(
      ctx: RequestContext,
      id: string,
      version: number,
      input: UpdateInteraction,
    ): Promise<Interaction> {
      await checkUser(db, ctx.actor.orgId, input.userId, 'userId');
      const vis = await visibility(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await interactionsRepository.find(trx, ctx.actor, vis, id, 'write');
        if (!before) {
          throw notFound('Interaction');
        }
        const row = await interactionsRepository.update(trx, ctx.actor.orgId, id, version, interactionChanges(input));
        if (!row) {
          failedUpdate(toInteraction(before), 'Interaction');
        }
        const d = diff(toInteraction(before), toInteraction(row));
        await notifyMentions(trx, row, ctx.actor);
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'interaction',
          entityId: id,
          before: d.before,
          after: d.after,
        });
        return toInteraction(row);
      });
    },

    async listTasks(ctx: RequestContext, f: ListTasksQuery): Promise<Page<Task>> {
      const res = await tasksRepository.list(db, ctx.actor, await visibility(ctx), f, {
        limit: f.limit,
        cursor: f.cursor,
      });
      return { items: res.items.map((r) => toTask(r)), nextCursor: res.nextCursor };
    },

    async getTask(ctx: RequestContext, id: string): Promise<Task> {
      const row = await tasksRepository.find(db, ctx.actor, await visibility(ctx), id, 'read');
      if (!row) {
        throw notFound('Task');
      }
      return toTask(row);
    },

    /** In the caller's transaction when `outer` is given (another module's write of which this is one step). */
    async createTask(ctx: RequestContext, input: CreateTask, outer?: Db): Promise<Task> {
      await checkUser(outer ?? db, ctx.actor.orgId, input.assigneeId, 'assigneeId');
      if (input.partyId) {
        await readableParty(outer ?? db, ctx, input.partyId);
      }
      return inTransaction(db, outer, async (trx) => {
        const row = await tasksRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          party_id: input.partyId ?? null,
          kind: input.kind,
          title: input.title,
          notes: input.notes ?? null,
          due_at: new Date(input.dueAt),
          assignee_id: input.assigneeId ?? ctx.actor.userId,
          status: 'open',
          created_by: ctx.actor.userId,
        });
        await notifyTaskAssigned(trx, row, ctx.actor);
        return taskCreated(trx, ctx, toTask(row));
      });
    },

    async updateTask(ctx: RequestContext, id: string, version: number, input: UpdateTask): Promise<Task> {
      await checkUser(db, ctx.actor.orgId, input.assigneeId, 'assigneeId');
      const vis = await visibility(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await tasksRepository.find(trx, ctx.actor, vis, id, 'write');
        if (!before) {
          throw notFound('Task');
        }
        const closing = input.status !== undefined && input.status !== 'open' && before.status === 'open';
        const row = await tasksRepository.update(trx, ctx.actor.orgId, id, version, {
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          ...(input.dueAt !== undefined ? { due_at: new Date(input.dueAt) } : {}),
          ...(input.assigneeId !== undefined ? { assignee_id: input.assigneeId } : {}),
          ...(input.status !== undefined
            ? {
                status: input.status,
                completed_at: closing ? new Date() : input.status === 'open' ? null : before.completed_at,
              }
            : {}),
        });
        if (!row) {
          failedUpdate(toTask(before), 'Task');
        }
        await notifyTaskAssigned(trx, row, ctx.actor, before.assignee_id);
        return taskUpdated(trx, ctx, toTask(before), toTask(row));
      });
    },
  };
}
