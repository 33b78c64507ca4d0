import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { versionConflict } from '../../../platform/errors.ts';
import { DEFAULT_COMMERCIAL_CAP } from '../constants.ts';
import { careSettingsRepository } from './settings.repository.ts';
import type { CareSettings, UpdateCareSettings } from './settings.schema.ts';

type Row = Awaited<ReturnType<typeof careSettingsRepository.find>>;

const toSettings = (row: Row): CareSettings => ({
  commercialCap: row ? Number(row.commercial_cap) : DEFAULT_COMMERCIAL_CAP,
  isDefault: !row,
  defaultCap: DEFAULT_COMMERCIAL_CAP,
  updatedAt: row?.updated_at.toISOString() ?? null,
  version: row?.version ?? 1,
});

/** The organisation's commercial cap (docs/care.md "Commercial-content guard"): the stored one, else the default. */
export const commercialCapOf = async (db: Db, orgId: string): Promise<number> =>
  toSettings(await careSettingsRepository.find(db, orgId)).commercialCap;

/** Care settings: read by marketers (the campaign page shows the cap), changed by admins (audited). */
export function careSettingsService(deps: Deps) {
  const { db } = deps;
  return {
    get: async (ctx: RequestContext): Promise<CareSettings> =>
      toSettings(await careSettingsRepository.find(db, ctx.actor.orgId)),

    update: (ctx: RequestContext, version: number, input: UpdateCareSettings): Promise<CareSettings> =>
      db.transaction().execute(async (trx) => {
        const before = await careSettingsRepository.find(trx, ctx.actor.orgId);
        const row = await careSettingsRepository.save(
          trx,
          ctx.actor.orgId,
          version,
          input.commercialCap,
          ctx.actor.userId,
        );
        if (!row) {
          throw versionConflict(toSettings(before));
        }
        await recordAudit(trx, ctx, {
          action: 'care_settings.update',
          entityType: 'care_settings',
          entityId: null,
          before: { commercialCap: toSettings(before).commercialCap },
          after: { commercialCap: input.commercialCap },
        });
        return toSettings(row);
      }),
  };
}
