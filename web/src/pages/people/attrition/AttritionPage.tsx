import { useState } from 'react';
import { Button, Card, Col, Progress, Row, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useOrgUnits } from '../../settings/shared/useOrgUnits.ts';
import { useAttritionRisk } from '../shared/api.ts';
import { factorBars } from '../shared/charts.ts';
import { EmployeeName } from '../shared/EmployeeName.tsx';
import { RiskTag } from '../shared/labels.tsx';
import { OrgUnitSelect } from '../shared/OrgUnitSelect.tsx';
import { peopleHrRoles, type AttritionRiskItem, type RiskBand } from '../shared/types.ts';
import { BacktestCard, RenewalsCard } from './AttritionCards.tsx';

/** `/people/attrition`: explainable attrition risk (band tags, factor bars), the back-test, contract renewal flags. */
export default function AttritionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const hr = hasAnyRole(me.user, peopleHrRoles);
  const orgUnits = useOrgUnits();
  const [band, setBand] = useState<RiskBand | undefined>();
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const [cursors, setCursors] = useState<string[]>([]);
  const risk = useAttritionRisk({ band, orgUnitId, cursor: cursors.at(-1), limit: 50 });
  const weights = risk.data?.weights;
  const reset = () => setCursors([]);
  return (
    <div data-testid="attrition-page">
      <PageHeader title={t('nav.peopleAttrition')} description={t('people.attrition.description')} />
      <Row gutter={[16, 16]}>
        {hr && (
          <Col xs={24} lg={12}>
            <BacktestCard />
          </Col>
        )}
        <Col xs={24} lg={hr ? 12 : 24}>
          <RenewalsCard />
        </Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t('people.attrition.list')}
        extra={
          <RiskFilters
            band={band}
            orgUnitId={orgUnitId}
            onChange={(b, u) => {
              setBand(b);
              setOrgUnitId(u);
              reset();
            }}
          />
        }
      >
        {risk.isError ? (
          <QueryError error={risk.error} onRetry={() => void risk.refetch()} />
        ) : (
          <>
            <Table<AttritionRiskItem>
              size="small"
              rowKey="partyId"
              loading={risk.isFetching}
              pagination={false}
              dataSource={risk.data?.items ?? []}
              data-testid="attrition-table"
              columns={[
                {
                  title: t('people.directory.name'),
                  render: (_, r) => (r.name ? r.name : <EmployeeName id={r.partyId} />),
                },
                { title: t('people.file.orgUnit'), render: (_, r) => orgUnits.pathOf(r.orgUnitId) || '—' },
                { title: t('people.attrition.score'), align: 'right', render: (_, r) => Math.round(r.score) },
                { title: t('people.attrition.band'), render: (_, r) => <RiskTag band={r.band} /> },
                { title: t('people.attrition.factors'), render: (_, r) => <FactorBars item={r} weights={weights} /> },
              ]}
            />
            <Space style={{ marginTop: 12 }}>
              {cursors.length > 0 && (
                <Button onClick={() => setCursors((c) => c.slice(0, -1))}>{t('people.attrition.previous')}</Button>
              )}
              {risk.data?.nextCursor && (
                <Button
                  onClick={() => setCursors((c) => [...c, risk.data?.nextCursor ?? ''])}
                  data-testid="attrition-next"
                >
                  {t('people.attrition.next')}
                </Button>
              )}
            </Space>
          </>
        )}
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('people.attrition.privacy')}
      </Typography.Paragraph>
    </div>
  );
}

function FactorBars({ item, weights }: { item: AttritionRiskItem; weights: Record<string, number> | undefined }) {
  const { t } = useTranslation();
  const bars = factorBars(item.factors, weights);
  if (bars.length === 0) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <Space direction="vertical" size={0} style={{ width: '100%', minWidth: 220 }} data-testid="factor-bars">
      {bars.slice(0, 4).map((f) => (
        <Tooltip key={f.key} title={f.detail}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Typography.Text style={{ width: 130, fontSize: 12 }} ellipsis>
              {t(`people.attritionFactors.${f.key}`, { defaultValue: f.key })}
            </Typography.Text>
            <Progress percent={f.percent} size="small" showInfo={false} style={{ flex: 1, margin: 0 }} />
            <Typography.Text style={{ fontSize: 12 }}>+{Math.round(f.contribution)}</Typography.Text>
          </div>
        </Tooltip>
      ))}
    </Space>
  );
}

function RiskFilters({
  band,
  orgUnitId,
  onChange,
}: {
  band: RiskBand | undefined;
  orgUnitId: string | undefined;
  onChange: (band: RiskBand | undefined, orgUnitId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('people.attrition.band')}
        value={band}
        onChange={(v: RiskBand | undefined) => onChange(v, orgUnitId)}
        options={(['high', 'medium', 'low'] as const).map((b) => ({ value: b, label: t(`people.riskBands.${b}`) }))}
        data-testid="attrition-band"
      />
      <div style={{ width: 220 }}>
        <OrgUnitSelect
          value={orgUnitId ?? null}
          onChange={(v) => onChange(band, typeof v === 'string' ? v : undefined)}
        />
      </div>
    </Space>
  );
}
