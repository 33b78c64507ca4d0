import type { RequestContext } from '../../../platform/auth/actor.ts';
import { encodeCursor } from '../../../platform/db/pagination.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { currencyOutcome, cursorPartyId, resolveWindow } from '../core-window.ts';
import { readSetting, writeSetting } from '../settings.service.ts';
import { requireValueRole } from '../value.access.ts';
import { classesRepository, type ClassGroupRow, type ClassWindow } from './classes.repository.ts';
import {
  costClasses,
  loyaltyClasses,
  type ClassCustomer,
  type ClassCustomersQuery,
  type ClassesQuery,
  type ClassesSummary,
  type ClassSettings,
  type ClassSettingsReply,
  type PutClassSettings,
} from './classes.schema.ts';
import { defaultClassSettings, parseClassSettings } from './defaults.ts';

/** Rows of one kind, every class present (zeros where no customer falls). */
function byClass<C extends string>(rows: ClassGroupRow[], kind: 'loyalty' | 'cost', classes: readonly C[]) {
  const found = new Map(rows.filter((r) => r.kind === kind).map((r) => [r.key, r]));
  return classes.map((c) => {
    const r = found.get(c);
    return {
      class: c,
      customers: r?.customers ?? 0,
      revenue: r?.revenue ?? '0.00',
      costToServe: r?.cost ?? '0.00',
      profit: r?.profit ?? '0.00',
    };
  });
}

/** Value classes: loyalty × profitability and revenue × cost to serve (docs/metrics.md "Value classes"). */
export function classesService(deps: Deps) {
  const db = deps.db;
  const settings = (orgId: string) => readSetting(db, orgId, 'classes', defaultClassSettings, parseClassSettings);

  async function prepare(ctx: RequestContext, q: ClassesQuery) {
    const w = await resolveWindow(db, ctx, q);
    const s = (await settings(ctx.actor.orgId)).value;
    const window: ClassWindow | null = w.future
      ? null
      : { asOf: w.asOf, windowDays: q.windowDays, currency: q.currency ?? null, settings: s };
    return { ...w, window, settings: s };
  }

  return {
    async summary(ctx: RequestContext, q: ClassesQuery): Promise<ClassesSummary> {
      const { scope, asOf, window, settings: s } = await prepare(ctx, q);
      const rows = window ? await classesRepository.summary(db, scope, window) : [];
      const { currency, currencies, excluded } = currencyOutcome(q.currency, rows);
      const total = rows.find((r) => r.kind === 'total');
      const customers = total?.customers ?? 0;
      return {
        asOf,
        windowDays: q.windowDays,
        timeZone: q.timeZone,
        currency,
        customers,
        thresholds: {
          loyalMinPurchaseDays: s.loyalMinPurchaseDays,
          highProfitMin: total?.profit_min ?? s.highProfitMin,
          highRevenueMin: total?.revenue_min ?? s.highRevenueMin,
          highCostMin: total?.cost_min ?? s.highCostMin,
        },
        settings: s,
        loyaltyProfitability: byClass(rows, 'loyalty', loyaltyClasses),
        revenueCost: byClass(rows, 'cost', costClasses),
        excludedTransactions: excluded,
        currencies,
        note: customers === 0 ? 'not_enough_data' : null,
      };
    },

    async customers(ctx: RequestContext, q: ClassCustomersQuery): Promise<Page<ClassCustomer>> {
      const after = cursorPartyId(q.cursor);
      const { scope, window } = await prepare(ctx, q);
      const rows = window
        ? await classesRepository.customers(db, scope, window, {
            ...(q.class ? { cls: q.class } : {}),
            ...(after !== undefined ? { after } : {}),
            limit: q.limit + 1,
          })
        : [];
      const items = rows.slice(0, q.limit).map((r): ClassCustomer => ({
        partyId: r.party_id,
        frequency: r.frequency,
        revenue: r.revenue,
        costToServe: r.cost,
        profit: r.profit,
        loyaltyClass: r.loyalty_class as ClassCustomer['loyaltyClass'],
        costClass: r.cost_class as ClassCustomer['costClass'],
      }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.partyId]) : null };
    },

    async settings(ctx: RequestContext): Promise<ClassSettingsReply> {
      requireValueRole(ctx.actor);
      const s = await settings(ctx.actor.orgId);
      return { settings: s.value, version: s.version, isDefault: s.isDefault, updatedAt: s.updatedAt };
    },

    async putSettings(ctx: RequestContext, input: PutClassSettings): Promise<ClassSettingsReply> {
      const s = await writeSetting<ClassSettings>(db, ctx, 'classes', input.settings, input.version, () =>
        settings(ctx.actor.orgId),
      );
      return { settings: s.value, version: s.version, isDefault: false, updatedAt: s.updatedAt };
    },
  };
}
