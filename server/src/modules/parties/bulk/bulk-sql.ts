import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { InteractionTable, PartyHistoryTable, PartyRoleTable, PartyTable } from '../parties.tables.ts';

// Set-based SQL of the parties bulk path (bulk.ts, bulk-interactions.ts): chunked multi-row inserts,
// unnest inserts, and one-statement updates from a JSON array.

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

export async function insertMany<T extends 'party' | 'party_role' | 'party_history' | 'interaction'>(
  trx: Db,
  table: T,
  rows: Insertable<(PartyTable | PartyRoleTable | PartyHistoryTable | InteractionTable) & object>[],
) {
  if (!rows.length) {
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
 * Ids of parties holding any of the emails or phones (stored forms: lower-case, E.164), as an array
 * subquery for `p.id = any(…)`. One GIN probe per key: given a whole 1000-key array with `&&`, the
 * planner misjudges it as matching most rows and scans the table, which grows with every batch.
 */
export const partiesHolding = (emails: string[], phones: string[]) =>
  sql`array(
    select x.id from unnest(${sql.val(emails)}::text[]) k(v) cross join lateral (select id from party where emails @> array[k.v]) x
    union
    select x.id from unnest(${sql.val(phones)}::text[]) k(v) cross join lateral (select id from party where phones @> array[k.v]) x)`;

/** Column types of the tables written through unnest: one array parameter per column instead of one parameter per value. */
const columnTypes = {
  party_history: {
    org_id: 'uuid',
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

/** A multi-row insert as `insert … select from unnest(column arrays)`: the cheapest set-based insert after COPY, whatever the row count. */
export async function insertColumns(trx: Db, table: keyof typeof columnTypes, rows: object[]) {
  if (!rows.length) {
    return;
  }
  const types: Record<string, string> = columnTypes[table];
  const cols = Object.keys(types);
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  const arrays = cols.map(
    (c) => sql`${sql.val(rows.map((r) => value((r as Record<string, unknown>)[c])))}::${sql.raw(types[c] ?? 'text')}[]`,
  );
  await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(
    trx,
  );
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
