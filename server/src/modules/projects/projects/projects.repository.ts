import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { ProjectStatus } from '../constants.ts';
import type { ProjectTable } from '../projects.tables.ts';

// Relationship projects (docs/projects.md). Money stays numeric in SQL and reaches Node as strings.

const money = (e: ReturnType<typeof sql>) => sql<string>`(${e})::numeric(16, 2)::text`;

const spentSql = sql`(select sum(c.amount) from project_cost c where c.org_id = pr.org_id and c.project_id = pr.id)`;

function withFigures(db: Db, orgId: string) {
  return db
    .selectFrom('project as pr')
    .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'pr.org_id').onRef('u.id', '=', 'pr.owner_id'))
    .selectAll('pr')
    .select([
      'u.display_name as owner_name',
      money(sql`pr.budget`).as('budget_text'),
      money(sql`coalesce(${spentSql}, 0)`).as('spent'),
      money(sql`pr.budget - coalesce(${spentSql}, 0)`).as('remaining'),
    ])
    .where('pr.org_id', '=', orgId);
}

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof projectsRepository.find>>>;

export const projectsRepository = {
  insert(db: Db, row: Insertable<ProjectTable>) {
    return db.insertInto('project').values(row).returning('id').executeTakeFirstOrThrow();
  },

  find(db: Db, orgId: string, id: string) {
    return withFigures(db, orgId).where('pr.id', '=', id).executeTakeFirst();
  },

  /** Locks the row for a write (status moves, costs, close) so two writers do not interleave. */
  lock(db: Db, orgId: string, id: string) {
    return db
      .selectFrom('project')
      .select(['id', 'kind', 'status', 'version'])
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  list(db: Db, orgId: string, q: { status?: ProjectStatus; kind?: string }) {
    let query = withFigures(db, orgId);
    if (q.status) {
      query = query.where('pr.status', '=', q.status);
    }
    if (q.kind) {
      query = query.where('pr.kind', '=', q.kind as ProjectTable['kind']);
    }
    return query.orderBy('pr.created_at', 'desc').orderBy('pr.id', 'desc').limit(500).execute();
  },

  /** Updates with the optimistic version check when one is given; undefined when the version moved. */
  update(db: Db, orgId: string, id: string, patch: Updateable<ProjectTable>, version?: number) {
    let q = db
      .updateTable('project')
      .set({ ...patch, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('id', '=', id);
    if (version !== undefined) {
      q = q.where('version', '=', version);
    }
    return q.returning('id').executeTakeFirst();
  },

  async setParties(db: Db, orgId: string, projectId: string, partyIds: string[]) {
    await db.deleteFrom('project_party').where('org_id', '=', orgId).where('project_id', '=', projectId).execute();
    if (partyIds.length > 0) {
      await db
        .insertInto('project_party')
        .values([...new Set(partyIds)].map((party_id) => ({ org_id: orgId, project_id: projectId, party_id })))
        .execute();
    }
  },

  /** Linked parties the reader may see (`visible` is over the party aliased `p`). */
  parties(db: Db, orgId: string, projectIds: string[], visible: Expression<SqlBool>) {
    if (projectIds.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('project_party as pp')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'pp.org_id').onRef('p.id', '=', 'pp.party_id'))
      .select(['pp.project_id', 'p.id', 'p.display_name'])
      .where('pp.org_id', '=', orgId)
      .where('pp.project_id', 'in', projectIds)
      .where(visible)
      .orderBy('p.display_name')
      .execute();
  },

  /** Of the given parties, those the actor may see (`visible` over `p`). */
  async visibleParties(db: Db, orgId: string, ids: string[], visible: Expression<SqlBool>): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const rows = await db
      .selectFrom('party as p')
      .select('p.id')
      .where('p.org_id', '=', orgId)
      .where('p.id', 'in', ids)
      .where(visible)
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  async existingUsers(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const rows = await db
      .selectFrom('app_user')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  costs(db: Db, orgId: string, projectId: string) {
    return db
      .selectFrom('project_cost')
      .select(['id', 'spent_on', 'note', 'created_at'])
      .select(money(sql`amount`).as('amount'))
      .where('org_id', '=', orgId)
      .where('project_id', '=', projectId)
      .orderBy('spent_on')
      .orderBy('created_at')
      .execute();
  },

  insertCost(
    db: Db,
    row: {
      org_id: string;
      project_id: string;
      amount: string;
      spent_on: string;
      note: string | null;
      created_by: string;
    },
  ) {
    return db.insertInto('project_cost').values(row).returning('id').executeTakeFirstOrThrow();
  },

  log(db: Db, orgId: string, projectId: string) {
    return db
      .selectFrom('project_log as l')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'l.org_id').onRef('u.id', '=', 'l.author_id'))
      .select(['l.id', 'l.text', 'l.at', 'u.display_name as author_name'])
      .where('l.org_id', '=', orgId)
      .where('l.project_id', '=', projectId)
      .orderBy('l.at', 'desc')
      .orderBy('l.id')
      .limit(500)
      .execute();
  },

  insertLog(db: Db, row: { org_id: string; project_id: string; text: string; author_id: string }) {
    return db.insertInto('project_log').values(row).execute();
  },

  /**
   * Budget burn-down (docs/metrics.md "Project budget"): the cumulative cost at the end of each day, from the
   * project's first day (started, or created) to the later of the last cost day and today capped at the deadline.
   */
  async burnDown(db: Db, orgId: string, projectId: string) {
    const { rows } = await sql<{ day: string; spent: string }>`
      with pr as (
        select org_id, id, coalesce(started_at, created_at)::date as first_day, deadline
        from project where org_id = ${orgId} and id = ${projectId}
      ), bounds as (
        select pr.*,
          least(pr.first_day, (select min(spent_on) from project_cost c where c.org_id = pr.org_id and c.project_id = pr.id)) as d0,
          greatest(
            (select max(spent_on) from project_cost c where c.org_id = pr.org_id and c.project_id = pr.id),
            least(current_date, coalesce(pr.deadline, current_date))
          ) as d1
        from pr
      ), days as (
        select b.org_id, b.id, d::date as day
        from bounds b, generate_series(b.d0, greatest(b.d0, least(b.d1, b.d0 + 3660)), interval '1 day') as d
      ), daily as (
        select spent_on, sum(amount) as amount from project_cost
        where org_id = ${orgId} and project_id = ${projectId} group by spent_on
      )
      select to_char(days.day, 'YYYY-MM-DD') as day,
        (sum(coalesce(daily.amount, 0)) over (order by days.day))::numeric(16, 2)::text as spent
      from days left join daily on daily.spent_on = days.day
      order by days.day`.execute(db);
    return rows;
  },

  /**
   * New-product speed for the capability index (docs/capability-index.md `new_product_speed`): the median days from
   * idea to launch of product projects launched in [from, to); n is how many.
   */
  async productSpeed(db: Db, orgId: string, from: Date, to: Date) {
    const { rows } = await sql<{ n: number; median: number | null }>`
      select count(*)::int as n,
        percentile_cont(0.5) within group (order by (launch_on - idea_on))::float8 as median
      from project
      where org_id = ${orgId} and kind = 'product' and status <> 'cancelled'
        and idea_on is not null and launch_on is not null and launch_on >= idea_on
        and launch_on >= ${from}::date and launch_on < ${to}::date`.execute(db);
    return rows[0] ?? { n: 0, median: null };
  },
};
