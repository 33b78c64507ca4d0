import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from './types.ts';
import { AppError, notFound, versionConflict, validation } from '../errors.ts';

/** The version an update was based on: `version` in the body, or the `If-Match` header (`"3"`, `W/"3"` or `3`). */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | string[] | undefined): number {
  if (bodyVersion !== undefined) {
    return bodyVersion;
  }
  const header = Array.isArray(ifMatch) ? ifMatch[0] : ifMatch;
  if (header !== undefined) {
    const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!m) {
      throw validation('If-Match must be the record version, e.g. "3"');
    }
    return Number(m[1]);
  }
  throw new AppError(
    'VALIDATION_FAILED',
    'Send the version you are updating (version in the body or an If-Match header)',
    [{ path: ['body', 'version'], message: 'Required', code: 'missing_version' }],
  );
}

/**
 * After a conditional `update … where version = $v` touched nothing: the record is gone (404) or
 * someone else changed it first (409 with the current record, so the client can compare).
 */
export function failedUpdate<T>(current: T | undefined, what: string): never {
  if (current === undefined) {
    throw notFound(what);
  }
  throw versionConflict(current);
}

type Versioned = { org_id: unknown; id: unknown; version: unknown; updated_at: unknown };
/** Tables whose rows carry a version: the ones `updateVersioned` may change. */
export type VersionedTable = { [K in keyof Database]: Database[K] extends Versioned ? K : never }[keyof Database];

/**
 * The one optimistic update: `… set …, version = version + 1 where org_id, id and version match`.
 * Undefined when the row changed since the caller read it, or is gone (see `failedUpdate`).
 */
export function updateVersioned<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  orgId: string,
  id: string,
  version: number,
  values: Updateable<Database[T]>,
): Promise<Selectable<Database[T]> | undefined> {
  // Kysely cannot resolve columns of a generic table name; VersionedTable guarantees these exist.
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  return loose
    .updateTable(table as string)
    .set({ ...(values as Record<string, unknown>), updated_at: new Date(), version: sql`version + 1` })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>;
}
