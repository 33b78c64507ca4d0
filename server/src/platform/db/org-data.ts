import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './database.ts';

// An organisation's data as a whole, found through the catalogue (every table with `org_id`, docs/architecture.md
// "Tenancy"): removing it (a practice organisation's reset, docs/practice.md) and a digest of it that ignores what
// differs between two identical seedings (generated ids, timestamps, password hashes).

/** Kept whatever happens: the organisation row and the append-only logs. */
const untouchable = new Set(['organization', 'audit_log', 'audit_daily_count']);

interface Edge {
  child: string;
  parent: string;
}

async function orgTables(db: Db): Promise<{ tables: string[]; edges: Edge[] }> {
  const { rows: tables } = await sql<{ name: string }>`
    select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db);
  const { rows: edges } = await sql<Edge>`
    select distinct cl.relname as child, pl.relname as parent from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() and k.conrelid <> k.confrelid`.execute(db);
  return { tables: tables.map((t) => t.name).filter((t) => !untouchable.has(t)), edges };
}

/** Tables in an order that deletes every referencing table before the tables it references. */
export function deletionOrder(tables: readonly string[], edges: readonly Edge[]): string[] {
  const inSet = new Set(tables);
  const remaining = new Set(tables);
  const order: string[] = [];
  while (remaining.size) {
    // A table goes once no remaining table references it.
    const free = [...remaining].filter(
      (t) => !edges.some((e) => e.parent === t && e.child !== t && remaining.has(e.child) && inSet.has(e.child)),
    );
    if (free.length === 0) {
      throw new Error(`Tables reference each other: ${[...remaining].join(', ')}`);
    }
    for (const t of free.sort()) {
      order.push(t);
      remaining.delete(t);
    }
  }
  return order;
}

/**
 * Deletes every row of the organisation except the organisation itself, its audit log and the users in `keepUsers`
 * (with their sessions); kept users lose their links to the deleted records (unit, employee record). Runs in the
 * caller's transaction.
 */
export async function wipeOrgData(trx: Db, orgId: string, keepUsers: readonly string[]): Promise<void> {
  const { tables, edges } = await orgTables(trx);
  // Users and parties, users and units reference each other: cut the users' side first.
  await sql`update app_user set party_id = null, org_unit_id = null where org_id = ${orgId}`.execute(trx);
  await sql`update org_unit set manager_user_id = null where org_id = ${orgId}`.execute(trx);
  const cut = edges.filter(
    (e) =>
      !(e.child === 'app_user' && ['party', 'org_unit'].includes(e.parent)) &&
      !(e.child === 'org_unit' && e.parent === 'app_user'),
  );
  const keep = sql.join(keepUsers.length ? keepUsers.map((u) => sql`${u}::uuid`) : [sql`null::uuid`]);
  for (const t of deletionOrder(tables, cut)) {
    const where =
      t === 'app_user'
        ? sql`and id <> all(array[${keep}])`
        : t === 'session'
          ? sql`and user_id <> all(array[${keep}])`
          : sql``;
    await sql`delete from ${sql.table(t)} where org_id = ${orgId} ${where}`.execute(trx);
  }
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const volatileKey = (k: string) =>
  k === 'id' ||
  k === 'at' ||
  k.endsWith('_at') ||
  k.endsWith('At') ||
  k === 'password_hash' ||
  k === 'token_hash' ||
  k === 'version' ||
  k === 'xmin';

/** A value with generated ids replaced and volatile keys left out, as canonical JSON (sorted keys). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) {
    return `[${v.map(canonical).sort().join(',')}]`;
  }
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => !volatileKey(k))
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return typeof v === 'string' ? JSON.stringify(v.replace(uuidPattern, 'U')) : JSON.stringify(v ?? null);
}

/**
 * A digest of the organisation's data (every table but the logs and sign-in state): two organisations seeded alike
 * give the same digest, whatever ids and timestamps they got. Per table, the canonical rows sorted; for small
 * organisations (the rows are read into memory).
 */
export async function orgDataDigest(db: Db, orgId: string): Promise<{ digest: string; rows: number }> {
  const { tables } = await orgTables(db);
  const hash = createHash('sha256');
  let rows = 0;
  for (const t of tables.filter((x) => !['session', 'api_token'].includes(x))) {
    const res = await sql<{
      r: unknown;
    }>`select to_jsonb(x) as r from ${sql.table(t)} x where org_id = ${orgId}`.execute(db);
    const lines = res.rows.map((x) => canonical(x.r)).sort();
    rows += lines.length;
    hash.update(`${t}\n${lines.join('\n')}\n`);
  }
  return { digest: hash.digest('hex'), rows };
}
