import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { orgUnitsRepository } from '../../platform/identity/org-units.repository.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { activeFieldDefinitions, type CreateInteraction, type CreateParty } from '../parties/index.ts';
import type { BulkProductInput } from '../commerce/index.ts';
import type { TransactionRowValue } from './commerce-rows.ts';
import { hasCustomFields, type CustomDef } from './fields.ts';
import type { ImportJob } from './imports.schema.ts';
import type { ImportEntity, ImportJobRow } from './imports.tables.ts';
import type { Column, Lookups, PartyRef, RowIssue } from './rows.ts';

/**
 * What the parts of the imports module share: the settings, the job as the API shows it, the
 * actor and lookups of a run, and a row on its way from the file to a batch.
 */

export interface ImportSettings {
  /** Where uploaded files are kept until the job is finished (and for a resume): TANDEM_DATA_DIR/imports. */
  dir: string;
  /** Upload size limit in bytes (TANDEM_IMPORT_MAX_BYTES, default 200 MB). */
  maxBytes: number;
  batchSize?: number;
  /** How long a runner's claim on a job lasts without a batch renewing it (default 60 s). */
  leaseSeconds?: number;
}

export const DEFAULT_IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** Hooks a caller (the CLI, tests) may pass to watch or stop a run. */
export interface RunHooks {
  /** After each batch commits (awaited: a test may act between batches). */
  onBatch?: (job: ImportJobRow) => void | Promise<void>;
  /** Stops the run after the current batch (tests of the crash path). */
  signal?: AbortSignal;
}

/** A data row on its way to a batch: its issues so far, or what it will write. */
export interface Pending {
  row: number;
  issues: RowIssue[];
  columns: Column[];
  party?: CreateParty;
  /** A person row's company column: the organisation to match or create and link with works_at. */
  company?: { name: string; jobTitle: string | null };
  interaction?: Omit<CreateInteraction, 'partyId'>;
  ref?: PartyRef;
  refColumn?: string | null;
  product?: BulkProductInput;
  tx?: TransactionRowValue;
}

export const tooLarge = (max: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the import limit of ${Math.round(max / 1024 / 1024)} MB (TANDEM_IMPORT_MAX_BYTES); split it into smaller files`,
  );

export function toImportJob(r: ImportJobRow, now = Date.now()): ImportJob {
  const processed = r.processed;
  const progress =
    r.status === 'completed' || r.status === 'reverted'
      ? 1
      : r.total
        ? processed / r.total
        : r.file_size
          ? Math.min(1, r.bytes_done / r.file_size)
          : 0;
  let rowsPerSecond: number | null = null;
  let etaSeconds: number | null = null;
  if (r.started_at && (r.status === 'running' || r.finished_at)) {
    const secs = ((r.finished_at?.getTime() ?? now) - r.started_at.getTime()) / 1000;
    rowsPerSecond = secs > 0 ? Math.round((processed - r.run_from) / secs) : null;
    if (r.status === 'running' && rowsPerSecond && progress > 0) {
      etaSeconds = Math.round(
        (secs / Math.max(progress - (r.run_from && r.total ? r.run_from / r.total : 0), 1e-6)) * (1 - progress),
      );
    }
  }
  return {
    id: r.id,
    entity: r.entity,
    status: r.status,
    fileName: r.file_name,
    fileSize: r.file_size,
    format: r.file_type,
    encoding: r.encoding,
    delimiter: r.delimiter,
    headers: r.headers,
    mapping: r.mapping,
    options: {
      ...(r.options.upsertKey ? { upsertKey: r.options.upsertKey } : {}),
      ...(r.options.role ? { role: r.options.role } : {}),
    },
    dryRun: r.dry_run,
    counts: {
      total: r.total,
      processed,
      created: r.created,
      updated: r.updated,
      skipped: r.skipped,
      failed: r.failed,
      duplicates: r.duplicates,
    },
    progress,
    rowsPerSecond,
    etaSeconds,
    message: r.message,
    createdBy: r.created_by,
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    revertedAt: r.reverted_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The actor a job runs as: its creator, as they are now. */
export async function actorOf(db: Db, orgId: string, userId: string | null): Promise<Actor> {
  const u = userId ? await usersRepository.findActiveById(db, orgId, userId) : undefined;
  if (!u) {
    throw new AppError('FORBIDDEN', 'The user who started this import is no longer active');
  }
  return {
    orgId,
    userId: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles,
    orgUnitId: u.org_unit_id,
    partyId: u.party_id,
    locale: u.locale,
    authMethod: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
  };
}

/** Users by email, id or name (an email or id wins over a name that equals it); org units by name or id. */
export async function lookupsOf(db: Db, orgId: string): Promise<Lookups> {
  const users = await usersRepository.directory(db, orgId);
  const units = await orgUnitsRepository.names(db, orgId);
  const byUser = new Map<string, string>();
  // A name two users share names neither (the readable export names owners; the row is refused, not guessed).
  const ambiguous = new Set<string>();
  for (const u of users) {
    const name = u.display_name.trim().toLowerCase();
    if (byUser.has(name) && byUser.get(name) !== u.id) {
      ambiguous.add(name);
    }
    byUser.set(name, u.id);
  }
  for (const name of ambiguous) {
    byUser.delete(name);
  }
  for (const u of users) {
    byUser.set(u.email.toLowerCase(), u.id);
    byUser.set(u.id, u.id);
  }
  const byUnit = new Map<string, string>();
  for (const u of units) {
    byUnit.set(u.name.toLowerCase(), u.id);
    byUnit.set(u.id, u.id);
  }
  return {
    user: (v) => byUser.get(v.trim().toLowerCase()),
    ambiguousUser: (v) => ambiguous.has(v.trim().toLowerCase()) && !byUser.has(v.trim().toLowerCase()),
    orgUnit: (v) => byUnit.get(v.trim().toLowerCase()),
  };
}

/** Custom field definitions a column may map to (parties and employees only). */
export const customDefs = async (db: Db, orgId: string, entity: ImportEntity): Promise<CustomDef[]> =>
  hasCustomFields(entity)
    ? (await activeFieldDefinitions(db, orgId)).map((d) => ({ key: d.key, label_zh: d.label_zh, label_en: d.label_en }))
    : [];
