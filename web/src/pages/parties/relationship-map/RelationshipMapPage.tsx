import { useMemo } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { kotlerLevels, quadrants } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { Quadrant, RelationshipMap } from '../../../api/types.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { relationshipMapKey, useStakeholderGroups } from '../shared/api.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { groupRows, levelMatrix, quadrantMatrix } from './relationshipMap.ts';

const levelColors = ['#bfbfbf', '#faad14', '#13c2c2', '#1668dc', '#52c41a'];
const quadrantColors: Record<Quadrant, string> = {
  basic: '#bfbfbf',
  proactive: '#1668dc',
  reactive: '#fa8c16',
  partnership: '#52c41a',
};

/** The 2×2 of seed 000: our initiative across, their participation up. */
function QuadrantGrid({ totals }: { totals: Record<Quadrant, number> }) {
  const { t, i18n } = useTranslation();
  const cell = (q: Quadrant) => (
    <div
      key={q}
      style={{
        background: `${quadrantColors[q]}22`,
        border: `1px solid ${quadrantColors[q]}`,
        borderRadius: 6,
        padding: 12,
        textAlign: 'center',
      }}
      data-testid={`quadrant-${q}`}
    >
      <Typography.Title level={3} style={{ margin: 0 }}>
        {formatNumber(totals[q], i18n.language)}
      </Typography.Title>
      <Typography.Text>{t(`parties.quadrants.${q}`)}</Typography.Text>
    </div>
  );
  return (
    <div>
      <Typography.Text type="secondary">↑ {t('parties.participation')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, margin: '4px 0' }}>
        {cell('reactive')}
        {cell('partnership')}
        {cell('basic')}
        {cell('proactive')}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'right' }}>
        {t('parties.initiative')} →
      </Typography.Text>
    </div>
  );
}

/** `/parties/relationship-map`: stakeholder groups × current and target Kotler level, and the HR quadrants (counted by the server). */
export default function RelationshipMapPage() {
  const { t, i18n } = useTranslation();
  const groups = useStakeholderGroups();
  const map = useQuery({
    queryKey: relationshipMapKey,
    queryFn: ({ signal }) => api<RelationshipMap>('/api/stakeholder-groups/relationship-map', { signal }),
  });
  const groupKeys = useMemo(() => groups.groups.map((g) => g.key), [groups.groups]);
  const rows = useMemo(() => (map.data ? groupRows(map.data, groupKeys) : []), [map.data, groupKeys]);
  const { nameOf } = groups;
  const labels = useMemo(() => rows.map((r) => (r ? nameOf(r) : t('parties.noGroup'))), [rows, nameOf, t]);
  const levels = useMemo(() => (map.data ? levelMatrix(map.data, rows) : null), [map.data, rows]);
  const quads = useMemo(() => (map.data ? quadrantMatrix(map.data, rows) : null), [map.data, rows]);
  const language = i18n.language;

  const levelOption = useMemo<EChartsOption>(() => {
    if (!levels) {
      return {};
    }
    const axis = labels.flatMap((l) => [`${l} · ${t('parties.current')}`, `${l} · ${t('parties.target')}`]);
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatNumber(Number(v), language),
      },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: axis, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
      series: kotlerLevels.map((level, i) => ({
        type: 'bar',
        stack: 'level',
        name: t(`parties.levels.${level}`),
        itemStyle: { color: levelColors[i] },
        barMaxWidth: 18,
        data: rows.flatMap((_r, row) => [levels.current[level][row] ?? 0, levels.target[level][row] ?? 0]),
      })),
    };
  }, [levels, labels, rows, t, language]);
  const quadrantOption = useMemo<EChartsOption>(() => {
    if (!quads) {
      return {};
    }
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatNumber(Number(v), language),
      },
      xAxis: { type: 'value', minInterval: 1 },
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
  }, [quads, labels, t, language]);

  let body;
  if (map.isPending || groups.query.isPending) {
    body = <PageLoading />;
  } else if (map.error) {
    body = <QueryError error={map.error} onRetry={() => void map.refetch()} />;
  } else if (rows.length === 0 || !levels || !quads) {
    body = <EmptyState description={t('parties.mapEmpty')} />;
  } else {
    const levelAria = rows
      .map(
        (_r, row) =>
          `${labels[row]}: ${kotlerLevels.map((l) => `${t(`parties.levels.${l}`)} ${levels.current[l][row]}→${levels.target[l][row]}`).join(', ')}`,
      )
      .join('; ');
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('parties.levelsByGroup')} size="small">
            <Typography.Paragraph type="secondary">{t('parties.levelsByGroupHint')}</Typography.Paragraph>
            <Chart
              option={levelOption}
              height={Math.max(240, rows.length * 56 + 60)}
              ariaLabel={t('parties.levelsAria', { list: levelAria })}
              data-testid="levels-chart"
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('parties.quadrantsByGroup')} size="small">
            <Chart
              option={quadrantOption}
              height={Math.max(200, rows.length * 36 + 60)}
              ariaLabel={t('parties.quadrantsAria', {
                list: quadrants.map((q) => `${t(`parties.quadrants.${q}`)} ${quads.totals[q]}`).join(', '),
              })}
              data-testid="quadrants-chart"
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('parties.quadrantGrid')} size="small">
            <QuadrantGrid totals={quads.totals} />
          </Card>
        </Col>
      </Row>
    );
  }
  return (
    <div data-testid="relationship-map">
      <PageHeader title={t('nav.relationshipMap')} description={t('parties.mapDescription')} />
      {body}
    </div>
  );
}
