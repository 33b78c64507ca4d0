import { useMemo, useState } from 'react';
import { Alert, Card, Col, Descriptions, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { TableExportButton } from '../../../components/export/TableExportButton.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useChain, type ChainParams } from '../shared/api.ts';
import { chainScatterOption, correlationOption } from '../shared/charts.ts';
import { formatCi, formatR } from '../shared/format.ts';
import type { Chain, ChainPoint } from '../shared/types.ts';
import { ChainControls } from './ChainControls.tsx';

function Statistics({ chain }: { chain: Chain }) {
  const { t } = useTranslation();
  const { pearson, spearman, benchmark } = chain;
  return (
    <Descriptions size="small" column={1} bordered data-testid="chain-stats">
      <Descriptions.Item label={t('insight.chain.pearson')}>
        <span data-testid="chain-r">{formatR(pearson.r)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('insight.chain.ci95')}>{formatCi(pearson.ci95)}</Descriptions.Item>
      <Descriptions.Item label={t('insight.chain.spearman')}>{formatR(spearman.rho)}</Descriptions.Item>
      <Descriptions.Item label={t('insight.chain.n')}>{pearson.n}</Descriptions.Item>
      <Descriptions.Item label={t('insight.chain.benchmark')}>
        {t('insight.chain.benchmarkText', { low: benchmark.low, high: benchmark.high, source: benchmark.source })}
      </Descriptions.Item>
    </Descriptions>
  );
}

function pointsTable(t: (k: string) => string, chain: Chain) {
  return {
    name: t('insight.chain.title'),
    header: [
      t('insight.chain.unit'),
      t('insight.chain.employees'),
      t('insight.chain.customers'),
      t('insight.chain.employeeScore'),
      t('insight.chain.customerScore'),
    ],
    rows: chain.points.map((p) => [p.name, p.employees, p.customers, p.employeeScore, p.customerScore]),
  };
}

function PointsCard({ chain, xAxis, yAxis }: { chain: Chain; xAxis: string; yAxis: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card
      size="small"
      title={t('insight.chain.points')}
      extra={<TableExportButton table={() => pointsTable(t, chain)} data-testid="chain-export" />}
    >
      <Table<ChainPoint>
        size="small"
        rowKey="key"
        dataSource={chain.points}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="chain-points"
        columns={[
          { key: 'name', title: t('insight.chain.unit'), dataIndex: 'name' },
          { key: 'employees', title: t('insight.chain.employees'), dataIndex: 'employees', align: 'right' },
          { key: 'customers', title: t('insight.chain.customers'), dataIndex: 'customers', align: 'right' },
          {
            key: 'e',
            title: xAxis,
            align: 'right',
            render: (_, p) => format.number(Math.round(p.employeeScore * 10) / 10),
          },
          {
            key: 'c',
            title: yAxis,
            align: 'right',
            render: (_, p) => format.number(Math.round(p.customerScore * 100) / 100),
          },
        ]}
      />
    </Card>
  );
}

function ChainResults({ chain, params }: { chain: Chain; params: ChainParams }) {
  const { t } = useTranslation();
  const format = useFormat();
  const xAxis = t(`insight.chain.employeeMetrics.${params.employeeMetric}`);
  const yAxis = t(`insight.chain.customerMetrics.${params.customerMetric}`);
  const scatter = useMemo(
    () =>
      chainScatterOption(chain, {
        points: t(`insight.chain.levels.${chain.level}`),
        fit: t('insight.chain.fit'),
        band: t('insight.chain.band'),
        xAxis,
        yAxis,
      }),
    [chain, t, xAxis, yAxis],
  );
  const correlation = useMemo(
    () =>
      correlationOption(chain, {
        r: t('insight.chain.pearson'),
        rho: t('insight.chain.spearman'),
        benchmark: t('insight.chain.benchmarkBand'),
      }),
    [chain, t],
  );
  return (
    <>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Alert type="warning" showIcon message={t('insight.chain.notCausation')} data-testid="chain-note" />
        {chain.dataNote === 'not_enough_data' && <Alert type="info" showIcon message={t('insight.notEnoughData')} />}
        {(chain.excludedGroups > 0 || chain.unitsWithoutEmployeeScore > 0) && (
          <Alert
            type="info"
            showIcon
            data-testid="chain-excluded"
            message={t('insight.chain.excluded', {
              groups: chain.excludedGroups,
              units: chain.unitsWithoutEmployeeScore,
            })}
          />
        )}
        <Typography.Text type="secondary">
          {t('insight.chain.periods', {
            employee: `${format.date(chain.employeePeriod.from)} – ${format.date(chain.employeePeriod.to)}`,
            customer: `${format.date(chain.customerPeriod.from)} – ${format.date(chain.customerPeriod.to)}`,
          })}
        </Typography.Text>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('insight.chain.scatter')} style={{ marginBottom: 16 }}>
            {chain.points.length === 0 ? (
              <EmptyState description={t('insight.notEnoughData')} />
            ) : (
              <Chart
                option={scatter}
                height={380}
                pngName={t('insight.chain.title')}
                ariaLabel={t('insight.chain.aria', { n: chain.points.length, r: formatR(chain.pearson.r) })}
                data-testid="chain-scatter"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('insight.chain.statistics')} style={{ marginBottom: 16 }}>
            <Statistics chain={chain} />
            <Chart
              option={correlation}
              height={140}
              pngName={t('insight.chain.statistics')}
              ariaLabel={t('insight.chain.correlationAria', { r: formatR(chain.pearson.r) })}
              data-testid="chain-correlation"
            />
          </Card>
        </Col>
      </Row>
      <PointsCard chain={chain} xAxis={xAxis} yAxis={yAxis} />
    </>
  );
}

/** `/insight/chain`: employee score against customer score per unit or owner, r, ρ, their intervals, the benchmark. */
export default function ChainPage() {
  const { t } = useTranslation();
  const [params, setParams] = useState<ChainParams>({
    level: 'orgUnit',
    employeeMetric: 'engagement',
    customerMetric: 'nps',
    lagMonths: 0,
  });
  const q = useChain(params);
  return (
    <div data-testid="chain-page">
      <PageHeader title={t('insight.chain.title')} description={t('insight.chain.description')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <ChainControls value={params} onChange={setParams} />
      </Card>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <PageLoading minHeight={320} />
      ) : (
        <ChainResults chain={q.data} params={params} />
      )}
    </div>
  );
}
