import { useMemo, useState } from 'react';
import { Card, Col, Row, Segmented, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useConcentration } from '../shared/api.ts';
import { lorenzOption } from '../shared/charts.ts';
import { formatShare } from '../shared/labels.ts';
import type { Period } from '../shared/period.ts';

/** Revenue concentration (80/20): the Lorenz curve, the top 20 %'s share and the Gini, by customer or owner. */
export function LorenzCard({ period }: { period: Period }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [by, setBy] = useState<'customer' | 'owner'>('customer');
  const q = useConcentration(period, by);
  const option = useMemo(
    () =>
      q.data
        ? lorenzOption(q.data, {
            curve: t('value.concentration.curve'),
            equality: t('value.concentration.equality'),
            xAxis: t(by === 'customer' ? 'value.concentration.xCustomers' : 'value.concentration.xOwners'),
            yAxis: t('value.concentration.yRevenue'),
          })
        : null,
    [q.data, t, by],
  );
  return (
    <Card
      title={t('value.concentration.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="value-lorenz"
      extra={
        <Segmented
          size="small"
          value={by}
          onChange={(v) => setBy(v as 'customer' | 'owner')}
          options={[
            { value: 'customer', label: t('value.concentration.byCustomer') },
            { value: 'owner', label: t('value.concentration.byOwner') },
          ]}
          data-testid="value-lorenz-by"
        />
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data || !option ? (
        <PageLoading minHeight={320} />
      ) : q.data.n === 0 ? (
        <EmptyState description={t('value.notEnoughData')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <div data-testid="value-top20">
              <Statistic
                title={t('value.concentration.top20')}
                value={formatShare(q.data.top20Share, format.locale)}
                valueStyle={{ color: '#1677ff' }}
              />
            </div>
            <Statistic
              title={t('value.concentration.gini')}
              value={format.number(Math.round(q.data.gini * 1000) / 1000)}
            />
            <Statistic
              title={t(by === 'customer' ? 'value.concentration.nCustomers' : 'value.concentration.nOwners')}
              value={format.number(q.data.n)}
            />
            <Statistic
              title={t('value.concentration.total')}
              value={format.money(q.data.total, q.data.currency ?? 'CNY')}
            />
          </Col>
          <Col xs={24} md={18}>
            <Chart
              option={option}
              height={320}
              ariaLabel={t('value.concentration.aria', {
                share: formatShare(q.data.top20Share, format.locale),
                gini: q.data.gini.toFixed(3),
              })}
              data-testid="value-lorenz-chart"
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
