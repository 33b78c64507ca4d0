import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseMetricsRow } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useDurationUnits } from '../shared/useDurationUnits.ts';
import { formatBusinessMinutes, formatRate, formatScore } from '../shared/metrics.ts';

/** The range's totals: cases, response and resolution times (mean, P90), breach and reopen rates, CSAT. */
export function KpiCards({ total }: { total: CaseMetricsRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useDurationUnits();
  const minutes = (v: number | null) => formatBusinessMinutes(v, units);
  const kpis = [
    { key: 'count', title: t('service.metrics.count'), value: format.number(total.count) },
    { key: 'frMean', title: t('service.metrics.firstResponseMean'), value: minutes(total.firstResponseMean) },
    { key: 'frP90', title: t('service.metrics.firstResponseP90'), value: minutes(total.firstResponseP90) },
    { key: 'resMean', title: t('service.metrics.resolutionMean'), value: minutes(total.resolutionMean) },
    { key: 'resP90', title: t('service.metrics.resolutionP90'), value: minutes(total.resolutionP90) },
    { key: 'breach', title: t('service.metrics.breachRate'), value: formatRate(total.breachRate, format.locale) },
    { key: 'reopen', title: t('service.metrics.reopenRate'), value: formatRate(total.reopenRate, format.locale) },
    {
      key: 'csat',
      title: t('service.metrics.csatMean'),
      value: formatScore(total.csatMean, format.locale),
      suffix: total.csatCount ? t('service.metrics.answers', { count: total.csatCount }) : undefined,
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {kpis.map((k) => (
        <Col key={k.key} xs={12} md={6}>
          <Card size="small" data-testid={`kpi-${k.key}`}>
            <Statistic
              title={k.title}
              value={k.value}
              suffix={
                k.suffix ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {k.suffix}
                  </Typography.Text>
                ) : undefined
              }
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
