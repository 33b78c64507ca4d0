// The commercial-content gauge (docs/metrics.md "Commercial-content ratio"): the share of commercial messages in
// the last 30 days and after this send, against the organisation's cap. Pure: unit-tested.
import type { EChartsOption } from 'echarts';

export interface RatioFigures {
  ratio: number;
  ratioAfter: number | null;
  cap: number;
}

/** The gauge's top: room for twice the cap (the seed's "at most 10 %, best 3–5 %" reads well there), 1 at most. */
export function gaugeMax(r: RatioFigures): number {
  const top = Math.max(r.cap * 2, r.ratio, r.ratioAfter ?? 0, 0.05);
  return Math.min(1, Math.ceil(top * 20) / 20);
}

/** A share as a percentage with one decimal at most (0.125 → 12.5%). */
export const pct = (v: number): string => `${Math.round(v * 1000) / 10}%`;

/** Two needles (now, after this send) on a dial green up to the cap and red above it. */
export function ratioGaugeOption(r: RatioFigures, labels: { now: string; after: string }): EChartsOption {
  const max = gaugeMax(r);
  const capAt = max > 0 ? Math.min(1, r.cap / max) : 1;
  const data = [
    {
      value: r.ratio,
      name: labels.now,
      title: { offsetCenter: ['-30%', '75%'] },
      detail: { offsetCenter: ['-30%', '95%'] },
    },
  ];
  if (r.ratioAfter !== null) {
    data.push({
      value: r.ratioAfter,
      name: labels.after,
      title: { offsetCenter: ['30%', '75%'] },
      detail: { offsetCenter: ['30%', '95%'] },
    });
  }
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        startAngle: 200,
        endAngle: -20,
        radius: '90%',
        center: ['50%', '58%'],
        axisLine: {
          lineStyle: {
            width: 14,
            color: [
              [capAt, '#52c41a'],
              [1, '#ff4d4f'],
            ],
          },
        },
        pointer: { width: 5 },
        axisTick: { show: false },
        splitLine: { length: 10 },
        splitNumber: 4,
        axisLabel: { distance: 18, formatter: (v: number) => pct(v) },
        title: { fontSize: 12 },
        detail: { fontSize: 14, formatter: (v: number) => pct(v) },
        data,
      },
    ],
  };
}

/** Whether the send would be refused without an admin's override. */
export const overCap = (r: RatioFigures & { allowed: boolean }): boolean => !r.allowed;
