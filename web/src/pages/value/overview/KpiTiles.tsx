import { Card, Col, Row, Statistic, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat.ts';
import { change, isGood } from '../shared/period.ts';
import type { ValueSummary } from '../shared/types.ts';

interface Kpi {
  key: string;
  title: string;
  value: number | null;
  previous: number | null;
  kind: 'count' | 'rate' | 'money';
  higherIsBetter: boolean;
}

/** The period's customer KPIs, each with its change from the period of the same length before. */
export function KpiTiles({ current, previous }: { current: ValueSummary; previous: ValueSummary | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const prev = (pick: (s: ValueSummary) => number | null) => (previous ? pick(previous) : null);
  const kpi = (
    key: string,
    pick: (s: ValueSummary) => number | null,
    kind: Kpi['kind'],
    higherIsBetter = true,
  ): Kpi => ({ key, title: t(`value.kpi.${key}`), value: pick(current), previous: prev(pick), kind, higherIsBetter });
  // Revenue is compared only in the same currency.
  const sameCurrency = previous?.currency === current.currency;
  const kpis: Kpi[] = [
    kpi('customersAtEnd', (s) => s.customersAtEnd, 'count'),
    kpi('acquired', (s) => s.acquired, 'count'),
    kpi('lost', (s) => s.lost, 'count', false),
    kpi('activeCustomers', (s) => s.activeCustomers, 'count'),
    kpi('retentionRate', (s) => s.retentionRate, 'rate'),
    kpi('churnRate', (s) => s.churnRate, 'rate', false),
    kpi('acquisitionRate', (s) => s.acquisitionRate, 'rate'),
    kpi('repeatPurchaseRate', (s) => s.repeatPurchaseRate, 'rate'),
    {
      ...kpi('revenue', (s) => Number(s.revenue), 'money'),
      previous: sameCurrency && previous ? Number(previous.revenue) : null,
    },
  ];
  const show = (k: Kpi, v: number | null) => {
    if (v === null) {
      return '—';
    }
    if (k.kind === 'rate') {
      return `${format.number(v)}%`;
    }
    return k.kind === 'money' ? format.money(v, current.currency ?? 'CNY') : format.number(v);
  };
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="value-kpis">
      {kpis.map((k) => {
        const c = change(k.value, k.previous);
        const good = isGood(c.direction, k.higherIsBetter);
        const color = good === null ? undefined : good ? '#389e0d' : '#cf1322';
        // Rates move in percentage points; counts and money relative to the previous period.
        const delta =
          c.diff === null
            ? t('value.kpi.noComparison')
            : k.kind === 'rate'
              ? t('value.kpi.points', {
                  value: `${c.diff > 0 ? '+' : ''}${format.number(Math.round(c.diff * 10) / 10)}`,
                })
              : c.relative === null
                ? `${c.diff > 0 ? '+' : ''}${show(k, c.diff)}`
                : `${c.relative > 0 ? '+' : ''}${format.number(Math.round(c.relative * 1000) / 10)}%`;
        return (
          <Col key={k.key} xs={12} md={8} xl={6} xxl={4}>
            <Card size="small" data-testid={`value-kpi-${k.key}`}>
              <Statistic title={k.title} value={show(k, k.value)} />
              <Typography.Text style={{ color, fontSize: 12 }} type={color ? undefined : 'secondary'}>
                {c.direction === 'up' && <ArrowUpOutlined />}
                {c.direction === 'down' && <ArrowDownOutlined />} {delta}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
