import type { RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { versionConflict } from '../../platform/errors.ts';
import type { ValueSettingTable } from './core.tables.ts';
import { settingsRepository } from './settings.repository.ts';

/** A setting as the API shows it: the stored value, or the documented default (version 0) until one is stored. */
export interface Setting<T> {
  value: T;
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
}

/** Reads a setting; never writes (a GET shows the default without storing it). */
export async function readSetting<T>(
  db: Db,
  orgId: string,
  key: ValueSettingTable['key'],
  fallback: T,
  parse: (v: unknown) => T | null,
): Promise<Setting<T>> {
  const row = await settingsRepository.get(db, orgId, key);
  const stored = row ? parse(row.value) : null;
  if (!row || stored === null) {
    return { value: fallback, version: row?.version ?? 0, isDefault: true, updatedAt: null };
  }
  return { value: stored, version: row.version, isDefault: false, updatedAt: row.updated_at.toISOString() };
}

/**
 * Replaces a setting at the version the caller read (0: the default, nothing stored yet), with its audit row in the
 * same transaction; a moved version answers 409 with the current setting.
 */
export async function writeSetting<T>(
  db: Db,
  ctx: RequestContext,
  key: ValueSettingTable['key'],
  value: T,
  version: number,
  current: () => Promise<Setting<T>>,
): Promise<Setting<T>> {
  const orgId = ctx.actor.orgId;
  const row = await db.transaction().execute(async (trx) => {
    const before = await settingsRepository.get(trx, orgId, key);
    const written =
      version === 0
        ? await settingsRepository.insert(trx, orgId, key, value, ctx.actor.userId)
        : await settingsRepository.update(trx, orgId, key, value, version, ctx.actor.userId);
    if (written) {
      await recordAudit(trx, ctx, {
        action: 'value_setting.update',
        entityType: 'value_setting',
        entityId: null,
        before: before ? { key, value: before.value } : null,
        after: { key, value },
      });
    }
    return written;
  });
  if (!row) {
    throw versionConflict(await current());
  }
  return { value, version: row.version, isDefault: false, updatedAt: row.updated_at.toISOString() };
}

/**
 * Back to the documented default at the version the caller read: the stored value is removed (a GET then shows the
 * default with version 0), audited as an update to the default; a moved version answers 409 with the current setting.
 * Resetting a setting that is already the default changes nothing.
 */
export async function resetSetting<T>(
  db: Db,
  ctx: RequestContext,
  key: ValueSettingTable['key'],
  fallback: T,
  version: number,
  current: () => Promise<Setting<T>>,
): Promise<Setting<T>> {
  const orgId = ctx.actor.orgId;
  const done = await db.transaction().execute(async (trx) => {
    const before = await settingsRepository.get(trx, orgId, key);
    if (!before && version === 0) {
      return true;
    }
    if (!(await settingsRepository.remove(trx, orgId, key, version))) {
      return false;
    }
    await recordAudit(trx, ctx, {
      action: 'value_setting.update',
      entityType: 'value_setting',
      entityId: null,
      before: before ? { key, value: before.value } : null,
      after: { key, value: fallback, default: true },
    });
    return true;
  });
  if (!done) {
    throw versionConflict(await current());
  }
  return { value: fallback, version: 0, isDefault: true, updatedAt: null };
}
