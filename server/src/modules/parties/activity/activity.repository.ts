import { updateVersioned } from '../../../platform/db/versioned.ts';
import { sql, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/types.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import { canRead, livePartyVisible, taskVisible } from '../parties.access.ts';
import type { ListInteractionsQuery, ListTasksQuery } from './activity.schema.ts';
import type { InteractionRow, InteractionTable, TaskRow, TaskTable } from '../parties.tables.ts';

type Db = Kysely<Database>;
type PageArgs = { limit: number; cursor: string | undefined };

export const interactionsRepository = {
  list(db: Db, actor: Actor, visibility: Visibility, f: ListInteractionsQuery, page: PageArgs) {
    let q = db
      .selectFrom('interaction as i')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'i.org_id').onRef('p.id', '=', 'i.party_id'))
      .selectAll('i')
      .where('i.org_id', '=', actor.orgId)
      .where(() => livePartyVisible(actor, visibility, 'read'));
    if (f.partyId) {
      q = q.where('i.party_id', '=', f.partyId);
    }
    if (f.channel) {
      q = q.where('i.channel', '=', f.channel);
    }
    if (f.userId) {
      q = q.where('i.user_id', '=', f.userId === 'me' ? actor.userId : f.userId);
    }
    if (f.from) {
      q = q.where('i.occurred_at', '>=', new Date(f.from));
    }
    if (f.to) {
      q = q.where('i.occurred_at', '<', new Date(f.to));
    }
    return paginate(q, {
      ...page,
      sort: { column: 'i.occurred_at', desc: true, type: 'timestamptz' },
      idColumn: 'i.id',
      sortValue: (r) => r.occurred_at,
    });
  },

  find(
    db: Db,
    actor: Actor,
    visibility: Visibility,
    id: string,
    mode: 'read' | 'write',
  ): Promise<InteractionRow | undefined> {
    return db
      .selectFrom('interaction as i')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'i.org_id').onRef('p.id', '=', 'i.party_id'))
      .selectAll('i')
      .where('i.org_id', '=', actor.orgId)
      .where('i.id', '=', id)
      .where(() => livePartyVisible(actor, visibility, mode))
      .executeTakeFirst();
  },

  byIds(db: Db, orgId: string, ids: string[]): Promise<InteractionRow[]> {
    return ids.length
      ? db.selectFrom('interaction').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute()
      : Promise.resolve([]);
  },

  insert(db: Db, row: Insertable<InteractionTable>): Promise<InteractionRow> {
    return db.insertInto('interaction').values(row).returningAll().executeTakeFirstOrThrow();
  },

  update(
    db: Db,
    orgId: string,
    id: string,
    version: number,
    values: Updateable<InteractionTable>,
  ): Promise<InteractionRow | undefined> {
    return updateVersioned(db, 'interaction', orgId, id, version, values);
  },
};

export const tasksRepository = {
  list(db: Db, actor: Actor, visibility: Visibility, f: ListTasksQuery, page: PageArgs) {
    // The party's name comes along only where the reader may see the party (directory form included).
    let q = db
      .selectFrom('task as t')
      .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 't.org_id').onRef('p.id', '=', 't.party_id'))
      .selectAll('t')
      .select(
        sql<string | null>`case when p.id is not null and ${canRead(actor, visibility)} then p.display_name end`.as(
          'party_name',
        ),
      )
      .where('t.org_id', '=', actor.orgId)
      .where(() => taskVisible(actor, visibility, 'read'));
    if (f.assignee) {
      q = q.where('t.assignee_id', '=', f.assignee === 'me' ? actor.userId : f.assignee);
    }
    if (f.partyId) {
      q = q.where('t.party_id', '=', f.partyId);
    }
    if (f.status) {
      q = q.where('t.status', '=', f.status);
    }
    if (f.due) {
      // Day boundaries in the caller's time zone.
      const today = sql`(date_trunc('day', now() at time zone ${f.tz}) at time zone ${f.tz})`;
      q = q.where('t.status', '=', 'open');
      switch (f.due) {
        case 'overdue':
          q = q.where(() => sql<SqlBool>`t.due_at < now()`);
          break;
        case 'today':
          q = q.where(() => sql<SqlBool>`t.due_at >= ${today} and t.due_at < ${today} + interval '1 day'`);
          break;
        case 'week':
          q = q.where(() => sql<SqlBool>`t.due_at >= ${today} and t.due_at < ${today} + interval '7 days'`);
          break;
      }
    }
    return paginate(q, {
      ...page,
      sort: { column: 't.due_at', desc: false, type: 'timestamptz' },
      idColumn: 't.id',
      sortValue: (r) => r.due_at,
    });
  },

  find(db: Db, actor: Actor, visibility: Visibility, id: string, mode: 'read' | 'write'): Promise<TaskRow | undefined> {
    return db
      .selectFrom('task as t')
      .selectAll('t')
      .where('t.org_id', '=', actor.orgId)
      .where('t.id', '=', id)
      .where(() => taskVisible(actor, visibility, mode))
      .executeTakeFirst();
  },

  byIds(db: Db, orgId: string, ids: string[]): Promise<TaskRow[]> {
    return ids.length
      ? db.selectFrom('task').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute()
      : Promise.resolve([]);
  },

  insert(db: Db, row: Insertable<TaskTable>): Promise<TaskRow> {
    return db.insertInto('task').values(row).returningAll().executeTakeFirstOrThrow();
  },

  update(
    db: Db,
    orgId: string,
    id: string,
    version: number,
    values: Updateable<TaskTable>,
  ): Promise<TaskRow | undefined> {
    return updateVersioned(db, 'task', orgId, id, version, values);
  },
};
