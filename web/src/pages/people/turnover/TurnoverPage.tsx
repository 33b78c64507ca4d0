import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Row, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useOrgUnits } from '../../settings/shared/useOrgUnits.ts';
import { useExitReasons, useTurnover } from '../shared/api.ts';
import { exitReasonsOption, turnoverOption, unitTurnoverOption } from '../shared/charts.ts';
import { peopleHrRoles, type TurnoverLine } from '../shared/types.ts';

/** `/people/turnover`: separations by month (voluntary, involuntary), rate, first-year turnover, units, exit reasons. */
export default function TurnoverPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(12, 'month').add(1, 'day'), dayjs()]);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const byMonth = useTurnover({ ...period, groupBy: 'month' });
  const byUnit = useTurnover({ ...period, groupBy: 'orgUnit' });
  const hr = hasAnyRole(me.user, peopleHrRoles);
  const reasons = useExitReasons(period, hr);
  const orgUnits = useOrgUnits();
  const unitName = (key: string) => (key ? orgUnits.pathOf(key) || key.slice(0, 8) : t('people.turnover.noUnit'));
  const labels = {
    voluntary: t('people.exitTypes.voluntary'),
    involuntary: t('people.exitTypes.involuntary'),
    rate: t('people.turnover.rate'),
    firstYear: t('people.turnover.firstYearRate'),
    count: t('people.turnover.separations'),
    percent: '%',
  };
  return (
    <div data-testid="turnover-page">
      <PageHeader
        title={t('nav.peopleTurnover')}
        description={t('people.turnover.description')}
        actions={
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        }
      />
      {byMonth.isError ? (
        <QueryError error={byMonth.error} onRetry={() => void byMonth.refetch()} />
      ) : byMonth.isPending ? (
        <PageLoading minHeight={200} />
      ) : (
        <>
          {byMonth.data.note && (
            <Alert type="info" showIcon message={t('people.turnover.noData')} style={{ marginBottom: 16 }} />
          )}
          <Totals total={byMonth.data.total} />
          <Card size="small" title={t('people.turnover.byMonth')} style={{ marginTop: 16 }}>
            <Chart
              option={turnoverOption(byMonth.data.rows, labels)}
              ariaLabel={t('people.turnover.byMonth')}
              data-testid="turnover-chart"
            />
          </Card>
        </>
      )}
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('people.turnover.byUnit')}>
            {byUnit.isError ? (
              <QueryError error={byUnit.error} onRetry={() => void byUnit.refetch()} />
            ) : (
              byUnit.data && (
                <Chart
                  option={unitTurnoverOption(byUnit.data.rows, unitName, { rate: labels.rate })}
                  ariaLabel={t('people.turnover.byUnit')}
                  height={Math.max(200, byUnit.data.rows.length * 28)}
                  data-testid="turnover-units"
                />
              )
            )}
          </Card>
        </Col>
        {hr && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('people.turnover.exitReasons')} data-testid="exit-reasons">
              {reasons.isError ? (
                <QueryError error={reasons.error} onRetry={() => void reasons.refetch()} />
              ) : reasons.data && reasons.data.interviews === 0 ? (
                <Alert type="info" message={t('people.turnover.noInterviews')} />
              ) : (
                reasons.data && (
                  <Chart
                    option={exitReasonsOption(reasons.data, (r) => t(`people.exitReasons.${r}`, { defaultValue: r }))}
                    ariaLabel={t('people.turnover.exitReasons')}
                    data-testid="exit-reasons-chart"
                  />
                )
              )}
            </Card>
          </Col>
        )}
      </Row>
      {byUnit.data && <UnitTable rows={byUnit.data.rows} unitName={unitName} />}
    </div>
  );
}

function Totals({ total }: { total: TurnoverLine }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} data-testid="turnover-totals">
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('people.turnover.separations')} value={total.separations} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('people.turnover.voluntaryShare')} value={`${total.voluntary} / ${total.involuntary}`} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('people.turnover.rate')} value={total.rate} suffix="%" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('people.turnover.firstYearRate')} value={total.firstYearRate} suffix="%" />
        </Card>
      </Col>
    </Row>
  );
}

function UnitTable({ rows, unitName }: { rows: TurnoverLine[]; unitName: (k: string) => string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('people.turnover.byUnit')} style={{ marginTop: 16 }}>
      <Table<TurnoverLine>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('people.file.orgUnit'), render: (_, r) => unitName(r.key) },
          { title: t('people.turnover.averageHeadcount'), align: 'right', dataIndex: 'averageHeadcount' },
          { title: t('people.exitTypes.voluntary'), align: 'right', dataIndex: 'voluntary' },
          { title: t('people.exitTypes.involuntary'), align: 'right', dataIndex: 'involuntary' },
          { title: t('people.turnover.rate'), align: 'right', render: (_, r) => `${r.rate}%` },
          { title: t('people.turnover.firstYearRate'), align: 'right', render: (_, r) => `${r.firstYearRate}%` },
        ]}
      />
    </Card>
  );
}
