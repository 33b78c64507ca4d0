import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/types.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { paginate, parseSort } from '../../platform/db/pagination.ts';
import { caseVisible, partyReferable } from './cases.access.ts';
import { casePriorities, caseStatuses, type SlaState } from './constants.ts';
import type { ListCasesQuery } from './cases.schema.ts';
import type { CaseEventTable, CaseRow, ServiceCaseTable } from './cases.tables.ts';
import { nextDueAt } from './sla/sla.ts';

type Db = Kysely<Database>;

function casesQuery(db: Db, orgId: string) {
  return db
    .selectFrom('service_case as c')
    .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'c.org_id').onRef('p.id', '=', 'c.party_id'))
    .leftJoin('app_user as au', (j) => j.onRef('au.org_id', '=', 'c.org_id').onRef('au.id', '=', 'c.assignee_id'))
    .selectAll('c')
    .select(['p.display_name as party_name', 'au.display_name as assignee_name'])
    .where('c.org_id', '=', orgId);
}
export type CaseView = CaseRow & { party_name: string | null; assignee_name: string | null };
/** A queue row: which running clocks were past their due time when it was read. */
export type CaseListRow = CaseView & { fr_overdue: boolean; res_overdue: boolean };

// Clocks run while a case is new or open (pending stops them; resolved and closed ones are done), so a
// running clock past its stored due time is breached at that instant, whether or not the SLA job has run.
/** The first-response clock of `c` runs and its due time has passed at `now`. */
export const firstResponseOverdue = (now: Date) =>
  sql<boolean>`(c.status in ('new', 'open') and c.first_responded_at is null and c.first_response_due_at < ${now})`;
/** The resolution clock of `c` runs and its due time has passed at `now`. */
export const resolveOverdue = (now: Date) => sql<boolean>`(c.status in ('new', 'open') and c.resolve_due_at < ${now})`;
/** Either clock of `c` is overdue at `now`. */
export const overdueAt = (now: Date) => sql<SqlBool>`(${firstResponseOverdue(now)} or ${resolveOverdue(now)})`;
/** The SLA state of `c` as a reader sees it at `now`: the stored one, or breached once a running clock is overdue. */
function slaStateAt(state: SlaState, now: Date): Expression<SqlBool> {
  return state === 'breached'
    ? sql<SqlBool>`(c.sla_state = 'breached' or ${overdueAt(now)})`
    : sql<SqlBool>`(c.sla_state = ${state} and not ${overdueAt(now)})`;
}

/** Stands for "no running clock" in the slaDueAt sort, so those cases come last (first when descending). */
const NO_DUE = '9999-12-31T00:00:00.000Z';
const rank = (column: string, values: readonly string[]) =>
  `(case ${column} ${values.map((v, i) => `when '${v}' then ${i}`).join(' ')} end)`;
const caseSorts = {
  createdAt: { column: 'c.created_at', type: 'timestamptz' },
  updatedAt: { column: 'c.updated_at', type: 'timestamptz' },
  priority: { column: rank('c.priority', casePriorities), type: 'int' },
  status: { column: rank('c.status', caseStatuses), type: 'int' },
  slaDueAt: {
    column: `coalesce(case when c.status in ('new', 'open', 'pending') then least(case when c.first_responded_at is null then c.first_response_due_at end, c.resolve_due_at) end, '${NO_DUE}'::timestamptz)`,
    type: 'timestamptz',
  },
} as const;
const sortValue: Record<keyof typeof caseSorts, (r: CaseView) => unknown> = {
  createdAt: (r) => r.created_at,
  updatedAt: (r) => r.updated_at,
  priority: (r) => casePriorities.indexOf(r.priority),
  status: (r) => caseStatuses.indexOf(r.status),
  slaDueAt: (r) => nextDueAt(r) ?? NO_DUE,
};

