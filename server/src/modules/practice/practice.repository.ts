import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import type {
  PracticeMemberTable,
  PracticeScenarioTable,
  PracticeScoreTable,
  PracticeSessionTable,
} from './practice.tables.ts';

type Db = Kysely<Database>;

/** Who may see a session: overseers every one, others those they train or play in (docs/practice.md "Access"). */
export interface SessionViewer {
  userId: string;
  all: boolean;
}

export const scenariosRepository = {
  list(db: Db, orgId: string, id?: string) {
    let q = db.selectFrom('practice_scenario').selectAll().where('org_id', '=', orgId);
    if (id) {
      q = q.where('id', '=', id);
    }
    return q.orderBy('archived').orderBy('created_at').orderBy('id').limit(1000).execute();
  },
  insert(db: Db, row: Insertable<PracticeScenarioTable>) {
    return db.insertInto('practice_scenario').values(row).returning('id').executeTakeFirstOrThrow();
  },
  /** The built-ins an organisation lacks are added; ones it has (edited or not) stay as they are. */
  async insertBuiltIns(db: Db, rows: Insertable<PracticeScenarioTable>[]) {
    if (rows.length) {
      await db
        .insertInto('practice_scenario')
        .values(rows)
        .onConflict((oc) => oc.columns(['org_id', 'built_in']).doNothing())
        .execute();
    }
  },
  update(db: Db, orgId: string, id: string, version: number, set: Updateable<PracticeScenarioTable>) {
    return db
      .updateTable('practice_scenario')
      .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
  },
};

export const sessionsRepository = {
  list(db: Db, orgId: string, viewer: SessionViewer, id?: string) {
    let q = db
      .selectFrom('practice_session as s')
      .innerJoin('practice_scenario as c', (j) =>
        j.onRef('c.org_id', '=', 's.org_id').onRef('c.id', '=', 's.scenario_id'),
      )
      .innerJoin('app_user as t', (j) => j.onRef('t.org_id', '=', 's.org_id').onRef('t.id', '=', 's.trainer_user_id'))
      .selectAll('s')
      .select(['c.title_zh', 'c.title_en', 't.display_name as trainer_name'])
      .select(
        sql<string | null>`(select m.team_id from practice_member m where m.org_id = s.org_id and m.session_id = s.id
          and m.user_id = ${viewer.userId})`.as('my_team_id'),
      )
      .where('s.org_id', '=', orgId);
    if (!viewer.all) {
      q = q.where((eb) =>
        eb.or([
          eb('s.trainer_user_id', '=', viewer.userId),
          eb.exists(
            eb
              .selectFrom('practice_member as m')
              .select(sql`1`.as('one'))
              .whereRef('m.org_id', '=', 's.org_id')
              .whereRef('m.session_id', '=', 's.id')
              .where('m.user_id', '=', viewer.userId),
          ),
        ]),
      );
    }
    if (id) {
      q = q.where('s.id', '=', id);
    }
    return q.orderBy('s.scheduled_at', 'desc').orderBy('s.id').limit(500).execute();
  },
  insert(db: Db, row: Insertable<PracticeSessionTable>) {
    return db.insertInto('practice_session').values(row).returning('id').executeTakeFirstOrThrow();
  },
  update(db: Db, orgId: string, id: string, version: number, set: Updateable<PracticeSessionTable>) {
    return db
      .updateTable('practice_session')
      .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
  },
  teams(db: Db, orgId: string, sessionId: string) {
    return db
      .selectFrom('practice_team')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('session_id', '=', sessionId)
      .orderBy('position')
      .execute();
  },
  members(db: Db, orgId: string, sessionId: string) {
    return db
      .selectFrom('practice_member as m')
      .innerJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'm.org_id').onRef('u.id', '=', 'm.user_id'))
      .select(['m.team_id', 'm.user_id', 'm.role', 'u.display_name', 'u.party_id'])
      .where('m.org_id', '=', orgId)
      .where('m.session_id', '=', sessionId)
      .orderBy('u.display_name')
      .orderBy('m.user_id')
      .execute();
  },
  async replaceTeams(
    db: Db,
    orgId: string,
    sessionId: string,
    teams: { name: string; members: Omit<Insertable<PracticeMemberTable>, 'team_id'>[] }[],
  ) {
    await db.deleteFrom('practice_team').where('org_id', '=', orgId).where('session_id', '=', sessionId).execute();
    for (const [position, t] of teams.entries()) {
      const { id } = await db
        .insertInto('practice_team')
        .values({ org_id: orgId, session_id: sessionId, name: t.name, position })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('practice_member')
        .values(t.members.map((m) => ({ ...m, team_id: id })))
        .execute();
    }
  },
  countScores(db: Db, orgId: string, sessionId: string) {
    return db
      .selectFrom('practice_score')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('org_id', '=', orgId)
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
  },
  /** Users of the organisation among `ids` that are active (a member or trainer must be one). */
  activeUsers(db: Db, orgId: string, ids: string[]) {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('app_user')
      .select(['id'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .where('active', '=', true)
      .execute();
  },
};

export const scoresRepository = {
  /** One sheet per scored team and scorer (a peer team or the trainer): a new sheet replaces the old. */
  upsert(db: Db, row: Insertable<PracticeScoreTable>) {
    return db
      .insertInto('practice_score')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['org_id', 'team_id', 'scorer_team_id']).doUpdateSet((eb) => ({
          scorer_user_id: eb.ref('excluded.scorer_user_id'),
          knowledge: eb.ref('excluded.knowledge'),
          communication: eb.ref('excluded.communication'),
          solution: eb.ref('excluded.solution'),
          teamwork: eb.ref('excluded.teamwork'),
          comment: eb.ref('excluded.comment'),
          created_at: sql`now()`,
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Per team and side (peer or trainer): the number of sheets and the average of each criterion. */
  async averages(db: Db, orgId: string, sessionId: string) {
    const { rows } = await sql<{
      team_id: string;
      side: 'peer' | 'trainer';
      sheets: number;
      knowledge: string;
      communication: string;
      solution: string;
      teamwork: string;
    }>`
      select team_id, case when scorer_team_id is null then 'trainer' else 'peer' end as side,
        count(*)::int as sheets,
        avg(knowledge)::numeric(6, 4)::text as knowledge, avg(communication)::numeric(6, 4)::text as communication,
        avg(solution)::numeric(6, 4)::text as solution, avg(teamwork)::numeric(6, 4)::text as teamwork
      from practice_score
      where org_id = ${orgId} and session_id = ${sessionId}
      group by team_id, side
      order by team_id, side`.execute(db);
    return rows;
  },
};
