import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestion, SurveyQuestionMetric } from '../../../../api/types.ts';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { langOf, localized, scalePoints } from '../../shared/answers.ts';
import type { Lang } from '../../shared/builder.ts';
import { distributionBars, labelledBars, npsGauge, npsSplit } from './charts.ts';
import { distributionSeries } from './results.ts';
import { Suppressed } from './Suppressed.tsx';
import { SurveyChart } from './SurveyChart.tsx';

interface Props {
  q: SurveyQuestion;
  /** The question's metrics: one, or one per row of a matrix. */
  m: SurveyQuestionMetric[];
  index: number;
  /** The minimum group size (suppressed numbers say it). */
  k: number;
  /** An employee survey's recommend question is an eNPS, and its gauge says so. */
  enps?: boolean;
}

/** The numbers of one question in the whole survey. */
export function QuestionResult({ q, m, index, k, enps = false }: Props) {
  const { i18n } = useTranslation();
  const format = useFormat();
  const lang = langOf(i18n.language);
  const first = m[0];
  if (!first) {
    return null;
  }
  return (
    <Card
      size="small"
      title={
        <Space size={6} style={{ whiteSpace: 'normal' }}>
          <Typography.Text type="secondary">{index + 1}.</Typography.Text>
          <span>{localized(q.text, lang)}</span>
        </Space>
      }
      extra={<Typography.Text type="secondary">n = {format.number(first.n)}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid={`result-${q.id}`}
    >
      {first.suppressed ? (
        <Suppressed k={k} />
      ) : (
        <QuestionChart q={q} m={m} first={first} k={k} lang={lang} enps={enps} />
      )}
    </Card>
  );
}

function QuestionChart({
  q,
  m,
  first,
  k,
  lang,
  enps,
}: Pick<Props, 'q' | 'm' | 'k'> & { first: SurveyQuestionMetric; lang: Lang; enps: boolean }) {
  const { t } = useTranslation();
  if (q.type === 'nps' && first.nps) {
    return <NpsResult q={q} metric={first} enps={enps} />;
  }
  if (q.type === 'scale') {
    return <ScaleResult q={q} metric={first} />;
  }
  if (q.type === 'choice') {
    return (
      <SurveyChart
        option={labelledBars(
          q.options.map((o) => localized(o.text, lang)),
          q.options.map((o) => first.choices?.[o.key] ?? 0),
          t('surveys.results.answers'),
        )}
        height={Math.max(120, 36 * q.options.length)}
        ariaLabel={t('surveys.results.distributionAria')}
      />
    );
  }
  if (q.type === 'matrix') {
    const rows = q.rows.map((r) => m.find((x) => x.item === r.key));
    return rows.some((r) => r?.suppressed) ? (
      <Suppressed k={k} />
    ) : (
      <SurveyChart
        option={labelledBars(
          q.rows.map((r) => localized(r.text, lang)),
          rows.map((r) => r?.mean ?? 0),
          t('surveys.results.mean'),
          { min: q.min, max: q.max },
        )}
        height={Math.max(120, 36 * q.rows.length)}
        ariaLabel={t('surveys.results.distributionAria')}
      />
    );
  }
  return null;
}

/** The NPS gauge, the promoter/passive/detractor split and the 0–10 distribution. */
function NpsResult({ q, metric, enps }: { q: SurveyQuestion; metric: SurveyQuestionMetric; enps: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nps = metric.nps;
  if (!nps) {
    return null;
  }
  const points = scalePoints(q);
  return (
    <Row gutter={[16, 8]} align="middle">
      <Col xs={24} md={9}>
        <SurveyChart
          option={npsGauge(nps.score, t(enps ? 'surveys.results.enpsScore' : 'surveys.results.npsScore'))}
          height={210}
          ariaLabel={t(enps ? 'surveys.results.enpsAria' : 'surveys.results.npsAria', {
            score: format.number(nps.score),
            n: metric.n,
          })}
          data-testid="nps-gauge"
        />
      </Col>
      <Col xs={24} md={15}>
        <SurveyChart
          option={npsSplit(nps, {
            promoters: t('surveys.results.promoters'),
            passives: t('surveys.results.passives'),
            detractors: t('surveys.results.detractors'),
          })}
          height={70}
          ariaLabel={t('surveys.results.splitAria', {
            promoters: nps.promoters,
            passives: nps.passives,
            detractors: nps.detractors,
          })}
        />
        <SurveyChart
          option={distributionBars(
            points,
            distributionSeries(metric.distribution, points),
            true,
            t('surveys.results.answers'),
          )}
          height={150}
          ariaLabel={t('surveys.results.distributionAria')}
        />
      </Col>
    </Row>
  );
}

/** Mean (with CSAT and CES where they apply) next to the distribution of a scale question. */
function ScaleResult({ q, metric }: { q: Extract<SurveyQuestion, { type: 'scale' }>; metric: SurveyQuestionMetric }) {
  const { t } = useTranslation();
  const points = scalePoints(q);
  return (
    <Row gutter={[16, 8]} align="middle">
      <Col xs={24} md={7}>
        <Space direction="vertical">
          <Statistic title={t('surveys.results.mean')} value={metric.mean ?? '—'} suffix={`/ ${q.max}`} />
          {metric.csat !== undefined && (
            <Statistic title={t('surveys.results.csat')} value={metric.csat} suffix="%" data-testid="csat" />
          )}
          {metric.ces && <Statistic title={t('surveys.results.cesEasy')} value={metric.ces.easyShare} suffix="%" />}
        </Space>
      </Col>
      <Col xs={24} md={17}>
        <SurveyChart
          option={distributionBars(
            points,
            distributionSeries(metric.distribution, points),
            false,
            t('surveys.results.answers'),
          )}
          height={170}
          ariaLabel={t('surveys.results.distributionAria')}
        />
      </Col>
    </Row>
  );
}
