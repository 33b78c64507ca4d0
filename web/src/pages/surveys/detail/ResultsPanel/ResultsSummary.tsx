import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyResultGroup } from '../../../../api/types.ts';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { Suppressed } from './Suppressed.tsx';

/** Responses, invited, response rate and the minimum group size, for the whole survey. */
export function ResultsSummary({ total, k }: { total: SurveyResultGroup; k: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rate =
    total.suppressed || total.responseRate === null || total.responseRate === undefined ? null : total.responseRate;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}>
        <Card size="small">
          {total.suppressed ? (
            <Statistic title={t('surveys.results.responses')} valueRender={() => <Suppressed k={k} />} />
          ) : (
            <Statistic
              title={t('surveys.results.responses')}
              value={total.n ?? 0}
              formatter={(v) => format.number(Number(v))}
              valueStyle={{ fontVariantNumeric: 'tabular-nums' }}
              data-testid="results-n"
            />
          )}
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('surveys.results.invited')} value={total.suppressed ? '—' : (total.invited ?? 0)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('surveys.results.responseRate')}
            value={rate ?? '—'}
            suffix={rate === null ? undefined : '%'}
            data-testid="results-rate"
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('surveys.fields.minGroupSize')} value={k} />
        </Card>
      </Col>
    </Row>
  );
}
