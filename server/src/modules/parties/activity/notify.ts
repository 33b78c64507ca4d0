import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { actorOfUser, notify, type NewNotification } from '../../../platform/notify/notify.ts';
import { partiesRepository } from '../parties.repository.ts';
import type { InteractionRow, TaskRow } from '../parties.tables.ts';
import { mentionedNames } from './mentions.ts';
import { activityNotifyRepository as repo } from './notify.repository.ts';

// What parties' activity tells people (docs/architecture.md "Notifications"): tasks given to them, tasks due, and
// @mentions in interaction notes. Each call runs in the transaction of the change it reports.

const DAY_MS = 86_400_000;
/** The due-task job looks back this far for overdue tasks (older ones were notified when they fell due). */
const DUE_LOOKBACK_DAYS = 30;
export const TASKS_DUE_JOB = 'parties-tasks-due';
export const TASKS_DUE_CRON = '0 1 * * *';

/** Parties and tasks a notification points at follow the parties module's own rules. */
export function registerActivityNotifications(deps: Deps) {
  const vis = (db: Db, actor: Actor) => partiesRepository.visibility(db, actor.orgId);
  deps.notifications.register('party', async (db, actor, ids) =>
    repo.visibleParties(db, actor, await vis(db, actor), ids),
  );
  deps.notifications.register('task', async (db, actor, ids) =>
    repo.visibleTasks(db, actor, await vis(db, actor), ids),
  );
}

const taskParams = (t: Pick<TaskRow, 'title' | 'party_id'>, by: string | null) => ({
  title: t.title,
  partyId: t.party_id,
  by,
});

/** A task given to someone other than the one who gave it (once per assignment: the task's version is in the key). */
export async function notifyTaskAssigned(trx: Db, t: TaskRow, by: Actor, previous: string | null = null) {
  if (t.assignee_id === by.userId || t.assignee_id === previous || t.status !== 'open') {
    return;
  }
  await notify(trx, t.org_id, {
    userId: t.assignee_id,
    kind: 'task_assigned',
    recordType: 'task',
    recordId: t.id,
    params: taskParams(t, by.displayName),
    dedupeKey: `task_assigned:${t.id}:${t.version}`,
  });
}

/**
 * Users @mentioned in an interaction's subject or notes (syntax: activity/mentions.ts), each once per interaction
 * (saving the note again tells only users newly mentioned).
 * Only users who may read the party in full are told: a mention never shows a party to someone who cannot open it.
 */
export async function notifyMentions(trx: Db, i: InteractionRow, by: Actor) {
  const names = mentionedNames(`${i.subject}\n${i.body ?? ''}`);
  const users = (await repo.mentionable(trx, i.org_id, names)).filter((u) => u.id !== by.userId);
  if (!users.length) {
    return;
  }
  const visibility = await partiesRepository.visibility(trx, i.org_id);
  const partyName = await repo.partyName(trx, i.org_id, i.party_id);
  const told: NewNotification[] = [];
  for (const u of users) {
    const sees = await repo.visibleParties(trx, actorOfUser(u), visibility, [i.party_id]);
    if (sees.has(i.party_id)) {
      told.push({
        userId: u.id,
        kind: 'mention',
        recordType: 'party',
        recordId: i.party_id,
        params: { partyName, by: by.displayName },
        dedupeKey: `mention:${i.id}`,
      });
    }
  }
  await notify(trx, i.org_id, told);
}

/**
 * The daily due-task job: the assignee of every open task due today or overdue (UTC days, looking back
 * DUE_LOOKBACK_DAYS) is told once per task and due day (`task_due:<task>:<day>`), however often the job runs and on
 * however many servers. Returns how many notifications were new.
 */
export async function notifyDueTasks(db: Db, now = new Date()): Promise<number> {
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const until = new Date(startOfToday + DAY_MS);
  const from = new Date(startOfToday - DUE_LOOKBACK_DAYS * DAY_MS);
  let after: { orgId: string; id: string } | null = null;
  let created = 0;
  for (;;) {
    const rows = await repo.dueTasks(db, from, until, after, 500);
    const byOrg = new Map<string, NewNotification[]>();
    for (const t of rows) {
      byOrg.set(t.org_id, [
        ...(byOrg.get(t.org_id) ?? []),
        {
          userId: t.assignee_id,
          kind: 'task_due',
          recordType: 'task',
          recordId: t.id,
          params: { ...taskParams(t, null), dueDay: t.due_day },
          dedupeKey: `task_due:${t.id}:${t.due_day}`,
        },
      ]);
    }
    for (const [orgId, items] of byOrg) {
      created += await db.transaction().execute((trx) => notify(trx, orgId, items));
    }
    const last = rows.at(-1);
    if (rows.length < 500 || !last) {
      return created;
    }
    after = { orgId: last.org_id, id: last.id };
  }
}
