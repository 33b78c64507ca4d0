import { describe, expect, it } from 'vitest';
import type { TurnoverLine } from './types.ts';
import { exitReasonsOption, factorBars, pdcaMoves, pdcaColumns, turnoverOption, unitTurnoverOption } from './charts.ts';

const line = (key: string, voluntary: number, involuntary: number, rate: number): TurnoverLine => ({
  key,
  separations: voluntary + involuntary,
  voluntary,
  involuntary,
  headcountStart: 10,
  headcountEnd: 10,
  averageHeadcount: 10,
  rate,
  firstYearSeparations: 0,
  firstYearRate: rate / 2,
});
const labels = { voluntary: 'V', involuntary: 'I', rate: 'R', firstYear: 'F', count: 'n', percent: '%' };

describe('people charts', () => {
  it('stacks voluntary and involuntary separations per month, rates on the second axis', () => {
    const o = turnoverOption([line('2026-01', 1, 0, 10), line('2026-02', 0, 2, 20)], labels);
    const series = o.series as { name: string; data: number[]; yAxisIndex?: number; stack?: string }[];
    expect((o.xAxis as { data: string[] }).data).toEqual(['2026-01', '2026-02']);
    expect(series.map((s) => s.name)).toEqual(['V', 'I', 'R', 'F']);
    expect(series[0]).toMatchObject({ data: [1, 0], stack: 'separations' });
    expect(series[1]?.data).toEqual([0, 2]);
    expect(series[2]).toMatchObject({ data: [10, 20], yAxisIndex: 1 });
    expect(series[3]?.data).toEqual([5, 10]);
  });

  it('sorts units and exit reasons so the largest bar is on top', () => {
    const o = unitTurnoverOption([line('a', 1, 0, 30), line('b', 0, 0, 0)], (k) => `unit ${k}`, { rate: 'R' });
    expect((o.yAxis as { data: string[] }).data).toEqual(['unit b', 'unit a']);
    const e = exitReasonsOption(
      {
        interviews: 3,
        reasons: [
          { reason: 'promotion', count: 3, share: 1 },
          { reason: 'other', count: 1, share: 0.33 },
        ],
        wouldRejoin: 1,
        rehireEligible: 2,
      },
      (r) => r.toUpperCase(),
    );
    expect((e.yAxis as { data: string[] }).data).toEqual(['OTHER', 'PROMOTION']);
  });

  it('draws factor bars against their weights, largest first, zeros left out', () => {
    const bars = factorBars(
      [
        { key: 'compa_ratio', contribution: 7.5, detail: '' },
        { key: 'grievances', contribution: 0, detail: '' },
        { key: 'contract_ending', contribution: 15, detail: '' },
      ],
      { compa_ratio: 15, contract_ending: 15 },
    );
    expect(bars.map((b) => [b.key, b.percent])).toEqual([
      ['contract_ending', 100],
      ['compa_ratio', 50],
    ]);
  });

  it('groups PDCA cycles by status and moves them round the loop', () => {
    const c = (id: string, status: 'plan' | 'do', endsOn: string) =>
      ({ id, status, endsOn }) as Parameters<typeof pdcaColumns>[0][number];
    const cols = pdcaColumns([c('1', 'do', '2026-05-01'), c('2', 'do', '2026-03-01'), c('3', 'plan', '2026-01-01')]);
    expect(cols.map((x) => x.status)).toEqual(['plan', 'do', 'check', 'act', 'closed']);
    expect(cols[1]?.cycles.map((x) => x.id)).toEqual(['2', '1']);
    expect(pdcaMoves('plan')).toEqual(['do']);
    expect(pdcaMoves('act')).toEqual(['plan', 'closed']);
    expect(pdcaMoves('closed')).toEqual([]);
  });
});
