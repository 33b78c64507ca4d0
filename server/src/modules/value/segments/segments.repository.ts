import { sql, type Expression, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import {
  cursorValueFits,
  decodeCursor,
  encodeCursor,
  invalidCursor,
  paginate,
} from '../../../platform/db/pagination.ts';
import { updateVersioned } from '../../../platform/db/versioned.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { canSeeFull } from '../../parties/index.ts';
import { MAX_SEGMENTS } from './constants.ts';
import type { MembersQuery } from './segments.schema.ts';
import type { SegmentRow, SegmentTable } from './value-segments.tables.ts';

type PageArgs = { limit: number; cursor?: string | undefined };

export interface MemberRow {
  id: string;
  display_name: string;
  kind: string;
  owner_id: string | null;
  rfm_segment: string | null;
  value_class: string | null;
  clv: string | null;
  monetary: string | null;
  last_purchase_on: string | null;
}

const live = sql<SqlBool>`(p.deleted_at is null and p.merged_into_id is null)`;
/** Value sorts walk (value, id) descending; a customer without a value sorts below every value. */
const NO_VALUE = '-1000000000000000';
const moneyCursor = /^-?\d{1,16}(\.\d{1,2})?$/;

function membersQuery(db: Db, actor: Actor, vis: Visibility, cond: Expression<SqlBool>, runId: string | null) {
  return db
    .selectFrom('party as p')
    .leftJoin('value_snapshot as vs', (j) =>
      j
        .onRef('vs.org_id', '=', 'p.org_id')
        .onRef('vs.party_id', '=', 'p.id')
        .on('vs.run_id', '=', runId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      'p.id',
      'p.display_name',
      'p.kind',
      'p.owner_id',
      'vs.rfm_segment',
      'vs.value_class',
      'vs.clv',
      'vs.monetary',
      'vs.last_purchase_on',
    ])
    .where('p.org_id', '=', actor.orgId)
    .where(() => live)
    .where(() => canSeeFull(actor, vis, 'read'))
    .where(() => cond);
}

/** Keyset over (value, id) descending for the value sorts (numeric values the shared paginator does not take). */
async function byValue(
  q: ReturnType<typeof membersQuery>,
  column: 'vs.monetary' | 'vs.clv',
  page: PageArgs,
): Promise<Page<MemberRow>> {
  const key = sql`coalesce(${sql.ref(column)}, ${NO_VALUE}::numeric)`;
  let query = q;
  if (page.cursor) {
    const [v, id] = decodeCursor(page.cursor, 2);
    if (typeof v !== 'string' || !moneyCursor.test(v) || !cursorValueFits(id, 'uuid')) {
      throw invalidCursor();
    }
    query = query.where(() => sql<SqlBool>`(${key}, p.id) < (${v}::numeric, ${id}::uuid)`);
  }
  const rows = (await query
    .select(sql<string>`${key}::text`.as('sort_key'))
    .orderBy(sql`${key} desc`)
    .orderBy('p.id', 'desc')
    .limit(page.limit + 1)
    .execute()) as (MemberRow & { sort_key: string })[];
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map(({ sort_key: _k, ...r }) => r),
    nextCursor: more && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}

export const segmentsRepository = {
  /** Active segments whose rule tree has a stakeholderGroup condition naming the key. */
  async countNamingGroup(db: Db, orgId: string, groupKey: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from segment s
      where s.org_id = ${orgId} and not s.archived
        and jsonb_path_exists(s.rule, '$.** ? (@.field == "stakeholderGroup" && @.value[*] == $k)',
          jsonb_build_object('k', ${groupKey}::text))`.execute(db);
    return rows[0]?.n ?? 0;
  },

  insert: (db: Db, row: Insertable<SegmentTable>): Promise<SegmentRow> =>
    db.insertInto('segment').values(row).returningAll().executeTakeFirstOrThrow(),

  find: (db: Db, orgId: string, id: string): Promise<SegmentRow | undefined> =>
    db.selectFrom('segment').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  update: (db: Db, orgId: string, id: string, version: number, set: Updateable<SegmentTable>) =>
    updateVersioned(db, 'segment', orgId, id, version, set),

  list(db: Db, orgId: string, archived: boolean, page: PageArgs) {
    const q = db
      .selectFrom('segment as s')
      .selectAll('s')
      .where('s.org_id', '=', orgId)
      .where('s.archived', '=', archived);
    return paginate(q, {
      limit: page.limit,
      cursor: page.cursor,
      sort: { column: 's.name', desc: false, type: 'text' },
      idColumn: 's.id',
      sortValue: (r) => r.name,
    });
  },

  /** Active segments in the order a respondent's segment is chosen: priority, then age. */
  active: (db: Db, orgId: string): Promise<SegmentRow[]> =>
    db
      .selectFrom('segment')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('archived', '=', false)
      .orderBy('priority')
      .orderBy('created_at')
      .orderBy('id')
      .limit(MAX_SEGMENTS)
      .execute(),

  async activeCount(db: Db, orgId: string): Promise<number> {
    const r = await db
      .selectFrom('segment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('archived', '=', false)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  /** Another active segment already named this (names are unique among active segments, case-insensitively). */
  async nameTaken(db: Db, orgId: string, name: string, except?: string): Promise<boolean> {
    let q = db
      .selectFrom('segment')
      .select('id')
      .where('org_id', '=', orgId)
      .where('archived', '=', false)
      .where(sql<SqlBool>`lower(name) = lower(${name})`);
    if (except) {
      q = q.where('id', '<>', except);
    }
    return Boolean(await q.executeTakeFirst());
  },

  /** Live parties matching the condition that the actor sees in full. */
  async count(db: Db, actor: Actor, vis: Visibility, cond: Expression<SqlBool>): Promise<number> {
    const r = await db
      .selectFrom('party as p')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.org_id', '=', actor.orgId)
      .where(() => live)
      .where(() => canSeeFull(actor, vis, 'read'))
      .where(() => cond)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  members(
    db: Db,
    actor: Actor,
    vis: Visibility,
    cond: Expression<SqlBool>,
    runId: string | null,
    sort: MembersQuery['sort'],
    page: PageArgs,
  ): Promise<Page<MemberRow>> {
    const q = membersQuery(db, actor, vis, cond, runId);
    if (sort === '-monetary' || sort === '-clv') {
      return byValue(q, sort === '-monetary' ? 'vs.monetary' : 'vs.clv', page);
    }
    return paginate(q, {
      limit: page.limit,
      cursor: page.cursor,
      sort: { column: 'p.display_name', desc: false, type: 'text' },
      idColumn: 'p.id',
      sortValue: (r) => r.display_name,
    });
  },

  /** Every live member, organisation-wide (a survey audience is the organisation's, not the sender's book). */
  async memberIds(db: Db, orgId: string, cond: Expression<SqlBool>): Promise<string[]> {
    const rows = await db
      .selectFrom('party as p')
      .select('p.id')
      .where('p.org_id', '=', orgId)
      .where(() => live)
      .where(() => cond)
      .orderBy('p.id')
      .execute();
    return rows.map((r) => r.id);
  },

  /**
   * The first segment (of `branches`, in order) the party in `partyRef` matches, as SQL: a scalar subquery over
   * the party aliased `p`, null when none matches.
   */
  segmentOf(orgId: string, branches: { id: string; cond: Expression<SqlBool> }[], partyRef: RawBuilder<unknown>) {
    if (!branches.length) {
      return sql<string | null>`null::uuid`;
    }
    const arms = branches.map((b) => sql`when ${b.cond} then ${b.id}::uuid`);
    return sql<string | null>`(select case ${sql.join(arms, sql` `)} else null end
      from party p where p.org_id = ${orgId} and p.id = ${partyRef})`;
  },

  /** Evaluates `segmentOf` for one party. */
  async segmentOfParty(
    db: Db,
    orgId: string,
    branches: { id: string; cond: Expression<SqlBool> }[],
    partyId: string,
  ): Promise<string | null> {
    const res = await sql<{
      id: string | null;
    }>`select ${segmentsRepository.segmentOf(orgId, branches, sql`${partyId}::uuid`)} as id`.execute(db);
    return res.rows[0]?.id ?? null;
  },

  /** Every segment's name by id, archived ones too (earlier answers may carry them). */
  async names(db: Db, orgId: string): Promise<Map<string, string>> {
    const rows = await db.selectFrom('segment').select(['id', 'name']).where('org_id', '=', orgId).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** The users among `ids` in the organisation. */
  async existingUsers(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) {
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

  async existingUnits(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) {
      return new Set();
    }
    const rows = await db
      .selectFrom('org_unit')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  },
};
