import { useMemo } from 'react';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { diagnosticsOption } from '../shared/charts.ts';
import type { ClvModel } from '../shared/types.ts';

const num = (v: number, digits = 4) => (Number.isFinite(v) ? Number(v.toPrecision(digits)).toString() : '—');

/** The fitted BG/NBD + Gamma-Gamma model: parameters, log-likelihoods and actual vs expected repeat purchases. */
export function ModelCard({ model }: { model: ClvModel }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option = useMemo(
    () =>
      diagnosticsOption(model, {
        actual: t('value.clv.actual'),
        expected: t('value.clv.expected'),
        xAxis: t('value.clv.repeatPurchases'),
        yAxis: t('value.clv.customers'),
      }),
    [model, t],
  );
  return (
    <Card title={t('value.clv.modelTitle')} size="small" style={{ marginBottom: 16 }} data-testid="clv-model">
      <Typography.Paragraph type="secondary">
        {t('value.clv.modelScope', {
          asOf: format.date(model.asOf),
          unit: t(`value.clv.units.${model.timeUnit}`),
          currency: model.currency,
          fittedAt: format.dateTime(model.fittedAt),
          ms: model.fitMillis,
        })}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Descriptions size="small" column={2} bordered title={t('value.clv.bgnbd')} data-testid="clv-bgnbd">
            <Descriptions.Item label="r">{num(model.bgnbd.r)}</Descriptions.Item>
            <Descriptions.Item label="α">{num(model.bgnbd.alpha)}</Descriptions.Item>
            <Descriptions.Item label="a">{num(model.bgnbd.a)}</Descriptions.Item>
            <Descriptions.Item label="b">{num(model.bgnbd.b)}</Descriptions.Item>
            <Descriptions.Item label={t('value.clv.logLikelihood')}>
              {num(model.bgnbd.logLikelihood, 7)}
            </Descriptions.Item>
            <Descriptions.Item label={t('value.clv.customers')}>
              {format.number(model.bgnbd.customers)}
            </Descriptions.Item>
          </Descriptions>
          <Descriptions
            size="small"
            column={2}
            bordered
            title={t('value.clv.gammaGamma')}
            style={{ marginTop: 12 }}
            data-testid="clv-gamma"
          >
            <Descriptions.Item label="p">{num(model.gammaGamma.p)}</Descriptions.Item>
            <Descriptions.Item label="q">{num(model.gammaGamma.q)}</Descriptions.Item>
            <Descriptions.Item label="γ">{num(model.gammaGamma.gamma)}</Descriptions.Item>
            <Descriptions.Item label={t('value.clv.logLikelihood')}>
              {num(model.gammaGamma.logLikelihood, 7)}
            </Descriptions.Item>
            <Descriptions.Item label={t('value.clv.repeatBuyers')} span={2}>
              {format.number(model.gammaGamma.customers)}
            </Descriptions.Item>
            <Descriptions.Item label={t('value.clv.correlation')} span={2}>
              {model.frequencySpendCorrelation === null ? '—' : num(model.frequencySpendCorrelation, 3)}
            </Descriptions.Item>
          </Descriptions>
        </Col>
        <Col xs={24} lg={14}>
          <Typography.Text strong>{t('value.clv.diagnostics')}</Typography.Text>
          <Chart
            option={option}
            height={300}
            ariaLabel={t('value.clv.diagnosticsAria')}
            data-testid="clv-diagnostics"
          />
        </Col>
      </Row>
    </Card>
  );
}
