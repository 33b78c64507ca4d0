import type { HrEvaluation } from './hrcrm.schema.ts';

/** One SQL cell: a dimension's mean expected and perceived answers, overall (period null) or for one period. */
export interface Cell {
  period: string | null;
  dimension: string;
  expected: number | null;
  perceived: number | null;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** Means rounded to 2 places; gap = perceived − expected from the unrounded means (docs/metrics.md "HR group evaluation"). */
export function gapNumbers(expected: number | null, perceived: number | null) {
  return {
    expected: expected === null ? null : r2(expected),
    perceived: perceived === null ? null : r2(perceived),
    gap: expected === null || perceived === null ? null : r2(perceived - expected),
  };
}

/** Dimensions in the order SQL gave them, each with its overall numbers and its trend, oldest period first. */
export function buildDimensions(cells: Cell[], label: (key: string) => string): HrEvaluation['dimensions'] {
  const keys = [...new Set(cells.map((c) => c.dimension))];
  return keys.map((key) => {
    const mine = cells.filter((c) => c.dimension === key);
    const overall = mine.find((c) => c.period === null);
    return {
      key,
      label: label(key),
      ...gapNumbers(overall?.expected ?? null, overall?.perceived ?? null),
      trend: mine
        .filter((c): c is Cell & { period: string } => c.period !== null)
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((c) => ({ period: c.period, ...gapNumbers(c.expected, c.perceived) })),
    };
  });
}

/** The default window: the two years up to today (UTC). */
export function evaluationWindow(from: string | undefined, to: string | undefined, today: Date) {
  const end = to ?? today.toISOString().slice(0, 10);
  if (from) {
    return { from, to: end };
  }
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 2);
  return { from: d.toISOString().slice(0, 10), to: end };
}
