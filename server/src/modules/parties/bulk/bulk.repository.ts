import { sql, type Expression, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import { copyRows } from '../../../platform/db/copy.ts';
import type { Db } from '../../../platform/db/database.ts';
import type {
  InteractionTable,
  PartyHistoryTable,
  PartyRoleRow,
  PartyRoleTable,
  PartyTable,
  PartyUpdate,
} from '../parties.tables.ts';
import type { Match, PartySnapshot, UpsertKey } from './types.ts';

// The SQL of the parties bulk paths (upsert, restore, interactions): new rows by COPY (or chunked multi-row inserts),
// one-statement updates from a JSON array, and the lookups a batch makes once.

// PostgreSQL takes at most 65535 parameters per statement; PGlite's protocol parser fails above
// about 32k (it reads the count as a signed 16-bit number), so stay well under both.
function chunks<T>(xs: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(30000 / columns));
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) {
    out.push(xs.slice(i, i + size));
  }
  return out;
}

/** The columns every row gives a value (not undefined), or null when the rows differ (an INSERT gives those defaults). */
function sameColumns(rows: object[]): string[] | null {
  const given = (r: object) =>
    Object.entries(r)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
  const columns = given(rows[0] as object);
  const key = columns.join(',');
  return rows.every((r) => given(r).join(',') === key) ? columns : null;
}

/** New rows by COPY (copy.ts) when they all give the same columns, else by chunked multi-row INSERTs (defaults apply). */
export async function insertMany<T extends 'party' | 'party_role' | 'party_history' | 'interaction'>(
  trx: Db,
  table: T,
  rows: Insertable<(PartyTable | PartyRoleTable | PartyHistoryTable | InteractionTable) & object>[],
) {
  if (!rows.length) {
    return;
  }
  const same = sameColumns(rows);
  if (same) {
    await copyRows(trx, table, same, rows);
    return;
  }
  const columns = Object.keys(rows[0] as object).length;
  for (const part of chunks(rows, columns)) {
    await trx
      .insertInto(table)
      .values(part as never)
      .execute();
  }
}

/**
 * New parties by COPY as an iterable produces them (round.ts builds each one when the COPY asks for it, so building
 * and the server's inserting overlap). Every row gives the same columns, the first row's (newPartyRow's: none is
 * left out or undefined).
 */
export async function copyNewParties(trx: Db, rows: Iterable<Insertable<PartyTable>>): Promise<void> {
  const it = rows[Symbol.iterator]();
  const first = it.next();
  if (first.done) {
    return;
  }
  const all = (function* () {
    yield first.value;
    for (let r = it.next(); !r.done; r = it.next()) {
      yield r.value;
    }
  })();
  await copyRows(trx, 'party', Object.keys(first.value), all);
}

/**
 * Ids of parties holding any of the emails or phones (stored forms: lower-case, E.164), as an array
 * subquery for `p.id = any(…)`. One GIN probe per key: given a whole 1000-key array with `&&`, the
 * planner misjudges it as matching most rows and scans the table, which grows with every batch.
 */
export const partiesHolding = (orgId: string, emails: string[], phones: string[]) =>
  sql`array(
    select x.id from unnest(${sql.val(emails)}::text[]) k(v) cross join lateral (select id from party
      where org_id = ${orgId} and emails @> array[k.v]) x
    union
    select x.id from unnest(${sql.val(phones)}::text[]) k(v) cross join lateral (select id from party
      where org_id = ${orgId} and phones @> array[k.v]) x)`;

