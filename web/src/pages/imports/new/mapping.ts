import type { ImportPreview, StartImport } from '../../../api/types.ts';
import type { ImportEntity } from '../shared/roles.ts';

/** One column of the file in the mapping step: where it goes, and whether the server suggested that. */
export interface ColumnMapping {
  header: string;
  /** A field key (`displayName`, `custom.vip`…) or null: not imported. */
  target: string | null;
  /** Pre-filled from the server's suggestion (and not changed since). */
  auto: boolean;
}

export type ImportField = ImportPreview['fields'][number];
export type UpsertKey = NonNullable<StartImport['upsertKey']>;

/** The columns as the server suggested mapping them; headers it could not place start as "ignore". */
export function initialMapping(headers: readonly string[], suggested: Record<string, string | null>): ColumnMapping[] {
  return headers.map((header) => {
    const target = suggested[header] ?? null;
    return { header, target, auto: target !== null };
  });
}

/** A user's choice for one column; it is no longer "automatic". */
export function setTarget(columns: readonly ColumnMapping[], header: string, target: string | null): ColumnMapping[] {
  return columns.map((c) => (c.header === header ? { ...c, target, auto: false } : c));
}

/** The `mapping` of `POST /api/imports/:id/start`: every header, so the server uses exactly what the user sees. */
export function toPayload(columns: readonly ColumnMapping[]): Record<string, string | null> {
  return Object.fromEntries(columns.map((c) => [c.header, c.target]));
}

/** Columns from a job's stored mapping (the report of an import started elsewhere). */
export function fromPayload(headers: readonly string[], mapping: Record<string, string | null>): ColumnMapping[] {
  return headers.map((header) => ({ header, target: mapping[header] ?? null, auto: false }));
}

/**
 * What each entity needs mapped, as groups of which one field is enough (the server refuses to start a
 * parties import without a name column; other rows without their group fail one by one). A group
 * applies only when the server offers one of its fields for the entity.
 */
export const requiredGroups: Record<ImportEntity, string[][]> = {
  parties: [['displayName', 'company', 'familyName', 'givenName']],
  employees: [['displayName', 'familyName', 'givenName']],
  interactions: [['partyId', 'partyExternalId', 'partyEmail', 'partyPhone', 'partyName']],
  products: [['name']],
  transactions: [
    ['partyId', 'partyExternalId', 'partyEmail', 'partyPhone', 'partyName'],
    ['amount', 'productSku', 'productId', 'productName'],
  ],
};

/** Required groups nobody maps to (each listed by the fields that would satisfy it). */
export function missingRequired(
  entity: ImportEntity,
  fields: readonly ImportField[],
  columns: readonly ColumnMapping[],
): string[][] {
  const offered = new Set(fields.map((f) => f.key));
  const mapped = new Set(columns.map((c) => c.target).filter(Boolean));
  return requiredGroups[entity]
    .map((group) => group.filter((k) => offered.has(k)))
    .filter((group) => group.length > 0 && !group.some((k) => mapped.has(k)));
}

/** Single-valued fields that several columns map to (only one would be read). */
export function doubleMapped(fields: readonly ImportField[], columns: readonly ColumnMapping[]): string[] {
  const list = new Set(fields.filter((f) => f.list).map((f) => f.key));
  const count = new Map<string, number>();
  for (const c of columns) {
    if (c.target && !list.has(c.target)) {
      count.set(c.target, (count.get(c.target) ?? 0) + 1);
    }
  }
  return [...count].filter(([, n]) => n > 1).map(([k]) => k);
}

const keyField: Record<UpsertKey, string> = { externalId: 'externalId', email: 'emails', phone: 'phones' };

/** Upsert keys this import may use, and only keys a column maps to: parties and employees by external id, email or phone; products and transactions by external id. */
export function upsertKeyOptions(entity: ImportEntity, columns: readonly ColumnMapping[]): UpsertKey[] {
  const mapped = new Set(columns.map((c) => c.target));
  const allowed: UpsertKey[] =
    entity === 'parties' || entity === 'employees'
      ? ['externalId', 'email', 'phone']
      : entity === 'products' || entity === 'transactions'
        ? ['externalId']
        : [];
  return allowed.filter((k) => mapped.has(keyField[k]));
}

/** The body of `POST /api/imports/:id/start`, with only the options that apply. */
export function startBody(
  entity: ImportEntity,
  columns: readonly ColumnMapping[],
  options: { dryRun: boolean; upsertKey?: UpsertKey | null; role?: string | null; encoding?: string | null },
): StartImport {
  const body: StartImport = { mapping: toPayload(columns), dryRun: options.dryRun };
  if (options.upsertKey && upsertKeyOptions(entity, columns).includes(options.upsertKey)) {
    body.upsertKey = options.upsertKey;
  }
  if (entity === 'parties' && options.role) {
    body.role = options.role as StartImport['role'];
  }
  return body;
}

/** Problems that keep the Next button disabled: required groups unmapped or a single field mapped twice. */
export function mappingProblems(
  entity: ImportEntity,
  fields: readonly ImportField[],
  columns: readonly ColumnMapping[],
) {
  return { missing: missingRequired(entity, fields, columns), doubled: doubleMapped(fields, columns) };
}
