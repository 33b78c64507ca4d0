import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { clvCustomersEndpoint, useClvModel, useClvValues, useSimpleClv } from '../shared/api.ts';
import { histogram, histogramOption } from '../shared/charts.ts';
import { formatShare } from '../shared/labels.ts';
import { PartyName } from '../shared/PartyName.tsx';
import { clvFitRoles, type ClvCustomer, type ClvModel } from '../shared/types.ts';
import { FitButton } from './FitButton.tsx';
import { ModelCard } from './ModelCard.tsx';

/** `/value/clv`: simple CLV, the probabilistic model and its fit, the CLV distribution and the top customers. */
export default function ClvPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const model = useClvModel();
  const canFit = hasAnyRole(user, clvFitRoles);
  return (
    <div data-testid="clv-page">
      <PageHeader
        title={t('nav.valueClv')}
        description={t('value.clv.description')}
        actions={canFit && model.data !== undefined && <FitButton primary={model.data === null} />}
      />
      <SimpleClvCard />
      {model.isError ? (
        <QueryError error={model.error} onRetry={() => void model.refetch()} />
      ) : model.data === undefined ? (
        <PageLoading minHeight={300} />
      ) : model.data === null ? (
        <Card size="small">
          <Empty description={canFit ? t('value.clv.noModelFit') : t('value.clv.noModel')} data-testid="clv-no-model" />
        </Card>
      ) : (
        <>
          <ModelCard model={model.data} />
          <Distribution model={model.data} />
          <TopCustomers model={model.data} />
        </>
      )}
    </div>
  );
}

function SimpleClvCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useSimpleClv();
  const s = q.data;
  if (q.isError) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!s) {
    return null;
  }
  const money = (v: number | null) => (v === null ? '—' : format.money(v, s.currency ?? 'CNY'));
  const plain = (v: number | null, digits = 2) =>
    v === null ? '—' : format.number(Math.round(v * 10 ** digits) / 10 ** digits);
  return (
    <Card title={t('value.clv.simpleTitle')} size="small" style={{ marginBottom: 16 }} data-testid="clv-simple">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={4}>
          <Statistic title={t('value.clv.simpleClv')} value={money(s.clv)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('value.clv.aov')} value={money(s.averageOrderValue)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('value.clv.perYear')} value={plain(s.purchasesPerYear)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('value.clv.churn')} value={formatShare(s.annualChurnRate, format.locale)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('value.clv.lifetime')} value={plain(s.expectedLifetimeYears, 1)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('value.clv.buyers')} value={format.number(s.customers)} />
        </Col>
      </Row>
      <Typography.Text type="secondary">
        {s.note
          ? t(`value.clv.notes.${s.note}`)
          : t('value.clv.simpleHint', { margin: formatShare(s.grossMargin, format.locale) })}
      </Typography.Text>
    </Card>
  );
}

function Distribution({ model }: { model: ClvModel }) {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useClvValues(model.fitId);
  const option = useMemo(
    () =>
      q.data
        ? histogramOption(
            histogram(q.data.values, 12),
            { series: t('value.clv.customers'), xAxis: t('value.clv.clvRange'), yAxis: t('value.clv.customers') },
            (v) => format.number(Math.round(v)),
          )
        : null,
    [q.data, t, format],
  );
  return (
    <Card
      title={t('value.clv.distribution')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        q.data &&
        !q.data.complete && (
          <Typography.Text type="secondary">{t('value.clv.topOnly', { count: q.data.values.length })}</Typography.Text>
        )
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !option ? (
        <PageLoading minHeight={280} />
      ) : (
        <Chart
          option={option}
          height={280}
          ariaLabel={t('value.clv.distributionAria')}
          data-testid="clv-distribution"
        />
      )}
    </Card>
  );
}

function TopCustomers({ model }: { model: ClvModel }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const columns = useMemo<DataColumn<ClvCustomer>[]>(() => {
    const money = (v: number) => format.money(v, model.currency);
    return [
      { key: 'partyId', title: t('value.customer'), render: (c) => <PartyName id={c.partyId} /> },
      { key: 'clv', title: t('value.clv.clv'), align: 'right', sortable: true, render: (c) => money(c.clv) },
      {
        key: 'pAlive',
        title: t('value.clv.pAlive'),
        align: 'right',
        render: (c) => formatShare(c.pAlive, format.locale),
      },
      {
        key: 'expectedPurchases',
        title: t('value.clv.expectedPurchases'),
        align: 'right',
        render: (c) => format.number(Math.round(c.expectedPurchases * 100) / 100),
      },
      {
        key: 'expectedSpend',
        title: t('value.clv.expectedSpend'),
        align: 'right',
        render: (c) => money(c.expectedSpend),
      },
      { key: 'x', title: t('value.clv.x'), align: 'right', hidden: true },
    ];
  }, [t, format, model.currency]);
  return (
    <Card title={t('value.clv.topCustomers')} size="small">
      <DataTable<ClvCustomer>
        tableKey="value.clv.customers"
        endpoint={clvCustomersEndpoint}
        columns={columns}
        rowKey={(c) => c.partyId}
        defaultSort="-clv"
        onOpen={(c) => void navigate(`/parties/${c.partyId}`)}
        data-testid="clv-customers"
      />
    </Card>
  );
}
