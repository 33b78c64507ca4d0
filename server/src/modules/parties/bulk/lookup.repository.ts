import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { normalizePhone } from '../phone.ts';
import { partiesHolding } from './bulk.repository.ts';

/** How an import row names a party. */
export interface PartyRef {
  by: 'id' | 'externalId' | 'email' | 'phone' | 'name';
  value: string;
}

/** The key `resolvePartyRefs` files a reference under. */
export const partyRefKey = (ref: PartyRef) => `${ref.by}:${ref.by === 'name' ? ref.value.toLowerCase() : ref.value}`;

/**
 * Live parties named by import rows (by id, external id, email, phone or exact name), in a few index
 * probes per batch: `partyRefKey(ref)` → the ids it matches (none, one, or several: ambiguous).
 */
export async function resolvePartyRefs(trx: Db, orgId: string, refs: PartyRef[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const add = (k: string, id: string) => {
    const ids = out.get(k) ?? [];
    if (!ids.includes(id)) {
      ids.push(id);
    }
    out.set(k, ids);
  };
  const of = (by: PartyRef['by']) => [...new Set(refs.filter((r) => r.by === by).map((r) => r.value))];
  const live = () =>
    trx
      .selectFrom('party')
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .where('merged_into_id', 'is', null);
  const ids = of('id');
  if (ids.length) {
    for (const r of await live()
      .select('id')
      .where(sql<boolean>`id = any(${sql.val(ids)}::uuid[])`)
      .execute()) {
      add(`id:${r.id}`, r.id);
    }
  }
  const ext = of('externalId');
  if (ext.length) {
    for (const r of await live()
      .select(['id', 'external_id'])
      .where(sql<boolean>`external_id = any(${sql.val(ext)}::text[])`)
      .execute()) {
      add(`externalId:${r.external_id ?? ''}`, r.id);
    }
  }
  const emails = of('email');
  if (emails.length) {
    const wanted = new Set(emails);
    for (const r of await live()
      .select(['id', 'emails'])
      .where(sql<boolean>`id = any(${partiesHolding(orgId, emails, [])})`)
      .execute()) {
      r.emails.filter((e) => wanted.has(e)).forEach((e) => add(`email:${e}`, r.id));
    }
  }
  const phones = of('phone');
  if (phones.length) {
    const norm = new Map<string, string[]>();
    for (const p of phones) {
      const n = normalizePhone(p) ?? p;
      norm.set(n, [...(norm.get(n) ?? []), p]);
    }
    for (const r of await live()
      .select(['id', 'phones'])
      .where(sql<boolean>`id = any(${partiesHolding(orgId, [], [...norm.keys()])})`)
      .execute()) {
      r.phones.forEach((p) => (norm.get(p) ?? []).forEach((given) => add(`phone:${given}`, r.id)));
    }
  }
  const names = of('name');
  if (names.length) {
    for (const r of await live()
      .select(['id', 'display_name'])
      .where(sql<boolean>`lower(display_name) = any(${sql.val(names.map((n) => n.toLowerCase()))}::text[])`)
      .execute()) {
      add(`name:${r.display_name.toLowerCase()}`, r.id);
    }
  }
  return out;
}

/**
 * Upkeep between bulk batches (imports and the demo loader): planner statistics after batches 1, 2, 4, 8…
 * of the columns the next batch's lookups filter on (PGlite has no autovacuum and PostgreSQL's lags behind
 * a bulk load, so per-batch lookups would pick plans that grow with the table; the other columns, the
 * search text and grams above all, cost most to analyse and no lookup reads them, so theirs wait for
 * autovacuum, as do the history's), and the GIN pending lists of the email and phone indexes, which
 * otherwise only grow and make every lookup by email or phone scan them whole.
 */
export async function afterPartiesBatch(db: Db, batchNumber: number): Promise<void> {
  if ((batchNumber & (batchNumber - 1)) === 0) {
    await sql`analyze party (org_id, id, external_id, emails, phones, owner_id, backup_owner_id, deleted_at, merged_into_id), party_role (org_id, party_id, role, ended_at)`.execute(
      db,
    );
  }
  await sql`select gin_clean_pending_list('party_emails'::regclass), gin_clean_pending_list('party_phones'::regclass)`.execute(
    db,
  );
}

/** Live parties holding any of the emails or phones (stored forms): the duplicate check of a party import batch. */
export function partiesSharingContacts(
  trx: Db,
  orgId: string,
  emails: string[],
  phones: string[],
): Promise<{ id: string; display_name: string; emails: string[]; phones: string[] }[]> {
  if (!emails.length && !phones.length) {
    return Promise.resolve([]);
  }
  return trx
    .selectFrom('party')
    .select(['id', 'display_name', 'emails', 'phones'])
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .where(sql<boolean>`id = any(${partiesHolding(orgId, emails, phones)})`)
    .execute();
}
