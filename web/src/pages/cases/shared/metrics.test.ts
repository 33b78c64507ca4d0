import { describe, expect, it } from 'vitest';
import type { CaseMetricsRow } from '../../../api/types.ts';
import {
  barSeries,
  defaultInterval,
  formatBusinessMinutes,
  formatRate,
  formatScore,
  groupLabel,
  periodLabel,
  trendSeries,
} from './metrics.ts';

const units = { d: (n: number) => `${n}d`, h: (n: number) => `${n} h`, m: (n: number) => `${n} min` };
const row = (key: string | null, count: number, name: string | null = null): CaseMetricsRow => ({
  key,
  name,
  count,
  resolved: 0,
  firstResponseMean: null,
  firstResponseP90: null,
  resolutionMean: null,
  resolutionP90: null,
  breachRate: null,
  reopenRate: null,
  csatMean: null,
  csatCount: 0,
});

describe('metrics formatting', () => {
  it('shows business minutes as hours and minutes, never days', () => {
    expect(formatBusinessMinutes(135.4, units)).toBe('2 h 15 min');
    expect(formatBusinessMinutes(12.6, units)).toBe('13 min');
    expect(formatBusinessMinutes(2000, units)).toBe('33 h 20 min');
    expect(formatBusinessMinutes(null, units)).toBe('—');
  });
  it('shows rates sent as percentages and scores with one decimal', () => {
    expect(formatRate(12.345, 'en')).toBe('12.3%');
    expect(formatRate(0, 'en')).toBe('0%');
    expect(formatRate(null, 'en')).toBe('—');
    expect(formatScore(4.25, 'en')).toBe('4.3');
    expect(formatScore(null, 'en')).toBe('—');
  });
  it('labels groups by translated code or by name', () => {
    const t = (k: string) => `[${k}]`;
    expect(groupLabel(row('company_error', 1), 'rootCause', t)).toBe('[service.rootCauses.company_error]');
    expect(groupLabel(row(null, 1), 'rootCause', t)).toBe('[service.metrics.noRootCause]');
    expect(groupLabel(row('complaint', 1), 'type', t)).toBe('[service.types.complaint]');
    expect(groupLabel(row('u1', 1, 'Li Na'), 'assignee', t)).toBe('Li Na');
  });
  it('orders bars largest first with the none group last', () => {
    const s = barSeries([row(null, 9), row('a', 1), row('b', 5)], 'count', (r) => r.key ?? '-');
    expect(s).toEqual({ categories: ['b', 'a', '-'], values: [5, 1, 9] });
  });
  it('picks days up to two months, weeks up to a year, then months', () => {
    expect(defaultInterval(30)).toBe('day');
    expect(defaultInterval(62)).toBe('day');
    expect(defaultInterval(90)).toBe('week');
    expect(defaultInterval(400)).toBe('month');
  });
  it('labels periods by their local first day, whatever the browser zone', () => {
    expect(periodLabel('2024-03-01', 'day', 'en')).toBe('Mar 1');
    expect(periodLabel('2024-02-26', 'week', 'en')).toBe('Feb 26');
    expect(periodLabel('2024-03-01', 'month', 'en')).toBe('Mar 2024');
    expect(periodLabel('2024-03-01', 'month', 'zh-CN')).toBe('2024年3月');
  });
  it('keeps empty periods as zero bars and gaps in the rates', () => {
    const s = trendSeries(
      [
        { period: '2024-03-01', count: 2, breachRate: 0, csatMean: 3 },
        { period: '2024-03-02', count: 0, breachRate: null, csatMean: null },
      ],
      'day',
      'en',
    );
    expect(s).toEqual({ categories: ['Mar 1', 'Mar 2'], counts: [2, 0], breachRates: [0, null], csatMeans: [3, null] });
  });
});
