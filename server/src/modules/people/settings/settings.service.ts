import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { validation, versionConflict } from '../../../platform/errors.ts';
import {
  attritionFactors,
  defaultAttritionWeights,
  defaultPeopleSettings,
  type AttritionFactor,
  type PeopleSettings,
} from '../constants.ts';
import { peopleSettingsRepository } from './settings.repository.ts';
import type {
  AttritionWeights,
  PayBand,
  PeopleSettingsOut,
  PutPayBands,
  UpdateAttritionWeights,
  UpdatePeopleSettings,
} from './settings.schema.ts';

type Stored = Awaited<ReturnType<typeof peopleSettingsRepository.find>>;

/** Stored values over the defaults; a stored value of the wrong type falls back to its default. */
function mergeSettings(row: Stored): PeopleSettings & { version: number } {
  const stored = row?.settings ?? {};
  const out = { ...defaultPeopleSettings };
  for (const key of Object.keys(out) as (keyof PeopleSettings)[]) {
    const v = stored[key];
    if (typeof v === 'number' && Number.isFinite(v)) {
      out[key] = v;
    }
  }
  return { ...out, version: row?.version ?? 1 };
}

function mergeWeights(row: Stored): Record<AttritionFactor, number> {
  const stored = row?.attrition_weights ?? {};
  return Object.fromEntries(
    attritionFactors.map((f) => {
      const v = stored[f];
      return [f, typeof v === 'number' && v >= 0 ? v : defaultAttritionWeights[f]];
    }),
  ) as Record<AttritionFactor, number>;
}

/** Weights scaled to sum to 100 (each factor's largest contribution to a score); all zero stays zero. */
export function normaliseWeights(w: Record<AttritionFactor, number>): Record<AttritionFactor, number> {
  const sum = attritionFactors.reduce((s, f) => s + w[f], 0);
  return Object.fromEntries(
    attritionFactors.map((f) => [f, sum > 0 ? Math.round((10_000 * w[f]) / sum) / 100 : 0]),
  ) as Record<AttritionFactor, number>;
}

/** The organisation's people settings over the defaults (reads never write: defaults are not stored). */
export const loadPeopleSettings = async (db: Db, orgId: string) =>
  mergeSettings(await peopleSettingsRepository.find(db, orgId));
export const loadAttritionWeights = async (db: Db, orgId: string) =>
  mergeWeights(await peopleSettingsRepository.find(db, orgId));

const weightsOut = (row: Stored): AttritionWeights => {
  const weights = mergeWeights(row);
  return {
    weights,
    normalised: normaliseWeights(weights),
    defaults: defaultAttritionWeights,
    version: row?.version ?? 1,
  };
};

export function peopleSettingsService(deps: Deps) {
  const { db } = deps;

  return {
    get: (ctx: RequestContext): Promise<PeopleSettingsOut> => loadPeopleSettings(db, ctx.actor.orgId),

    async update(ctx: RequestContext, version: number, input: UpdatePeopleSettings): Promise<PeopleSettingsOut> {
      return db.transaction().execute(async (trx) => {
        const before = await peopleSettingsRepository.find(trx, ctx.actor.orgId);
        const { version: _v, ...values } = input;
        const next = { ...mergeSettings(before), ...values };
        if (next.riskWindowToMonths <= next.riskWindowFromMonths) {
          throw validation('The risky tenure window must end after it starts', [
            { path: ['body', 'riskWindowToMonths'], message: 'Must be above riskWindowFromMonths', code: 'too_small' },
          ]);
        }
        const { version: _old, ...settings } = next;
        const row = await peopleSettingsRepository.save(trx, ctx.actor.orgId, version, { settings });
        if (!row) {
          throw versionConflict(mergeSettings(before));
        }
        await recordAudit(trx, ctx, {
          action: 'people_settings_update',
          entityType: 'people_settings',
          entityId: null,
          after: values,
        });
        return mergeSettings(row);
      });
    },

    async weights(ctx: RequestContext): Promise<AttritionWeights> {
      return weightsOut(await peopleSettingsRepository.find(db, ctx.actor.orgId));
    },

    async putWeights(ctx: RequestContext, version: number, input: UpdateAttritionWeights): Promise<AttritionWeights> {
      const current = await loadAttritionWeights(db, ctx.actor.orgId);
      const weights = { ...current, ...input.weights };
      if (attritionFactors.every((f) => weights[f] === 0)) {
        throw validation('At least one weight must be above zero', [
          { path: ['body', 'weights'], message: 'All weights are zero', code: 'too_small' },
        ]);
      }
      const row = await db.transaction().execute(async (trx) => {
        const saved = await peopleSettingsRepository.save(trx, ctx.actor.orgId, version, { weights });
        if (!saved) {
          throw versionConflict(weightsOut(await peopleSettingsRepository.find(trx, ctx.actor.orgId)));
        }
        await recordAudit(trx, ctx, {
          action: 'attrition_weights_update',
          entityType: 'people_settings',
          entityId: null,
          before: current,
          after: weights,
        });
        return saved;
      });
      return weightsOut(row);
    },

    async payBands(ctx: RequestContext): Promise<{ items: PayBand[] }> {
      const rows = await peopleSettingsRepository.payBands(db, ctx.actor.orgId);
      return { items: rows.map((r) => ({ grade: r.grade, min: r.min_pay, mid: r.mid_pay, max: r.max_pay })) };
    },

    async putPayBands(ctx: RequestContext, input: PutPayBands): Promise<{ items: PayBand[] }> {
      const seen = new Set<string>();
      for (const [i, b] of input.bands.entries()) {
        const bad = (field: string, message: string, code: string) =>
          validation(message, [{ path: ['body', 'bands', i, field], message, code }]);
        if (seen.has(b.grade)) {
          throw bad('grade', `Grade ${b.grade} is listed twice`, 'duplicate');
        }
        seen.add(b.grade);
        if (Number(b.mid) <= 0) {
          throw bad('mid', 'The midpoint must be above zero', 'too_small');
        }
        if (Number(b.min) > Number(b.mid) || Number(b.mid) > Number(b.max)) {
          throw bad('mid', 'A band needs min ≤ mid ≤ max', 'band_order');
        }
      }
      await db.transaction().execute(async (trx) => {
        await peopleSettingsRepository.replacePayBands(trx, ctx.actor.orgId, input.bands);
        await recordAudit(trx, ctx, {
          action: 'pay_bands_update',
          entityType: 'pay_band',
          entityId: null,
          after: { grades: input.bands.map((b) => b.grade) },
        });
      });
      return this.payBands(ctx);
    },
  };
}
