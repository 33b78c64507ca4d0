import type { CaseMetricsPeriod, CaseMetricsRow, MetricsInterval } from '../../../api/types.ts';
import { formatDuration, type DurationUnits } from './sla.ts';

/** Business minutes as "2 h 15 min" (hours never roll into days: a business day is not 24 h); "—" for none. */
export function formatBusinessMinutes(minutes: number | null | undefined, units: DurationUnits): string {
  return minutes === null || minutes === undefined ? '—' : formatDuration(minutes, units, false);
}

/** A rate the server sends as a percentage (0–100) → "12.5 %" with at most one decimal; "—" for none. */
export function formatRate(rate: number | null | undefined, locale: string): string {
  if (rate === null || rate === undefined) {
    return '—';
  }
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate / 100);
}

/** Mean CSAT "4.3" (1–5, one decimal); "—" for none. */
export function formatScore(score: number | null | undefined, locale: string): string {
  return score === null || score === undefined
    ? '—'
    : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(score);
}

/** The label of a metrics group: translated codes for type / root cause, names for people and units. */
export function groupLabel(
  row: Pick<CaseMetricsRow, 'key' | 'name'>,
  groupBy: string,
  t: (key: string) => string,
): string {
  if (row.key === null) {
    return t(groupBy === 'rootCause' ? 'service.metrics.noRootCause' : 'service.metrics.none');
  }
  if (groupBy === 'rootCause') {
    return t(`service.rootCauses.${row.key}`);
  }
  if (groupBy === 'type') {
    return t(`service.types.${row.key}`);
  }
  return row.name ?? row.key;
}

/** Bar chart data of one measure per group, largest first (the unassigned/none group last). */
export function barSeries(
  rows: CaseMetricsRow[],
  measure: keyof Pick<CaseMetricsRow, 'count' | 'resolved' | 'breachRate' | 'csatMean'>,
  label: (row: CaseMetricsRow) => string,
) {
  const sorted = [...rows].sort((a, b) =>
    a.key === null ? 1 : b.key === null ? -1 : (b[measure] ?? 0) - (a[measure] ?? 0),
  );
  return { categories: sorted.map(label), values: sorted.map((r) => r[measure] ?? 0) };
}

/** A sensible period for a range of `days`: days up to two months, weeks up to a year, else months. */
export function defaultInterval(days: number): MetricsInterval {
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** "3 Mar" for a day or the week starting then, "Mar 2024" for a month (the period is a local YYYY-MM-DD). */
export function periodLabel(period: string, interval: MetricsInterval, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    interval === 'month' ? { year: 'numeric', month: 'short' } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${period}T00:00:00Z`));
}

/** Chart data of the series: counts per period, and rates/means with gaps (null) where a period has none. */
export function trendSeries(
  series: Pick<CaseMetricsPeriod, 'period' | 'count' | 'breachRate' | 'csatMean'>[],
  interval: MetricsInterval,
  locale: string,
) {
  return {
    categories: series.map((p) => periodLabel(p.period, interval, locale)),
    counts: series.map((p) => p.count),
    breachRates: series.map((p) => p.breachRate),
    csatMeans: series.map((p) => p.csatMean),
  };
}
