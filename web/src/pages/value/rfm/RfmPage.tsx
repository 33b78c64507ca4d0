import { useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useRfm, useRfmRules, type RfmParams } from '../shared/api.ts';
import { rfmGrid } from '../shared/rfm.ts';
import { RfmCustomersDrawer } from './RfmCustomersDrawer.tsx';
import { RfmGrid } from './RfmGrid.tsx';
import { RfmRulesEditor } from './RfmRulesEditor.tsx';
import { RulesCard, SegmentsCard } from './RfmTables.tsx';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { valueSettingsEditors } from '../shared/types.ts';

/** `/value/rfm`: segment counts and revenue, the R × F grid, and the customers of a segment. */
export default function RfmPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useState<RfmParams>({ windowDays: 365 });
  const [open, setOpen] = useState<{ segment: string; cell: { r: number; f: number } | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const { user } = useMe();
  const mayEdit = hasAnyRole(user, valueSettingsEditors);
  const rfm = useRfm(params);
  const rules = useRfmRules();
  const data = rfm.data;
  const currency = data?.currency ?? 'CNY';
  const grid = useMemo(() => (data && rules.data ? rfmGrid(data.grid, rules.data.rules) : null), [data, rules.data]);
  return (
    <div data-testid="rfm-page">
      <PageHeader
        title={t('nav.valueRfm')}
        description={t('value.rfm.description')}
        actions={
          <Select
            value={params.windowDays}
            onChange={(windowDays) => setParams((p) => ({ ...p, windowDays }))}
            options={[90, 180, 365, 730].map((n) => ({ value: n, label: t('value.rfm.window', { count: n }) }))}
            style={{ width: 180 }}
            aria-label={t('value.rfm.windowLabel')}
            data-testid="rfm-window"
          />
        }
      />
      {rfm.isError ? (
        <QueryError error={rfm.error} onRetry={() => void rfm.refetch()} />
      ) : rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : !data || !grid ? (
        <PageLoading minHeight={300} />
      ) : data.customers === 0 ? (
        <EmptyState description={t('value.notEnoughData')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="rfm-scope">
            {t('value.rfm.scope', {
              customers: format.number(data.customers),
              revenue: format.money(Number(data.revenue), currency),
              asOf: format.date(data.asOf),
              days: data.windowDays,
            })}
          </Typography.Paragraph>
          {data.excludedTransactions > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('value.excluded', { count: data.excludedTransactions, currency })}
            />
          )}
          <Row gutter={16}>
            <Col xs={24} lg={13}>
              <Card title={t('value.rfm.gridTitle')} size="small" style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary">{t('value.rfm.gridHint')}</Typography.Paragraph>
                <RfmGrid
                  rows={grid}
                  currency={currency}
                  onOpen={(cell) => cell.segment && setOpen({ segment: cell.segment, cell })}
                />
              </Card>
            </Col>
            <Col xs={24} lg={11}>
              <SegmentsCard data={data} onOpen={(segment) => setOpen({ segment, cell: null })} />
            </Col>
          </Row>
          {editing ? (
            <RfmRulesEditor onDone={() => setEditing(false)} />
          ) : (
            rules.data && <RulesCard rules={rules.data} onEdit={mayEdit ? () => setEditing(true) : undefined} />
          )}
        </>
      )}
      <RfmCustomersDrawer
        segment={open?.segment ?? null}
        cell={open?.cell ?? null}
        params={params}
        currency={currency}
        onClose={() => setOpen(null)}
      />
    </div>
  );
}
