import type { RequestContext } from '../../../platform/auth/actor.ts';
import { encodeCursor } from '../../../platform/db/pagination.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { currencyOutcome, cursorPartyId, resolveWindow } from '../core-window.ts';
import { readSetting, resetSetting, writeSetting } from '../settings.service.ts';
import { requireValueRole } from '../value.access.ts';
import { rfmRepository, type RfmWindow } from './rfm.repository.ts';
import type {
  PutRfmRules,
  ResetRfmRules,
  RfmCustomer,
  RfmCustomersQuery,
  RfmQuery,
  RfmRule,
  RfmRules,
  RfmSummary,
} from './rfm.schema.ts';
import { defaultRfmRules, parseRules, UNCLASSIFIED } from './rules.ts';

/** RFM scores, segments and the org's segment rules (docs/metrics.md "RFM"). */
export function rfmService(deps: Deps) {
  const db = deps.db;
  const rules = (orgId: string) => readSetting(db, orgId, 'rfm_rules', defaultRfmRules, parseRules);

  /** The window and scope of a request; `window` is null when it ends in the future. */
  async function prepare(ctx: RequestContext, q: RfmQuery) {
    const w = await resolveWindow(db, ctx, q);
    const stored = (await rules(ctx.actor.orgId)).value;
    const window: RfmWindow | null = w.future
      ? null
      : { asOf: w.asOf, windowDays: q.windowDays, currency: q.currency ?? null, rules: stored };
    return { ...w, window, rules: stored };
  }

  return {
    async summary(ctx: RequestContext, q: RfmQuery): Promise<RfmSummary> {
      const { scope, asOf, window, rules: ruleList } = await prepare(ctx, q);
      const rows = window ? await rfmRepository.summary(db, scope, window) : [];
      const { currency, currencies, excluded } = currencyOutcome(q.currency, rows);
      const found = new Map(rows.filter((r) => r.kind === 'segment').map((r) => [r.key, r]));
      const segments = [...new Set([...ruleList.map((r) => r.segment), UNCLASSIFIED])]
        .map((s) => ({ segment: s, customers: found.get(s)?.customers ?? 0, revenue: found.get(s)?.revenue ?? '0.00' }))
        .filter((s) => s.segment !== UNCLASSIFIED || s.customers > 0);
      const grid = rows
        .filter((r) => r.kind === 'cell')
        .map((r) => ({ r: r.r ?? 0, f: r.f ?? 0, customers: r.customers, revenue: r.revenue }))
        .sort((x, y) => x.r - y.r || x.f - y.f);
      const total = rows.find((r) => r.kind === 'total');
      const customers = total?.customers ?? 0;
      return {
        asOf,
        windowDays: q.windowDays,
        timeZone: q.timeZone,
        currency,
        customers,
        revenue: total?.revenue ?? '0.00',
        excludedTransactions: excluded,
        currencies,
        segments,
        grid,
        note: customers === 0 ? 'not_enough_data' : null,
      };
    },

    async customers(ctx: RequestContext, q: RfmCustomersQuery): Promise<Page<RfmCustomer>> {
      const after = cursorPartyId(q.cursor);
      const { scope, window } = await prepare(ctx, q);
      const rows = window
        ? await rfmRepository.customers(db, scope, window, {
            ...(q.segment ? { segment: q.segment } : {}),
            ...(after !== undefined ? { after } : {}),
            limit: q.limit + 1,
          })
        : [];
      const items = rows.slice(0, q.limit).map((r) => ({
        partyId: r.party_id,
        recencyDays: r.recency_days,
        frequency: r.frequency,
        monetary: r.monetary,
        r: r.r,
        f: r.f,
        m: r.m,
        segment: r.segment,
      }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.partyId]) : null };
    },

    async rules(ctx: RequestContext): Promise<RfmRules> {
      requireValueRole(ctx.actor);
      const s = await rules(ctx.actor.orgId);
      return { rules: s.value, version: s.version, isDefault: s.isDefault, updatedAt: s.updatedAt };
    },

    async putRules(ctx: RequestContext, input: PutRfmRules): Promise<RfmRules> {
      const s = await writeSetting<RfmRule[]>(db, ctx, 'rfm_rules', input.rules, input.version, () =>
        rules(ctx.actor.orgId),
      );
      return { rules: s.value, version: s.version, isDefault: false, updatedAt: s.updatedAt };
    },

    async resetRules(ctx: RequestContext, input: ResetRfmRules): Promise<RfmRules> {
      const s = await resetSetting(db, ctx, 'rfm_rules', defaultRfmRules, input.version, () => rules(ctx.actor.orgId));
      return { rules: s.value, version: s.version, isDefault: true, updatedAt: null };
    },
  };
}
