import type { EChartsOption } from 'echarts';
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useResults, type ReviewResults } from '../shared/api.ts';

function Heatmap({ results }: { results: ReviewResults }) {
  const { t, i18n } = useTranslation();
  const customers = results.customers.map((c) => c.displayName);
  const keys = results.indicators.map((i) => i.key);
  const names = results.indicators.map((i) => (i18n.language === 'zh-CN' ? i.nameZh : i.nameEn));
  const row = new Map(results.customers.map((c, i) => [c.partyId, i]));
  const data = results.cells.flatMap((c) => {
    const y = row.get(c.partyId);
    const x = keys.indexOf(c.indicator);
    return y === undefined || x < 0 ? [] : [[x, y, c.rating]];
  });
  const option: EChartsOption = {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: names, splitArea: { show: true } },
    yAxis: { type: 'category', data: customers, splitArea: { show: true } },
    visualMap: {
      min: 1,
      max: 5,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#d73027', '#fee08b', '#1a9850'] },
    },
    series: [{ type: 'heatmap', data, label: { show: true } }],
  };
  return (
    <Chart
      option={option}
      ariaLabel={t('qualityReview.heatmap')}
      height={Math.max(220, 60 + customers.length * 36)}
      pngName="trust-heatmap"
      data-testid="trust-heatmap"
    />
  );
}

/** The cycle's results: the heatmap, relationships in trouble and overdue responses (customers the reader sees). */
export function Results({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useResults(id);
  if (q.isPending) {
    return <PageLoading />;
  }
  if (q.error) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const r = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('qualityReview.heatmap')}>
        {r.note ? <Alert type="info" showIcon message={t('qualityReview.notEnoughData')} /> : <Heatmap results={r} />}
        {r.meanTrust !== null ? (
          <Typography.Text type="secondary">
            {t('qualityReview.meanTrust', { value: r.meanTrust, n: r.interviewed, of: r.keyCustomers })}
          </Typography.Text>
        ) : null}
      </Card>
      <Card title={t('qualityReview.inTrouble')} data-testid="in-trouble">
        <List
          dataSource={r.inTrouble}
          locale={{ emptyText: t('qualityReview.noTrouble') }}
          renderItem={(x) => (
            <List.Item data-testid={`trouble-${x.partyId}`}>
              <Space wrap>
                <Typography.Text strong>{x.displayName}</Typography.Text>
                <span>
                  {t('qualityReview.trust')}: {x.previousTrust !== null ? `${x.previousTrust} → ` : ''}
                  {x.trust}
                </span>
                {x.reasons.map((reason) => (
                  <Tag key={reason} color="red">
                    {t(`qualityReview.reasons.${reason}`)}
                  </Tag>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('qualityReview.overdue')}>
        <List
          dataSource={r.overdue}
          locale={{ emptyText: t('qualityReview.noOverdue') }}
          renderItem={(x) => (
            <List.Item>
              {x.displayName} · {t(`qualityReview.responseKinds.${x.responseKind}`)} · {x.dueOn}
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
