import { describe, expect, it } from 'vitest';
import { breakdownRows, hiddenCount, skippedCount } from './breakdown.ts';
import { gaugeMax, overCap, ratioGaugeOption } from './gauge.ts';

const counts = {
  audience: 8,
  visible: 6,
  reachable: 2,
  skipped: { noAddress: 1, suppressed: 1, unsubscribed: 0, withdrawn: 1, noConsent: 1 },
  note: null,
};

describe('breakdownRows', () => {
  it('gives each outcome its share of the visible audience', () => {
    const rows = breakdownRows(counts);
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      ['reachable', 2],
      ['noAddress', 1],
      ['suppressed', 1],
      ['unsubscribed', 0],
      ['withdrawn', 1],
      ['noConsent', 1],
    ]);
    expect(rows[0]?.share).toBeCloseTo(2 / 6, 10);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 10);
    expect(hiddenCount(counts)).toBe(2);
    expect(skippedCount(counts)).toBe(4);
  });
  it('is zeros, not NaN, for an empty audience', () => {
    const empty = {
      ...counts,
      audience: 0,
      visible: 0,
      reachable: 0,
      skipped: { ...counts.skipped, noAddress: 0, suppressed: 0, withdrawn: 0, noConsent: 0 },
    };
    expect(breakdownRows(empty).every((r) => r.share === 0)).toBe(true);
    expect(hiddenCount(empty)).toBe(0);
  });
});

describe('ratio gauge', () => {
  it('tops at twice the cap, rounded up to 5 %, and at most 100 %', () => {
    expect(gaugeMax({ ratio: 0.02, ratioAfter: 0.04, cap: 0.1 })).toBeCloseTo(0.2, 10);
    expect(gaugeMax({ ratio: 0.02, ratioAfter: 0.33, cap: 0.1 })).toBeCloseTo(0.35, 10);
    expect(gaugeMax({ ratio: 0, ratioAfter: null, cap: 0.8 })).toBe(1);
  });
  it('colours green up to the cap, has a needle per figure', () => {
    const option = ratioGaugeOption({ ratio: 0.05, ratioAfter: 0.15, cap: 0.1 }, { now: 'Now', after: 'After' });
    const series = (
      option.series as {
        axisLine: { lineStyle: { color: [number, string][] } };
        data: { value: number; name: string }[];
      }[]
    )[0];
    expect(series?.axisLine.lineStyle.color[0]).toEqual([0.5, '#52c41a']);
    expect(series?.data.map((d) => [d.name, d.value])).toEqual([
      ['Now', 0.05],
      ['After', 0.15],
    ]);
    const single = ratioGaugeOption({ ratio: 0, ratioAfter: null, cap: 0.1 }, { now: 'Now', after: 'After' });
    expect((single.series as { data: unknown[] }[])[0]?.data).toHaveLength(1);
  });
  it('tells a refused send', () => {
    expect(overCap({ ratio: 0.1, ratioAfter: 0.1, cap: 0.1, allowed: true })).toBe(false);
    expect(overCap({ ratio: 0.1, ratioAfter: 0.18, cap: 0.1, allowed: false })).toBe(true);
  });
});
