import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Select, Space, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useValueClasses, type ClassesParams } from '../shared/api.ts';
import { valueSettingsEditors, type ValueClasses } from '../shared/types.ts';
import { ClassCustomersDrawer } from './ClassCustomersDrawer.tsx';
import { ClassQuadrant } from './ClassQuadrant.tsx';
import { ClassSettingsModal } from './ClassSettingsModal.tsx';

/** `/value/classes`: loyalty × profitability and revenue × cost to serve, each class opening its customers. */
export default function ClassesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useMe();
  const [params, setParams] = useState<ClassesParams>({ windowDays: 365 });
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const q = useValueClasses(params);
  const data = q.data;
  const currency = data?.currency ?? 'CNY';
  return (
    <div data-testid="value-classes-page">
      <PageHeader
        title={t('nav.valueClasses')}
        description={t('value.classesPage.description')}
        actions={
          <Space>
            <Select
              value={params.windowDays}
              onChange={(windowDays) => setParams((p) => ({ ...p, windowDays }))}
              options={[90, 180, 365, 730].map((n) => ({ value: n, label: t('value.rfm.window', { count: n }) }))}
              style={{ width: 180 }}
              aria-label={t('value.rfm.windowLabel')}
              data-testid="value-classes-window"
            />
            {hasAnyRole(user, valueSettingsEditors) && (
              <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="class-settings-open">
                {t('value.classesPage.settings')}
              </Button>
            )}
          </Space>
        }
      />
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !data ? (
        <PageLoading minHeight={300} />
      ) : data.customers === 0 ? (
        <EmptyState description={t('value.notEnoughData')} />
      ) : (
        <ClassesBody data={data} currency={currency} onOpen={setOpen} />
      )}
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="value-classes-scope">
          {t('value.classesPage.scope', {
            customers: format.number(data.customers),
            asOf: format.date(data.asOf),
            days: data.windowDays,
          })}
        </Typography.Paragraph>
      )}
      <ClassCustomersDrawer cls={open} params={params} currency={currency} onClose={() => setOpen(null)} />
      <ClassSettingsModal open={editing} onClose={() => setEditing(false)} />
    </div>
  );
}

function ClassesBody({
  data,
  currency,
  onOpen,
}: {
  data: ValueClasses;
  currency: string;
  onOpen: (cls: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const th = data.thresholds;
  const money = (v: string | null) => (v === null ? '—' : format.money(Number(v), currency));
  return (
    <>
      {data.excludedTransactions > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('value.excluded', { count: data.excludedTransactions, currency })}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('value.classesPage.loyaltyTitle')} size="small" style={{ marginBottom: 16 }}>
            <ClassQuadrant
              rows={data.loyaltyProfitability}
              layout={['butterfly', 'true_friend', 'stranger', 'barnacle']}
              xAxis={t('value.classesPage.loyalty')}
              yAxis={t('value.classesPage.profit')}
              currency={currency}
              onOpen={onOpen}
              data-testid="value-classes-loyalty"
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('value.classesPage.costTitle')} size="small" style={{ marginBottom: 16 }}>
            <ClassQuadrant
              rows={data.revenueCost}
              layout={[
                'high_revenue_low_cost',
                'high_revenue_high_cost',
                'low_revenue_low_cost',
                'low_revenue_high_cost',
              ]}
              xAxis={t('value.classesPage.costToServe')}
              yAxis={t('value.classesPage.revenue')}
              currency={currency}
              onOpen={onOpen}
              data-testid="value-classes-cost"
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('value.classesPage.thresholds')} size="small" data-testid="value-classes-thresholds">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('value.classesPage.loyalMinPurchaseDays')}>
            {th.loyalMinPurchaseDays}
          </Descriptions.Item>
          <Descriptions.Item label={t('value.classesPage.highProfitMin')}>{money(th.highProfitMin)}</Descriptions.Item>
          <Descriptions.Item label={t('value.classesPage.highRevenueMin')}>
            {money(th.highRevenueMin)}
          </Descriptions.Item>
          <Descriptions.Item label={t('value.classesPage.highCostMin')}>{money(th.highCostMin)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