export const casesRepository = {
  find: (db: Db, orgId: string, id: string) =>
    casesQuery(db, orgId).where('c.id', '=', id).executeTakeFirst() as Promise<CaseView | undefined>,

  findVisible: (db: Db, actor: Actor, visibility: Visibility, id: string, mode: 'read' | 'write') =>
    casesQuery(db, actor.orgId)
      .where('c.id', '=', id)
      .where(() => caseVisible(actor, visibility, mode))
      .executeTakeFirst() as Promise<CaseView | undefined>,

  /** Locks the row for a write (the caller then re-reads it with names). */
  lock: (db: Db, orgId: string, id: string) =>
    db
      .selectFrom('service_case')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  // org-scope: a follow-up code's hash is unique across organisations, and the filer's organisation is not known before it.
  findByFollowUp: (db: Db, hash: string) =>
    db.selectFrom('service_case').selectAll().where('follow_up_hash', '=', hash).executeTakeFirst(),

  /** A page of the queue, with the clocks past their due time at `now` (a read marks nothing). */
  list(db: Db, actor: Actor, visibility: Visibility, f: ListCasesQuery, now: Date) {
    let q = casesQuery(db, actor.orgId)
      .select([firstResponseOverdue(now).as('fr_overdue'), resolveOverdue(now).as('res_overdue')])
      .where(() => caseVisible(actor, visibility, 'read'));
    if (f.type?.length) {
      q = q.where('c.type', 'in', f.type);
    }
    if (f.status?.length) {
      q = q.where('c.status', 'in', f.status);
    }
    if (f.priority?.length) {
      q = q.where('c.priority', 'in', f.priority);
    }
    const slaStates = f.slaState ?? [];
    if (slaStates.length) {
      q = q.where((eb) => eb.or(slaStates.map((state) => slaStateAt(state, now))));
    }
    if (f.assigneeId?.length) {
      const ids = f.assigneeId.map((id) => (id === 'me' ? actor.userId : id));
      q = q.where('c.assignee_id', 'in', ids);
    }
    if (f.partyId) {
      q = q.where('c.party_id', '=', f.partyId);
    }
    if (f.q) {
      q = q.where(sql<SqlBool>`strpos(lower(c.subject), lower(${f.q})) > 0`);
    }
    const field = f.sort.replace(/^-/, '') as keyof typeof caseSorts;
    const sort = parseSort(f.sort, caseSorts);
    return paginate(q, {
      limit: f.limit,
      cursor: f.cursor,
      sort,
      idColumn: 'c.id',
      sortValue: (r) => sortValue[field](r),
    }) as Promise<{ items: CaseListRow[]; nextCursor: string | null }>;
  },

  insert: (db: Db, row: Insertable<ServiceCaseTable>) =>
    db.insertInto('service_case').values(row).returningAll().executeTakeFirstOrThrow(),
  update: (db: Db, orgId: string, id: string, version: number, values: Updateable<ServiceCaseTable>) =>
    updateVersioned(db, 'service_case', orgId, id, version, values),
  /** Bookkeeping without a version bump (SLA state, first response, satisfaction): not an edit of the case. */
  setSla: (db: Db, orgId: string, id: string, values: Updateable<ServiceCaseTable>) =>
    db.updateTable('service_case').set(values).where('org_id', '=', orgId).where('id', '=', id).execute(),

  /** Running cases (not pending, not resolved) whose SLA state may have changed, for the job: all orgs. */
  // org-scope: the SLA job's work list across organisations; each case is then handled with its own org_id.
  running: (db: Db, limit: number) =>
    db
      .selectFrom('service_case')
      .select(['org_id', 'id'])
      .where('status', 'in', ['new', 'open', 'pending'])
      .where('sla_state', '<>', 'breached')
      .where('sla_policy_id', 'is not', null)
      .limit(limit)
      .execute(),

  complaintsSince: async (db: Db, orgId: string, partyId: string, since: Date) =>
    Number(
      (
        await db
          .selectFrom('service_case')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .where('party_id', '=', partyId)
          .where('type', '=', 'complaint')
          .where('created_at', '>=', since)
          .executeTakeFirstOrThrow()
      ).n,
    ),
};

export const eventsRepository = {
  insert: (db: Db, row: Insertable<CaseEventTable>) =>
    db.insertInto('case_event').values(row).returningAll().executeTakeFirstOrThrow(),
  list: (db: Db, orgId: string, caseId: string, publicOnly: boolean) => {
    let q = db
      .selectFrom('case_event as e')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'e.org_id').onRef('u.id', '=', 'e.actor_id'))
      .selectAll('e')
      .select('u.display_name as actor_name')
      .where('e.org_id', '=', orgId)
      .where('e.case_id', '=', caseId);
    if (publicOnly) {
      q = q
        .where('e.kind', 'in', ['reply', 'follow_up'])
        .where((eb) => eb.or([eb('e.visibility', '=', 'public'), eb('e.kind', '=', 'follow_up')]));
    }
    return q.orderBy('e.at').orderBy('e.seq').execute();
  },
  /** Status changes in time order (the pauses are the intervals spent in `pending`). */
  statusChanges: (db: Db, orgId: string, caseId: string) =>
    db
      .selectFrom('case_event')
      .select(['to_status', 'at'])
      .where('org_id', '=', orgId)
      .where('case_id', '=', caseId)
      .where('kind', 'in', ['status', 'resolution'])
      .orderBy('at')
      .orderBy('seq')
      .execute(),
};

/** The party facts the cases module needs (owner for tasks, email for feedback, name for reasons). */
export const partyFacts = (db: Db, orgId: string, partyId: string) =>
  db
    .selectFrom('party')
    .select(['id', 'display_name', 'emails', 'owner_id', 'kind'])
    .where('org_id', '=', orgId)
    .where('id', '=', partyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

/** A party a new case may name (cases.access partyReferable), with its name; undefined when not. */
export const referableParty = (db: Db, actor: Actor, visibility: Visibility, partyId: string) =>
  db
    .selectFrom('party as p')
    .select(['p.id', 'p.display_name'])
    .where('p.org_id', '=', actor.orgId)
    .where('p.id', '=', partyId)
    .where(() => partyReferable(actor, visibility))
    .executeTakeFirst();
