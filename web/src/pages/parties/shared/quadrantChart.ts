// The HR quadrant chart (docs/domain.md "Relationship level"): x = our initiative, y = their participation in decisions, both 1–5; a score of
// HIGH_SCORE or more is high. Each group or party is a point at its scores with an arrow to its target quadrant.
import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import { HIGH_SCORE, quadrantOf, quadrants } from '@tandem/server/api';
import type { Quadrant } from '../../../api/types.ts';

export const AXIS_MIN = 0.5;
export const AXIS_MAX = 5.5;
/** Where low turns high on both axes (between 2 and 3 with HIGH_SCORE = 3). */
export const SPLIT = HIGH_SCORE - 0.5;

export const quadrantColors: Record<Quadrant, string> = {
  basic: '#8c8c8c',
  proactive: '#1668dc',
  reactive: '#fa8c16',
  partnership: '#52c41a',
};

type Point = [number, number];

/** The middle of a quadrant's area on the chart. */
export function quadrantCentre(q: Quadrant): Point {
  const low = (AXIS_MIN + SPLIT) / 2;
  const high = (SPLIT + AXIS_MAX) / 2;
  const highInitiative = q === 'proactive' || q === 'partnership';
  const highParticipation = q === 'reactive' || q === 'partnership';
  return [highInitiative ? high : low, highParticipation ? high : low];
}

/** The rectangle of a quadrant: [[x0, y0], [x1, y1]]. */
export function quadrantArea(q: Quadrant): [Point, Point] {
  const [x, y] = quadrantCentre(q);
  const xs: Point = x > SPLIT ? [SPLIT, AXIS_MAX] : [AXIS_MIN, SPLIT];
  const ys: Point = y > SPLIT ? [SPLIT, AXIS_MAX] : [AXIS_MIN, SPLIT];
  return [
    [xs[0], ys[0]],
    [xs[1], ys[1]],
  ];
}

export interface QuadrantItem {
  id: string;
  name: string;
  initiativeScore: number | null;
  participationScore: number | null;
  targetQuadrant: Quadrant | null;
}

export interface Arrow {
  id: string;
  name: string;
  current: Quadrant | null;
  target: Quadrant | null;
  /** The scores (nudged apart from other items at the same spot); null while unscored. */
  from: Point | null;
  /** The target quadrant's centre (nudged the same way); null without a target or when already there. */
  to: Point | null;
}

/** A small offset so that items with the same scores (scores are whole numbers) do not hide each other. */
export function nudge(index: number, count: number, radius = 0.22): Point {
  if (count <= 1) {
    return [0, 0];
  }
  const angle = (2 * Math.PI * index) / count;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return [round(radius * Math.cos(angle)), round(radius * Math.sin(angle))];
}

/** Current point and target arrow head of every item; items at the same spot are spread around it. */
export function arrowsOf(items: readonly QuadrantItem[]): Arrow[] {
  const spots = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = `${item.initiativeScore ?? '-'}:${item.participationScore ?? '-'}:${item.targetQuadrant ?? '-'}`;
    spots.set(key, [...(spots.get(key) ?? []), i]);
  });
  return items.map((item, i) => {
    const key = `${item.initiativeScore ?? '-'}:${item.participationScore ?? '-'}:${item.targetQuadrant ?? '-'}`;
    const same = spots.get(key) ?? [i];
    const [dx, dy] = nudge(same.indexOf(i), same.length);
    const current = quadrantOf(item.initiativeScore, item.participationScore);
    const from: Point | null =
      item.initiativeScore !== null && item.participationScore !== null
        ? [item.initiativeScore + dx, item.participationScore + dy]
        : null;
    let to: Point | null = null;
    if (item.targetQuadrant && item.targetQuadrant !== current) {
      const [cx, cy] = quadrantCentre(item.targetQuadrant);
      to = [cx + dx, cy + dy];
    }
    return { id: item.id, name: item.name, current, target: item.targetQuadrant, from, to };
  });
}

/**
 * The quadrant chart: the four areas labelled by their HR-department meaning, a dot per scored item coloured by
 * its quadrant, a hollow marker at each target, and an arrow from current to target.
 */
export function quadrantChartOption(
  items: readonly QuadrantItem[],
  t: TFunction,
  { meanings = true }: { meanings?: boolean } = {},
): EChartsOption {
  const arrows = arrowsOf(items);
  const axis = (name: string) => ({
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 28,
    min: AXIS_MIN,
    max: AXIS_MAX,
    interval: 1,
    splitLine: { show: false },
    axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') },
  });
  const splitStyle = { color: '#bfbfbf', type: 'dashed' as const };
  return {
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    tooltip: { trigger: 'item' },
    xAxis: axis(t('parties.initiative')),
    yAxis: axis(t('parties.participation')),
    series: [
      {
        type: 'scatter',
        name: t('parties.current'),
        symbolSize: 14,
        data: arrows
          .filter((a) => a.from)
          .map((a) => ({
            name: a.name,
            value: a.from as Point,
            itemStyle: { color: a.current ? quadrantColors[a.current] : '#8c8c8c' },
          })),
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 11 },
        tooltip: {
          formatter: (p: unknown) => {
            const { name, value } = p as { name: string; value: Point };
            return `${name}: ${t('parties.initiative')} ${Math.round(value[0])} · ${t('parties.participation')} ${Math.round(value[1])}`;
          },
        },
        markArea: {
          silent: true,
          data: quadrants.map((q) => {
            const [a, b] = quadrantArea(q);
            return [
              {
                name: meanings
                  ? `${t(`parties.quadrants.${q}`)}\n${t(`parties.quadrantMeaning.${q}`)}`
                  : t(`parties.quadrants.${q}`),
                coord: a,
                itemStyle: { color: `${quadrantColors[q]}14` },
                // The meaning wraps inside its area instead of running into the next one.
                label: {
                  color: quadrantColors[q],
                  fontSize: 11,
                  lineHeight: 14,
                  position: 'insideTop' as const,
                  width: meanings ? 170 : undefined,
                  overflow: 'break' as const,
                },
              },
              { coord: b },
            ];
          }),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: splitStyle,
          label: { show: false },
          data: [{ xAxis: SPLIT }, { yAxis: SPLIT }],
        },
      },
      {
        type: 'scatter',
        name: t('parties.target'),
        symbol: 'emptyCircle',
        symbolSize: 12,
        data: arrows
          .filter((a) => a.to)
          .map((a) => ({
            name: `${a.name} → ${t(`parties.quadrants.${a.target ?? 'basic'}`)}`,
            value: a.to as Point,
            itemStyle: { color: a.target ? quadrantColors[a.target] : '#8c8c8c' },
          })),
        tooltip: { formatter: '{b}' },
        markLine: {
          silent: true,
          symbol: ['none', 'arrow'],
          symbolSize: 10,
          label: { show: false },
          lineStyle: { type: 'solid', width: 1.5, color: '#595959' },
          data: arrows.filter((a) => a.from && a.to).map((a) => [{ coord: a.from as Point }, { coord: a.to as Point }]),
        },
      },
    ],
  };
}

/** What a screen reader hears for the chart: "Line managers: reactive → partnership; …". */
export function quadrantChartAria(items: readonly QuadrantItem[], t: TFunction): string {
  const name = (q: Quadrant | null) => (q ? t(`parties.quadrants.${q}`) : t('parties.unscored'));
  return arrowsOf(items)
    .map((a) => (a.target ? `${a.name}: ${name(a.current)} → ${name(a.target)}` : `${a.name}: ${name(a.current)}`))
    .join('; ');
}
