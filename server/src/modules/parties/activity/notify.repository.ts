import { sql, type Kysely } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/types.ts';
import { livePartyVisible, taskVisible } from '../parties.access.ts';

type Db = Kysely<Database>;

export const activityNotifyRepository = {
  /** Of `ids`, the live parties the actor may read in full. */
  async visibleParties(db: Db, actor: Actor, visibility: Visibility, ids: readonly string[]) {
    if (!ids.length) {
      return new Set<string>();
    }
    const rows = await db
      .selectFrom('party as p')
      .select('p.id')
      .where('p.org_id', '=', actor.orgId)
      .where('p.id', 'in', [...ids])
      .where(() => livePartyVisible(actor, visibility, 'read'))
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  /** Of `ids`, the tasks the actor may read. */
  async visibleTasks(db: Db, actor: Actor, visibility: Visibility, ids: readonly string[]) {
    if (!ids.length) {
      return new Set<string>();
    }
    const rows = await db
      .selectFrom('task as t')
      .select('t.id')
      .where('t.org_id', '=', actor.orgId)
      .where('t.id', 'in', [...ids])
      .where(() => taskVisible(actor, visibility, 'read'))
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  partyName: async (db: Db, orgId: string, id: string) =>
    (
      await db
        .selectFrom('party')
        .select('display_name')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
    )?.display_name ?? null,

  /** Active users of the org whose display name or username (the part of the email before @) is one of `names`. */
  mentionable: (db: Db, orgId: string, names: readonly string[]) =>
    names.length
      ? db
          .selectFrom('app_user')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('active', '=', true)
          .where((eb) =>
            eb.or([
              eb(sql<string>`lower(display_name)`, 'in', [...names]),
              eb(sql<string>`lower(split_part(email, '@', 1))`, 'in', [...names]),
            ]),
          )
          .limit(50)
          .execute()
      : Promise.resolve([]),

  /**
   * Open tasks due before `until` and not before `from`, after the keyset (org, id), with the UTC day
   * each is due on.
   */
  // org-scope: the daily due-task job pages through every organisation's tasks, keyed by (org_id, id).
  dueTasks: (db: Db, from: Date, until: Date, after: { orgId: string; id: string } | null, limit: number) => {
    let q = db
      .selectFrom('task as t')
      .select([
        't.org_id',
        't.id',
        't.assignee_id',
        't.title',
        't.party_id',
        sql<string>`to_char(t.due_at at time zone 'UTC', 'YYYY-MM-DD')`.as('due_day'),
      ])
      .where('t.status', '=', 'open')
      .where('t.due_at', '>=', from)
      .where('t.due_at', '<', until);
    if (after) {
      q = q.where(sql<boolean>`(t.org_id, t.id) > (${after.orgId}::uuid, ${after.id}::uuid)`);
    }
    return q.orderBy('t.org_id').orderBy('t.id').limit(limit).execute();
  },
};
