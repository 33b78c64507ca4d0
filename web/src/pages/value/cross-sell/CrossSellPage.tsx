import { useState } from 'react';
import { Card, Col, InputNumber, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useCrossSell } from '../shared/api.ts';
import { formatShare } from '../shared/labels.ts';
import type { AssociationRule } from '../shared/types.ts';
import { WalletSummaryCard } from './WalletSummaryCard.tsx';

/** `/value/cross-sell`: association rules A ⇒ B over baskets, and the share of customers buying across categories. */
export default function CrossSellPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [level, setLevel] = useState<'category' | 'product'>('category');
  const [minCount, setMinCount] = useState(2);
  const [minLift, setMinLift] = useState(1);
  const params = useDebouncedValue({ level, minCount, minLift }, 300);
  const q = useCrossSell(params);
  const d = q.data;
  const columns = useRuleColumns();
  return (
    <div data-testid="cross-sell-page">
      <PageHeader title={t('nav.valueCrossSell')} description={t('value.crossSell.description')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={level}
          onChange={(v) => setLevel(v as 'category' | 'product')}
          options={[
            { value: 'category', label: t('value.crossSell.byCategory') },
            { value: 'product', label: t('value.crossSell.byProduct') },
          ]}
          data-testid="cross-sell-level"
        />
        <span>
          {t('value.crossSell.minCount')}{' '}
          <InputNumber
            min={1}
            precision={0}
            value={minCount}
            onChange={(v) => setMinCount(v ?? 1)}
            aria-label={t('value.crossSell.minCount')}
          />
        </span>
        <span>
          {t('value.crossSell.minLift')}{' '}
          <InputNumber
            min={0}
            step={0.1}
            value={minLift}
            onChange={(v) => setMinLift(v ?? 0)}
            aria-label={t('value.crossSell.minLift')}
          />
        </span>
      </Space>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !d ? (
        <PageLoading minHeight={300} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small" data-testid="cross-sell-ratio">
                <Statistic title={t('value.crossSell.ratio')} value={formatShare(d.crossSell.ratio, format.locale)} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('value.crossSell.ratioHint', {
                    multi: format.number(d.crossSell.multiCategoryCustomers),
                    active: format.number(d.crossSell.activeCustomers),
                  })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('value.crossSell.baskets')} value={format.number(d.baskets)} />
                {d.basketsLeftOut > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('value.crossSell.leftOut', { count: d.basketsLeftOut, max: d.maxBasketItems })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <WalletSummaryCard />
            </Col>
          </Row>
          <Card title={t('value.crossSell.rulesTitle')} size="small">
            <Table<AssociationRule>
              size="small"
              rowKey={(r) => `${r.antecedent}→${r.consequent}`}
              columns={columns}
              dataSource={d.rules}
              pagination={{ pageSize: 25, hideOnSinglePage: true }}
              locale={{ emptyText: t('value.crossSell.none') }}
              data-testid="cross-sell-rules"
            />
          </Card>
        </>
      )}
    </div>
  );
}

function useRuleColumns() {
  const { t } = useTranslation();
  const format = useFormat();
  const name = (id: string, n: string | null) => n ?? id;
  const dec = (v: number) => format.number(Math.round(v * 100) / 100);
  return [
    {
      key: 'rule',
      title: t('value.crossSell.rule'),
      render: (_: unknown, r: AssociationRule) => (
        <span>
          <Typography.Text strong>{name(r.antecedent, r.antecedentName)}</Typography.Text> ⇒{' '}
          <Typography.Text strong>{name(r.consequent, r.consequentName)}</Typography.Text>
        </span>
      ),
    },
    { key: 'count', title: t('value.crossSell.count'), align: 'right' as const, dataIndex: 'count' },
    {
      key: 'support',
      title: t('value.crossSell.support'),
      align: 'right' as const,
      render: (_: unknown, r: AssociationRule) => formatShare(r.support, format.locale, 2),
      sorter: (a: AssociationRule, b: AssociationRule) => a.support - b.support,
    },
    {
      key: 'confidence',
      title: t('value.crossSell.confidence'),
      align: 'right' as const,
      render: (_: unknown, r: AssociationRule) => formatShare(r.confidence, format.locale),
      sorter: (a: AssociationRule, b: AssociationRule) => a.confidence - b.confidence,
    },
    {
      key: 'lift',
      title: t('value.crossSell.lift'),
      align: 'right' as const,
      render: (_: unknown, r: AssociationRule) => dec(r.lift),
      sorter: (a: AssociationRule, b: AssociationRule) => a.lift - b.lift,
      defaultSortOrder: 'descend' as const,
    },
  ];
}
