import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import { kotlerLevels, quadrants } from '@tandem/server/api';
import type { Quadrant } from '../../../api/types.ts';
import { formatNumber } from '../../../i18n/format.ts';
import type { LevelMatrix, quadrantMatrix } from './relationshipMap.ts';

const levelColors = ['#bfbfbf', '#faad14', '#13c2c2', '#1668dc', '#52c41a'];
export const quadrantColors: Record<Quadrant, string> = {
  basic: '#bfbfbf',
  proactive: '#1668dc',
  reactive: '#fa8c16',
  partnership: '#52c41a',
};

const barGrid = (language: string) => ({
  grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
  legend: { top: 0 },
  tooltip: {
    trigger: 'axis' as const,
    axisPointer: { type: 'shadow' as const },
    valueFormatter: (v: unknown) => formatNumber(Number(v), language),
  },
  xAxis: { type: 'value' as const, minInterval: 1 },
});

/** Stacked bars of Kotler levels, a current and a target bar per stakeholder group. */
export function levelsOption(levels: LevelMatrix, labels: string[], t: TFunction, language: string): EChartsOption {
  const axis = labels.flatMap((l) => [`${l} · ${t('parties.current')}`, `${l} · ${t('parties.target')}`]);
  return {
    ...barGrid(language),
    yAxis: { type: 'category', data: axis, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: kotlerLevels.map((level, i) => ({
      type: 'bar',
      stack: 'level',
      name: t(`parties.levels.${level}`),
      itemStyle: { color: levelColors[i] },
      barMaxWidth: 18,
      data: labels.flatMap((_l, row) => [levels.current[level][row] ?? 0, levels.target[level][row] ?? 0]),
    })),
  };
}

/** Stacked bars of the relationship quadrants per stakeholder group. */
export function quadrantsOption(
  quads: ReturnType<typeof quadrantMatrix>,
  labels: string[],
  t: TFunction,
  language: string,
): EChartsOption {
  return {
    ...barGrid(language),
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: quadrants.map((q) => ({
      type: 'bar',
      stack: 'q',
      name: t(`parties.quadrants.${q}`),
      itemStyle: { color: quadrantColors[q] },
      barMaxWidth: 22,
      data: quads.byGroup[q],
    })),
  };
}
