import { Alert, Card, Table } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import type { PracticeResults } from '@tandem/server/api';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useResults } from '../shared/api.ts';
import { PRACTICE_SCORE_MAX, practiceCriteria } from '../shared/types.ts';

type TeamResult = PracticeResults['teams'][number];
const fmt = (v: number | null) => (v === null ? '—' : String(v));

/** Per team and criterion: peer average, trainer average and the team score (their mean), with a bar chart. */
export function ResultsCard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const results = useResults(sessionId);
  if (results.error) {
    return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  }
  const teams = results.data?.teams ?? [];
  // The server's note, in the UI language: no teams yet, or teams whose score rests on one side or none.
  const partial = teams.filter((x) => x.basis !== 'both').map((x) => x.name);
  const note = !results.data
    ? null
    : teams.length === 0
      ? t('practice.noTeams')
      : partial.length
        ? t('practice.partialNote', { teams: partial.join(', ') })
        : null;
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: {},
    xAxis: { type: 'category', data: practiceCriteria.map((c) => t(`practice.criteria.${c}`)) },
    yAxis: { type: 'value', min: 0, max: PRACTICE_SCORE_MAX },
    series: teams.map((team) => ({
      type: 'bar',
      name: team.name,
      data: team.criteria.map((c) => c.score),
    })),
  };
  const rows = teams.flatMap((team: TeamResult) =>
    team.criteria.map((c) => ({ key: `${team.teamId}-${c.criterion}`, team: team.name, ...c })),
  );
  return (
    <Card title={t('practice.results')} size="small" data-testid="results">
      {note && <Alert type="info" showIcon message={note} style={{ marginBottom: 12 }} />}
      <Chart option={option} ariaLabel={t('practice.resultsChart')} height={280} pngName="practice-results" />
      <Table
        size="small"
        pagination={false}
        loading={results.isPending}
        dataSource={rows}
        data-testid="results-table"
        columns={[
          { key: 'team', title: t('practice.team'), dataIndex: 'team' },
          { key: 'c', title: t('practice.criterion'), render: (_, r) => t(`practice.criteria.${r.criterion}`) },
          { key: 'peer', title: t('practice.peerAverage'), render: (_, r) => fmt(r.peerAverage) },
          { key: 'trainer', title: t('practice.trainerAverage'), render: (_, r) => fmt(r.trainerAverage) },
          {
            key: 'score',
            title: t('practice.teamScore'),
            render: (_, r) => <span data-testid={`result-${r.team}-${r.criterion}`}>{fmt(r.score)}</span>,
          },
          { key: 'basis', title: t('practice.basis'), render: (_, r) => t(`practice.bases.${r.basis}`) },
        ]}
      />
      <Table
        size="small"
        pagination={false}
        style={{ marginTop: 12 }}
        rowKey="teamId"
        dataSource={teams}
        columns={[
          { key: 'team', title: t('practice.team'), dataIndex: 'name' },
          {
            key: 'total',
            title: t('practice.total'),
            render: (_, r) => <span data-testid={`total-${r.name}`}>{fmt(r.total)}</span>,
          },
        ]}
      />
    </Card>
  );
}
