import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Statistic } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { formatShare } from '../../value/shared/labels.ts';
import { useCapability, useCapabilitySettings, useSnapshots } from '../shared/api.ts';
import { radarOption, trendOption } from '../shared/charts.ts';
import { formatScore } from '../shared/format.ts';
import type { Capability } from '../shared/types.ts';
import { IndicatorTable } from './IndicatorTable.tsx';
import { Questionnaire } from './Questionnaire.tsx';
import { SettingsModal } from './SettingsModal.tsx';
import { SnapshotButton } from './SnapshotButton.tsx';

function RadarCard({ capability }: { capability: Capability }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      radarOption(capability, {
        name: (k) => t(`insight.capability.capabilities.${k}`),
        series: t('insight.capability.index'),
      }),
    [capability, t],
  );
  return (
    <Card size="small" title={t('insight.capability.radar')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <div data-testid="capability-index">
            <Statistic title={t('insight.capability.index')} value={formatScore(capability.index)} suffix="/ 100" />
          </div>
          <Statistic title={t('insight.capability.measured')} value={`${Math.round(capability.coverage * 100)}%`} />
          {capability.capabilities.map((c) => (
            <Statistic key={c.key} title={t(`insight.capability.capabilities.${c.key}`)} value={formatScore(c.score)} />
          ))}
        </Col>
        <Col xs={24} md={16}>
          <Chart
            option={option}
            height={320}
            pngName={t('insight.capability.radar')}
            ariaLabel={t('insight.capability.radarAria', { index: formatScore(capability.index) })}
            data-testid="capability-radar"
          />
        </Col>
      </Row>
    </Card>
  );
}

function BusinessCard({ capability }: { capability: Capability }) {
  const { t } = useTranslation();
  const format = useFormat();
  const b = capability.business;
  // The server's business figures are percentages (× 100), as value's summary rates are.
  const share = (v: number | null) => formatShare(v === null ? null : v / 100, format.locale);
  return (
    <Card
      size="small"
      title={t('insight.capability.business')}
      style={{ marginBottom: 16 }}
      data-testid="capability-business"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('insight.capability.acquisition')}>{share(b.acquisitionRate)}</Descriptions.Item>
        <Descriptions.Item label={t('insight.capability.retention')}>{share(b.retentionRate)}</Descriptions.Item>
        <Descriptions.Item label={t('insight.capability.satisfaction')}>
          {b.satisfaction === null ? '—' : `${b.satisfaction.toFixed(2)} / 5`}
        </Descriptions.Item>
        <Descriptions.Item label={t('insight.capability.crossSell')}>{share(b.crossSellShare)}</Descriptions.Item>
        <Descriptions.Item label={t('insight.capability.wallet')}>{share(b.averageShareOfWallet)}</Descriptions.Item>
        <Descriptions.Item label={t('insight.capability.newProducts')}>{share(b.newProductShare)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function TrendCard() {
  const { t } = useTranslation();
  const q = useSnapshots();
  const items = q.data?.items;
  const option = useMemo(
    () =>
      items &&
      trendOption(items, {
        index: t('insight.capability.index'),
        name: (k) => t(`insight.capability.capabilities.${k}`),
        tag: (tag) => t(`insight.capability.tags.${tag}`),
      }),
    [items, t],
  );
  return (
    <Card
      size="small"
      title={t('insight.capability.trend')}
      style={{ marginBottom: 16 }}
      data-testid="capability-trend"
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !items || !option ? (
        <PageLoading minHeight={200} />
      ) : items.length === 0 ? (
        <EmptyState description={t('insight.capability.noSnapshots')} />
      ) : (
        <div data-testid="capability-snapshots" data-count={items.length}>
          <Chart
            option={option}
            height={280}
            pngName={t('insight.capability.trend')}
            ariaLabel={t('insight.capability.trendAria', { n: items.length })}
            data-testid="capability-trend-chart"
          />
        </div>
      )}
    </Card>
  );
}

/** `/insight/capability`: the CRM capability index (docs/capability-index.md) beside business performance. */
export default function CapabilityPage() {
  const { t } = useTranslation();
  const q = useCapability();
  const settings = useCapabilitySettings();
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="capability-page">
      <PageHeader
        title={t('insight.capability.title')}
        description={t('insight.capability.description')}
        actions={
          <>
            <Button
              icon={<SettingOutlined />}
              disabled={!settings.data}
              onClick={() => setEditing(true)}
              data-testid="capability-settings"
            >
              {t('insight.capability.settings')}
            </Button>
            <SnapshotButton />
          </>
        }
      />
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <PageLoading minHeight={320} />
      ) : (
        <>
          {q.data.index === null && (
            <Alert type="info" showIcon message={t('insight.capability.noIndex')} style={{ marginBottom: 16 }} />
          )}
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <RadarCard capability={q.data} />
            </Col>
            <Col xs={24} lg={8}>
              <BusinessCard capability={q.data} />
            </Col>
          </Row>
          <TrendCard />
          <IndicatorTable capability={q.data} />
          <Questionnaire capability={q.data} />
        </>
      )}
      {editing && settings.data && <SettingsModal settings={settings.data} onClose={() => setEditing(false)} />}
    </div>
  );
}
