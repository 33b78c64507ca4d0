import { useMemo, useState } from 'react';
import { Alert, DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useValueSummary } from '../shared/api.ts';
import { lastDays, periodDays, previousPeriod, type Period } from '../shared/period.ts';
import { CohortCard } from './CohortCard.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import { LorenzCard } from './LorenzCard.tsx';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** `/value`: customer KPIs against the previous period, revenue concentration and cohort retention. */
export default function ValueOverviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [period, setPeriod] = useState<Period>(() => lastDays(day(dayjs()), 90));
  const previous = useMemo(() => previousPeriod(period), [period]);
  const current = useValueSummary(period);
  const before = useValueSummary(previous, current.data?.currency ?? undefined);
  const range: [Dayjs, Dayjs] = [dayjs(period.from), dayjs(period.to).subtract(1, 'day')];
  const presets = [30, 90, 365].map((n) => ({
    label: t('value.period.lastDays', { count: n }),
    value: [dayjs().subtract(n - 1, 'day'), dayjs()] as [Dayjs, Dayjs],
  }));
  const s = current.data;
  return (
    <div data-testid="value-overview-page">
      <PageHeader
        title={t('nav.valueOverview')}
        description={t('value.overview.description')}
        actions={
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            presets={presets}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(v) => {
              if (v?.[0] && v[1]) {
                setPeriod({ from: day(v[0]), to: day(v[1].add(1, 'day')) });
              }
            }}
            data-testid="value-period"
          />
        }
      />
      {current.isError ? (
        <QueryError error={current.error} onRetry={() => void current.refetch()} />
      ) : !s ? (
        <PageLoading minHeight={200} />
      ) : (
        <>
          <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
            <Typography.Text type="secondary" data-testid="value-comparison">
              {t('value.overview.comparison', {
                from: format.date(previous.from),
                to: format.date(dayjs(previous.to).subtract(1, 'day').toDate()),
                days: periodDays(period),
              })}
            </Typography.Text>
            {s.note === 'not_enough_data' && (
              <Alert type="info" showIcon message={t('value.notEnoughData')} data-testid="value-not-enough" />
            )}
            {s.excludedTransactions > 0 && (
              <Alert
                type="warning"
                showIcon
                message={t('value.excluded', { count: s.excludedTransactions, currency: s.currency ?? '' })}
              />
            )}
          </Space>
          <KpiTiles current={s} previous={before.data} />
        </>
      )}
      <LorenzCard period={period} />
      <CohortCard to={period.to} />
    </div>
  );
}