/** The columns of the roles and history rows the bulk path writes (a row's missing value is NULL). */
const columnTypes = {
  party_history: {
    org_id: 'uuid',
    id: 'uuid',
    party_id: 'uuid',
    role: 'text',
    field: 'text',
    from_value: 'text',
    to_value: 'text',
    reason: 'text',
    actor_id: 'uuid',
  },
  party_role: {
    org_id: 'uuid',
    id: 'uuid',
    party_id: 'uuid',
    role: 'text',
    stage: 'text',
    stakeholder_group: 'text',
    level: 'text',
    target_level: 'text',
    phase: 'text',
    initiative_score: 'smallint',
    participation_score: 'smallint',
    employee_no: 'text',
    hire_date: 'date',
    org_unit_id: 'uuid',
    manager_id: 'uuid',
    job_title: 'text',
    career_track: 'text',
    grade: 'text',
    salary: 'numeric',
    exit_date: 'date',
    exit_reason: 'text',
    started_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
} as const;

/** New roles or history rows by COPY: the table's columns in a fixed list, a value a row does not give as NULL. */
export async function insertColumns(trx: Db, table: keyof typeof columnTypes, rows: object[]) {
  await copyRows(trx, table, Object.keys(columnTypes[table]), rows);
}

/** `case when e ? 'col' then (e->>'col')::type else p.col end`: a column that changes only when the update gives it. */
const given = (alias: string, col: string, type: string) =>
  sql.raw(`${col} = case when e ? '${col}' then (e->>'${col}')::${type} else ${alias}.${col} end`);
const textArray = (col: string) => sql.raw(`${col} = array(select jsonb_array_elements_text(e->'${col}'))`);

/** Updates many parties in one statement; each entry carries the party id and the columns to set (PartyUpdate; json columns as JSON text). */
export async function updateParties(trx: Db, orgId: string, rows: Record<string, unknown>[], now: Date) {
  if (!rows.length) {
    return;
  }
  const set = [
    sql.raw(
      `kind = e->>'kind', display_name = e->>'display_name', given_name = e->>'given_name', family_name = e->>'family_name', deleted_at = null`,
    ),
    sql.raw(`search_text = e->>'search_text', name_key = e->>'name_key'`),
    ...['emails', 'phones', 'tags', 'search_grams'].map(textArray),
    ...(
      [
        ['external_id', 'text'],
        ['birthday', 'date'],
        ['gender', 'text'],
        ['address', 'jsonb'],
        ['locale', 'text'],
        ['owner_id', 'uuid'],
        ['backup_owner_id', 'uuid'],
        ['profile', 'jsonb'],
        ['custom', 'jsonb'],
      ] as const
    ).map(([c, t]) => given('p', c, t)),
  ];
  await sql`
    update party p set ${sql.join(set)}, updated_at = ${now}, version = p.version + 1
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) e
    where p.org_id = ${orgId} and p.id = (e->>'id')::uuid`.execute(trx);
}

const roleColumns: Record<string, string> = { ...columnTypes.party_role };
/** Updates many roles in one statement; each entry carries the role id and the columns roleValues gave. */
export async function updateRoles(trx: Db, orgId: string, rows: Record<string, unknown>[], now: Date) {
  if (!rows.length) {
    return;
  }
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c !== 'id' && roleColumns[c]);
  const set = cols.map((c) => given('r', c, roleColumns[c] ?? 'text'));
  await sql`
    update party_role r set ${sql.join([...set, sql`updated_at = ${now}`, sql.raw('version = r.version + 1')])}
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) e
    where r.org_id = ${orgId} and r.id = (e->>'id')::uuid`.execute(trx);
}

/** Keys of the organisation's active stakeholder groups. */
export async function activeGroupKeys(trx: Db, orgId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('stakeholder_group')
    .select('key')
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((g) => g.key));
}

/**
 * Parties named by upsert keys, each with `writable` (the caller's write condition over alias `p`, or true for a
 * trusted caller). External ids match deleted parties too (they stay reserved); emails and phones only live ones.
 */
export function matchPartiesByKey(
  trx: Db,
  orgId: string,
  upsertKey: UpsertKey,
  keys: string[],
  writable: Expression<SqlBool> | null,
): Promise<Match[]> {
  if (!keys.length) {
    return Promise.resolve([]);
  }
  const q = trx
    .selectFrom('party as p')
    .selectAll('p')
    .select((writable ? sql<boolean>`${writable}` : sql<boolean>`true`).as('writable'))
    .where('p.org_id', '=', orgId);
  if (upsertKey === 'externalId') {
    return q.where('p.external_id', 'in', keys).execute();
  }
  const held = upsertKey === 'email' ? partiesHolding(orgId, keys, []) : partiesHolding(orgId, [], keys);
  return q
    .where('p.deleted_at', 'is', null)
    .where('p.merged_into_id', 'is', null)
    .where(sql<boolean>`p.id = any(${held})`)
    .execute();
}

/** External id → the party holding it (deleted ones included). */
export async function externalIdHolders(trx: Db, orgId: string, externalIds: string[]): Promise<Map<string, string>> {
  if (!externalIds.length) {
    return new Map();
  }
  const rows = await trx
    .selectFrom('party')
    .select(['id', 'external_id'])
    .where('org_id', '=', orgId)
    .where('external_id', 'in', externalIds)
    .execute();
  return new Map(rows.map((r) => [r.external_id ?? '', r.id]));
}

