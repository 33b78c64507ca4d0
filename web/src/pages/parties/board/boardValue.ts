import type { BoardValue } from '../../value/shared/types.ts';

/** Most cards whose value one board query asks for (the server takes up to 500). */
export const MAX_VALUE_CARDS = 500;

/** Ids of the cards on screen, column by column, at most MAX_VALUE_CARDS, in a stable order (one query key). */
export function cardIds(byStage: Record<string, readonly string[]>): string[] {
  return Object.keys(byStage)
    .sort()
    .flatMap((s) => byStage[s] ?? [])
    .slice(0, MAX_VALUE_CARDS);
}

export interface CardValue {
  revenue: number;
  clv: number | null;
}

/** The board answer as lookups: per stage its totals, per party its card value (money as numbers for display). */
export function valueLookups(v: BoardValue | undefined) {
  const columns = new Map(
    (v?.columns ?? []).map((c) => [
      c.stage,
      { count: c.count, revenue: Number(c.revenue), clv: c.clv === null ? null : Number(c.clv) },
    ]),
  );
  const cards = new Map<string, CardValue>(
    (v?.cards ?? []).map((c) => [
      c.partyId,
      { revenue: Number(c.revenue), clv: c.clv === null ? null : Number(c.clv) },
    ]),
  );
  return { columns, cards, currency: v?.currency ?? 'CNY' };
}
export type BoardLookups = ReturnType<typeof valueLookups>;
