import type { Kysely } from 'kysely';
import { diff, recordAudit, type Who } from '../../../platform/audit/audit.ts';
import type { Database } from '../../../platform/db/types.ts';
import { emitEvent } from '../../../platform/webhooks/events.ts';
import type { Interaction, Task } from './activity.schema.ts';

// The audit row and the webhook event of an interaction or task write, in its transaction. Webhook payloads name
// ids, channel, kind, status and times — never a subject, body, title or notes (docs/webhooks.md).

type Trx = Kysely<Database>;
const taskEvent = (t: Task) => ({ id: t.id, partyId: t.partyId, kind: t.kind, status: t.status, dueAt: t.dueAt });

export async function interactionCreated(trx: Trx, who: Who, out: Interaction): Promise<Interaction> {
  await recordAudit(trx, who, { action: 'create', entityType: 'interaction', entityId: out.id, after: out });
  const { id, partyId, channel, direction, occurredAt } = out;
  await emitEvent(trx, who, 'interaction.created', { id, partyId, channel, direction, occurredAt });
  return out;
}

export async function taskCreated(trx: Trx, who: Who, out: Task): Promise<Task> {
  await recordAudit(trx, who, { action: 'create', entityType: 'task', entityId: out.id, after: out });
  await emitEvent(trx, who, 'task.created', taskEvent(out));
  return out;
}

/** An update's changed fields; `task.completed` when it closed the task as done. */
export async function taskUpdated(trx: Trx, who: Who, before: Task, after: Task): Promise<Task> {
  const d = diff(before, after);
  await recordAudit(trx, who, { action: 'update', entityType: 'task', entityId: after.id, ...d });
  const completed = before.status === 'open' && after.status === 'done';
  await emitEvent(trx, who, completed ? 'task.completed' : 'task.updated', taskEvent(after));
  return after;
}
