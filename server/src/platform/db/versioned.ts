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
  throw new AppError('VALIDATION_FAILED', 'Send the version you are updating (version in the body or an If-Match header)', [
    { path: ['body', 'version'], message: 'Required', code: 'missing_version' },
  ]);
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
