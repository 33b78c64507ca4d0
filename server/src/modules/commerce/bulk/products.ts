import { hasRole } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { centsToString, toCents } from '../money.ts';
import {
  auditWho,
  fail,
  rounds,
  upsertAudit,
  type BulkOutcome,
  type BulkProductInput,
  type BulkResult,
  type CommerceUpsertKey,
  type ProductSnapshot,
  type Who,
} from './bulk-types.ts';
import { bulkProductsRepository, type ProductValues } from './products.repository.ts';
import { timeOrderedId } from '../../../platform/db/ids.ts';

interface PreparedProduct {
  index: number;
  key: string | null;
  input: BulkProductInput;
}

/** The fields a row gives (absent ones are left out, so an update keeps them), price in canonical form. */
function valuesOf(given: BulkProductInput): ProductValues {
  const values: ProductValues = { name: given.name, currency: given.currency };
  if (given.sku !== undefined) {
    values.sku = given.sku;
  }
  if (given.category !== undefined) {
    values.category = given.category;
  }
  if (given.active !== undefined) {
    values.active = given.active;
  }
  if (given.price !== undefined) {
    values.price = given.price === null ? null : centsToString(toCents(given.price));
  }
  return values;
}

interface RoundContext {
  orgId: string;
  actorId: string | null;
  now: Date;
  upsertKey: CommerceUpsertKey | undefined;
}

/** One round (each key at most once): decides each row against the database, then one insert and one update. */
async function writeRound(
  trx: Db,
  { orgId, actorId, now, upsertKey }: RoundContext,
  round: PreparedProduct[],
  out: BulkOutcome<ProductSnapshot>,
): Promise<void> {
  const keys = round.map((p) => p.key).filter((k): k is string => k !== null);
  const skus = round.map((p) => p.input.sku).filter((k): k is string => Boolean(k));
  const byKey = new Map(
    (await bulkProductsRepository.byExternalIds(trx, orgId, keys)).map((p) => [p.external_id ?? '', p]),
  );
  const skuHolders = await bulkProductsRepository.skuHolders(trx, orgId, skus);
  const inserts: (ProductValues & { id: string; external_id: string | null })[] = [];
  const updates: (ProductValues & { id: string })[] = [];
  const roundSkus = new Set<string>();
  for (const p of round) {
    const target = p.key !== null ? byKey.get(p.key) : undefined;
    const sku = p.input.sku;
    if (target && !upsertKey) {
      out.results[p.index] = fail('duplicate_key', 'A product with this external id exists', ['externalId']);
      continue;
    }
    if (sku && ((skuHolders.has(sku) && skuHolders.get(sku) !== target?.id) || roundSkus.has(sku))) {
      out.results[p.index] = fail('duplicate_key', 'A product with this SKU exists', ['sku']);
      continue;
    }
    if (sku) {
      roundSkus.add(sku);
    }
    const values = valuesOf(p.input);
    if (target) {
      updates.push({ id: target.id, ...values });
      out.results[p.index] = { action: 'updated', id: target.id, before: target };
      out.updated.push({ id: target.id, before: target });
    } else {
      const id = timeOrderedId();
      inserts.push({ id, external_id: p.input.externalId ?? null, ...values });
      out.results[p.index] = { action: 'created', id };
      out.created.push(id);
    }
  }
  await bulkProductsRepository.insertMany(trx, orgId, actorId, now, inserts);
  await bulkProductsRepository.updateMany(trx, orgId, now, updates);
}

/** Creates or updates many products in the caller's transaction (the contract: bulk-types.ts). */
export async function bulkUpsertProducts(
  trx: Db,
  who: Who,
  rows: BulkProductInput[],
  opts: { upsertKey?: CommerceUpsertKey | undefined } = {},
): Promise<BulkOutcome<ProductSnapshot>> {
  const w = auditWho(who);
  const out: BulkOutcome<ProductSnapshot> = {
    created: [],
    updated: [],
    results: new Array<BulkResult<ProductSnapshot>>(rows.length),
  };
  if (!rows.length) {
    return out;
  }
  // A person changes the catalogue only in these roles; the system scope has no role rules.
  const allowed = !('actor' in who) || hasRole(who.actor, 'admin', 'manager', 'marketing');
  const prepared: PreparedProduct[] = [];
  rows.forEach((input, index) => {
    if (!allowed) {
      out.results[index] = fail('forbidden', 'Only admins, managers and marketing change the product catalogue', []);
    } else if (opts.upsertKey && !input.externalId) {
      out.results[index] = fail('missing_key', 'The upsert key (externalId) is empty', ['externalId']);
    } else {
      prepared.push({ index, key: input.externalId ?? null, input });
    }
  });
  const context: RoundContext = { orgId: w.orgId, actorId: w.actorId, now: new Date(), upsertKey: opts.upsertKey };
  for (const round of rounds(prepared)) {
    await writeRound(trx, context, round, out);
  }
  await recordAudit(trx, w, upsertAudit('product', rows.length, out));
  return out;
}
