import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { versionConflict } from '../../../platform/errors.ts';
import { canSeeFull, customerVisibility } from '../../parties/index.ts';
import { careOccasionKeys, type CareOccasionKey } from '../constants.ts';
import { occasionDate, occasionRules } from './calendar.ts';
import type {
  CareOccasions,
  CareSuggestion,
  CareSuggestions,
  OccasionCategories,
  SetOccasionCategories,
} from './occasions.schema.ts';
import {
  occasionCategoriesRepository,
  occasionSuggestions,
  SUGGESTION_DAYS_AFTER,
  SUGGESTION_DAYS_BEFORE,
  SUGGESTION_YEARS,
  type SuggestionRow,
} from './suggestions.repository.ts';

const thisYear = () => new Date().getUTCFullYear();

function reasonText(r: SuggestionRow, zh: boolean): string {
  const parts: string[] = [];
  if (r.years?.length) {
    parts.push(zh ? `往年同期购买过（${r.years.join('、')}）` : `bought around this occasion in ${r.years.join(', ')}`);
  }
  if (r.categories?.length) {
    parts.push(zh ? `购买过相关品类：${r.categories.join('、')}` : `bought ${r.categories.join(', ')}`);
  }
  return parts.join(zh ? '；' : '; ');
}

const toSuggestion = (r: SuggestionRow, zh: boolean): CareSuggestion => ({
  partyId: r.party_id,
  displayName: r.display_name,
  ownerId: r.owner_id,
  score: r.score,
  lastPurchaseOn: r.last_purchase_on,
  reasons: [
    ...(r.years?.length ? [{ code: 'bought_around_occasion' as const, years: r.years, purchases: r.purchases }] : []),
    ...(r.categories?.length ? [{ code: 'category' as const, categories: r.categories }] : []),
  ],
  reason: reasonText(r, zh),
});

/** The occasion calendar, its category rules and purchase suggestions (docs/care.md "Occasions"). */
export function careOccasionsService(deps: Deps) {
  const { db } = deps;

  async function categoriesOf(orgId: string): Promise<Map<string, { categories: string[]; version: number }>> {
    const rows = await occasionCategoriesRepository.all(db, orgId);
    return new Map(rows.map((r) => [r.occasion, { categories: r.categories, version: r.version }]));
  }

  return {
    async calendar(ctx: RequestContext, year = thisYear()): Promise<CareOccasions> {
      const cats = await categoriesOf(ctx.actor.orgId);
      const items = careOccasionKeys.map((key) => {
        const { zh, en, rule } = occasionRules[key];
        return {
          key,
          nameZh: zh,
          nameEn: en,
          date: occasionDate(key, year),
          lunar: rule.type === 'lunar' || rule.type === 'term',
          perParty: rule.type === 'perParty',
          categories: cats.get(key)?.categories ?? [],
          categoriesVersion: cats.get(key)?.version ?? null,
        };
      });
      items.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
      return { year, items };
    },

    async suggestions(ctx: RequestContext, key: CareOccasionKey, q: { year?: number | undefined; limit: number }) {
      const year = q.year ?? thisYear();
      const orgId = ctx.actor.orgId;
      const categories = (await categoriesOf(orgId)).get(key)?.categories ?? [];
      const earlier = Array.from({ length: SUGGESTION_YEARS }, (_, i) => year - SUGGESTION_YEARS + i).map((y) => ({
        year: y,
        date: occasionDate(key, y) ?? '',
      }));
      const visibility = await customerVisibility(db, orgId);
      const rows = await occasionSuggestions(db, orgId, {
        year,
        earlier: key === 'birthday' ? 'birthday' : earlier,
        categories,
        visible: canSeeFull(ctx.actor, visibility, 'read'),
        limit: q.limit,
      });
      const zh = ctx.actor.locale === 'zh-CN';
      const out: CareSuggestions = {
        key,
        year,
        date: occasionDate(key, year),
        window: { daysBefore: SUGGESTION_DAYS_BEFORE, daysAfter: SUGGESTION_DAYS_AFTER, years: SUGGESTION_YEARS },
        categories,
        items: rows.map((r) => toSuggestion(r, zh)),
        note: rows.length
          ? null
          : `Not enough data: none of the customers you see bought around this occasion in ${year - SUGGESTION_YEARS}–${year - 1}${categories.length ? ' or in its categories' : ', and no categories are set for it'}`,
      };
      return out;
    },

    async setCategories(ctx: RequestContext, key: CareOccasionKey, input: SetOccasionCategories) {
      const orgId = ctx.actor.orgId;
      const categories = [...new Set(input.categories)];
      return db.transaction().execute(async (trx): Promise<OccasionCategories> => {
        const before = await occasionCategoriesRepository.find(trx, orgId, key);
        const row = await occasionCategoriesRepository.set(
          trx,
          orgId,
          key,
          categories,
          ctx.actor.userId,
          input.version,
        );
        if (!row) {
          throw versionConflict({ key, categories: before?.categories ?? [], version: before?.version ?? null });
        }
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'care_occasion_category',
          entityId: null,
          before: { occasion: key, categories: before?.categories ?? [] },
          after: { occasion: key, categories },
        });
        return { key, categories: row.categories, version: row.version, updatedAt: row.updated_at.toISOString() };
      });
    },
  };
}