/** Every role (current and ended) of the parties. */
export function rolesOfParties(trx: Db, orgId: string, partyIds: string[]): Promise<PartyRoleRow[]> {
  return partyIds.length
    ? trx.selectFrom('party_role').selectAll().where('org_id', '=', orgId).where('party_id', 'in', partyIds).execute()
    : Promise.resolve([]);
}

/** Live parties among `ids` → whether the caller may change them (`writable` over alias `p`; null: trusted). */
export async function livePartiesWritable(
  trx: Db,
  orgId: string,
  ids: string[],
  writable: Expression<SqlBool> | null,
): Promise<Map<string, boolean>> {
  if (!ids.length) {
    return new Map();
  }
  const rows = await trx
    .selectFrom('party as p')
    .select(['p.id', (writable ? sql<boolean>`${writable}` : sql<boolean>`true`).as('writable')])
    .where('p.org_id', '=', orgId)
    .where('p.id', 'in', ids)
    .where('p.deleted_at', 'is', null)
    .where('p.merged_into_id', 'is', null)
    .execute();
  return new Map(rows.map((p) => [p.id, p.writable]));
}

/** Puts a party's columns back as a snapshot had them (derived search columns recomputed); false when it is gone. */
export async function restorePartyRow(
  trx: Db,
  orgId: string,
  p: PartySnapshot['party'],
  derived: Pick<PartyUpdate, 'search_text' | 'search_grams' | 'name_key'>,
): Promise<boolean> {
  const res = await trx
    .updateTable('party')
    .set((eb) => ({
      kind: p.kind,
      display_name: p.display_name,
      external_id: p.external_id,
      given_name: p.given_name,
      family_name: p.family_name,
      emails: p.emails,
      phones: p.phones,
      tags: p.tags,
      birthday: p.birthday,
      gender: p.gender,
      address: p.address ? JSON.stringify(p.address) : null,
      locale: p.locale,
      custom: JSON.stringify(p.custom),
      owner_id: p.owner_id,
      backup_owner_id: p.backup_owner_id,
      profile: JSON.stringify(p.profile),
      deleted_at: p.deleted_at ? new Date(p.deleted_at) : null,
      ...derived,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', p.id)
    .executeTakeFirst();
  return Boolean(res.numUpdatedRows);
}

/** Puts a party's roles back as a snapshot had them: roles started since are removed, the others restored. */
export async function restoreRoles(trx: Db, orgId: string, partyId: string, roles: PartyRoleRow[]): Promise<void> {
  const keep = roles.map((r) => r.id);
  let gone = trx.deleteFrom('party_role').where('org_id', '=', orgId).where('party_id', '=', partyId);
  if (keep.length) {
    gone = gone.where('id', 'not in', keep);
  }
  await gone.execute();
  for (const r of roles) {
    const {
      org_id: _o,
      id,
      party_id: _p,
      created_at: _c,
      version: _v,
      started_at,
      ended_at,
      updated_at: _u,
      ...cols
    } = r;
    await trx
      .updateTable('party_role')
      .set((eb) => ({
        ...cols,
        started_at: new Date(started_at),
        ended_at: ended_at ? new Date(ended_at) : null,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  }
}

/**
 * Undo of a bulk create (an import's revert): moves the live parties whose ids `ids` selects to the bin, their
 * external ids freed, in one statement; how many went. `ids` is a subquery of the caller's own tables.
 */
export async function binPartiesIn(
  trx: Db,
  orgId: string,
  ids: RawBuilder<unknown>,
  now: Date,
  deletedBy: string | null = null,
): Promise<number> {
  const gone = await sql<{ id: string }>`
    update party p set deleted_at = ${now}, deleted_by = ${deletedBy}::uuid, external_id = null, updated_at = ${now},
      version = p.version + 1
    where p.org_id = ${orgId} and p.deleted_at is null and p.id in (${ids})
    returning p.id`.execute(trx);
  return gone.rows.length;
}

/** Undo of a bulk insert of interactions: deletes those `ids` selects, in one statement; how many went. */
export async function deleteInteractionsIn(trx: Db, orgId: string, ids: RawBuilder<unknown>): Promise<number> {
  const gone = await sql<{ id: string }>`
    delete from interaction x where x.org_id = ${orgId} and x.id in (${ids}) returning x.id`.execute(trx);
  return gone.rows.length;
}
