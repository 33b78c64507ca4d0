import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, List, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { resultGroupings } from '@tandem/server/api';
import type { Survey, SurveyQuestion, SurveyQuestionMetric, SurveyResultGroup } from '../../../../api/types.ts';
import { QueryError } from '../../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../../components/feedback/states.tsx';
import { langOf, localized, scalePoints } from '../../shared/answers.ts';
import { distributionBars, driverScatter, gapBars, labelledBars, npsGauge, npsSplit } from './charts.ts';
import {
  distributionSeries,
  driverPoints,
  gapRows,
  groupRows,
  metricOf,
  outcomeCandidates,
  type GroupRow,
  type Headline,
} from './results.ts';
import { SurveyChart } from './SurveyChart.tsx';
import { useStakeholderGroups } from '../../../parties/shared/api.ts';
import { useSurveyDrivers, useSurveyResults, useSurveyTexts, type GroupBy } from '../../shared/api.ts';
import { useFormat } from '../../../../i18n/useFormat.ts';

function Suppressed({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <Tag icon={<EyeInvisibleOutlined />} data-testid="suppressed">
      {t('surveys.results.suppressed', { k })}
    </Tag>
  );
}

/** The numbers of one question in the whole survey. */
function QuestionResult({
  q,
  m,
  index,
  k,
}: {
  q: SurveyQuestion;
  m: SurveyQuestionMetric[];
  index: number;
  k: number;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = langOf(i18n.language);
  const title = (
    <Space size={6} style={{ whiteSpace: 'normal' }}>
      <Typography.Text type="secondary">{index + 1}.</Typography.Text>
      <span>{localized(q.text, lang)}</span>
    </Space>
  );
  const first = m[0];
  if (!first) {
    return null;
  }
  let body;
  if (first.suppressed) {
    body = <Suppressed k={k} />;
  } else if (q.type === 'nps' && first.nps) {
    const points = scalePoints(q);
    body = (
      <Row gutter={[16, 8]} align="middle">
        <Col xs={24} md={9}>
          <SurveyChart
            option={npsGauge(first.nps.score, t('surveys.results.npsScore'))}
            height={210}
            ariaLabel={t('surveys.results.npsAria', { score: format.number(first.nps.score), n: first.n })}
            data-testid="nps-gauge"
          />
        </Col>
        <Col xs={24} md={15}>
          <SurveyChart
            option={npsSplit(first.nps, {
              promoters: t('surveys.results.promoters'),
              passives: t('surveys.results.passives'),
              detractors: t('surveys.results.detractors'),
            })}
            height={70}
            ariaLabel={t('surveys.results.splitAria', {
              promoters: first.nps.promoters,
              passives: first.nps.passives,
              detractors: first.nps.detractors,
            })}
          />
          <SurveyChart
            option={distributionBars(
              points,
              distributionSeries(first.distribution, points),
              true,
              t('surveys.results.answers'),
            )}
            height={150}
            ariaLabel={t('surveys.results.distributionAria')}
          />
        </Col>
      </Row>
    );
  } else if (q.type === 'scale') {
    const points = scalePoints(q);
    body = (
      <Row gutter={[16, 8]} align="middle">
        <Col xs={24} md={7}>
          <Space direction="vertical">
            <Statistic title={t('surveys.results.mean')} value={first.mean ?? '—'} suffix={`/ ${q.max}`} />
            {first.csat !== undefined && (
              <Statistic title={t('surveys.results.csat')} value={first.csat} suffix="%" data-testid="csat" />
            )}
            {first.ces && <Statistic title={t('surveys.results.cesEasy')} value={first.ces.easyShare} suffix="%" />}
          </Space>
        </Col>
        <Col xs={24} md={17}>
          <SurveyChart
            option={distributionBars(
              points,
              distributionSeries(first.distribution, points),
              false,
              t('surveys.results.answers'),
            )}
            height={170}
            ariaLabel={t('surveys.results.distributionAria')}
          />
        </Col>
      </Row>
    );
  } else if (q.type === 'choice') {
    const counts = q.options.map((o) => first.choices?.[o.key] ?? 0);
    body = (
      <SurveyChart
        option={labelledBars(
          q.options.map((o) => localized(o.text, lang)),
          counts,
          t('surveys.results.answers'),
        )}
        height={Math.max(120, 36 * q.options.length)}
        ariaLabel={t('surveys.results.distributionAria')}
      />
    );
  } else if (q.type === 'matrix') {
    const rows = q.rows.map((r) => m.find((x) => x.item === r.key));
    body = rows.some((r) => r?.suppressed) ? (
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
  return (
    <Card
      size="small"
      title={title}
      extra={<Typography.Text type="secondary">n = {format.number(first.n)}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid={`result-${q.id}`}
    >
      {body}
    </Card>
  );
}

function headlineText(
  h: Headline,
  t: (k: string, o?: Record<string, unknown>) => string,
  number: (v: number) => string,
) {
  if (!h) {
    return '—';
  }
  return `${t(`surveys.results.headline.${h.kind}`)} ${number(h.value)}${h.kind === 'csat' ? '%' : ''}`;
}

/** Groups side by side; suppressed groups say so and show nothing else. */
function GroupComparison({ rows, k }: { rows: GroupRow[]; k: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = rows.filter((r): r is Extract<GroupRow, { suppressed: false }> => !r.suppressed && r.headline !== null);
  return (
    <Card size="small" title={t('surveys.results.groups')} style={{ marginBottom: 16 }} data-testid="group-comparison">
      {shown.length > 1 && (
        <SurveyChart
          option={labelledBars(
            shown.map((r) => r.name),
            shown.map((r) => r.headline?.value ?? 0),
            t(`surveys.results.headline.${shown[0]?.headline?.kind ?? 'mean'}`),
          )}
          height={Math.max(140, 34 * shown.length)}
          ariaLabel={t('surveys.results.groupsAria')}
        />
      )}
      <Table<GroupRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('surveys.results.group'), render: (_v, r) => r.name },
          {
            key: 'n',
            title: t('surveys.results.responses'),
            align: 'right',
            render: (_v, r) => (r.suppressed ? <Suppressed k={k} /> : format.number(r.n)),
          },
          {
            key: 'rate',
            title: t('surveys.results.responseRate'),
            align: 'right',
            render: (_v, r) => (r.suppressed || r.responseRate === null ? '—' : `${format.number(r.responseRate)}%`),
          },
          {
            key: 'headline',
            title: t('surveys.results.keyMetric'),
            render: (_v, r) => (r.suppressed ? '—' : headlineText(r.headline, t, format.number)),
          },
        ]}
      />
    </Card>
  );
}

function Drivers({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = langOf(i18n.language);
  const candidates = outcomeCandidates(survey.questions);
  const [outcome, setOutcome] = useState<string | undefined>(candidates[0]?.id);
  const drivers = useSurveyDrivers(survey.id, outcome);
  const textOf = (id: string) => localized(survey.questions.find((q) => q.id === id)?.text, lang) || id;
  const points = driverPoints(drivers.data, survey.questions);
  if (candidates.length < 2) {
    return null;
  }
  let body;
  if (drivers.isPending) {
    body = <PageLoading minHeight={200} />;
  } else if (drivers.error) {
    body = <QueryError error={drivers.error} onRetry={() => void drivers.refetch()} />;
  } else if (drivers.data.suppressed) {
    body = <Suppressed k={survey.minGroupSize} />;
  } else if (!points.length) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.driversEmpty')} />;
  } else {
    body = (
      <>
        <SurveyChart
          option={driverScatter(
            points.map((p) => ({
              label: textOf(p.questionId),
              importance: p.importance,
              performance: p.performance,
              driver: drivers.data.items.find((i) => i.questionId === p.questionId)?.driver ?? null,
            })),
            { importance: t('surveys.results.importance'), performance: t('surveys.results.performance') },
          )}
          height={340}
          ariaLabel={t('surveys.results.driversAria')}
          data-testid="driver-quadrant"
        />
        <Table
          size="small"
          rowKey="questionId"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={drivers.data.items}
          columns={[
            { key: 'q', title: t('surveys.results.driver'), render: (_v, i) => textOf(i.questionId) },
            {
              key: 'tag',
              title: t('surveys.builder.driver'),
              render: (_v, i) => (i.driver ? t(`surveys.drivers.tags.${i.driver}`) : '—'),
            },
            { key: 'r', title: 'r', align: 'right', render: (_v, i) => (i.r === null ? '—' : format.number(i.r)) },
            {
              key: 'w',
              title: t('surveys.results.weight'),
              align: 'right',
              render: (_v, i) => (i.relativeWeight === null ? '—' : format.number(i.relativeWeight)),
            },
            {
              key: 'mean',
              title: t('surveys.results.mean'),
              align: 'right',
              render: (_v, i) => (i.mean === null ? '—' : format.number(i.mean)),
            },
            {
              key: 'quadrant',
              title: t('surveys.results.quadrant'),
              render: (_v, i) => (i.quadrant ? <Tag>{t(`surveys.drivers.quadrants.${i.quadrant}`)}</Tag> : '—'),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('surveys.results.rSquared', {
            r2: drivers.data.rSquared === null ? '—' : format.number(drivers.data.rSquared),
            n: drivers.data.n,
          })}
        </Typography.Text>
      </>
    );
  }
  return (
    <Card
      size="small"
      title={t('surveys.results.drivers')}
      extra={
        <Select
          size="small"
          value={outcome}
          onChange={setOutcome}
          style={{ width: 240 }}
          options={candidates.map((q) => ({ value: q.id, label: textOf(q.id) }))}
          aria-label={t('surveys.results.outcome')}
          popupMatchSelectWidth={false}
        />
      }
      style={{ marginBottom: 16 }}
    >
      {body}
    </Card>
  );
}

function TextAnswers({
  survey,
  groupBy,
  nameOf,
}: {
  survey: Survey;
  groupBy: GroupBy;
  nameOf: (g: { key: string; name: string | null }) => string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = langOf(i18n.language);
  const hasText = survey.questions.some((q) => q.type === 'text');
  const texts = useSurveyTexts(survey.id, groupBy, hasText);
  if (!hasText) {
    return null;
  }
  const groups = texts.data?.groups ?? [];
  return (
    <Card size="small" title={t('surveys.results.texts')} style={{ marginBottom: 16 }} data-testid="text-answers">
      {survey.anonymous && (
        <Typography.Paragraph type="secondary">{t('surveys.results.textsAnonymous')}</Typography.Paragraph>
      )}
      {texts.isPending ? (
        <PageLoading minHeight={120} />
      ) : texts.error ? (
        <QueryError error={texts.error} onRetry={() => void texts.refetch()} />
      ) : groups.every((g) => !g.items.length && !g.suppressed) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.noTexts')} />
      ) : (
        groups.map((g) => (
          <div key={g.key} style={{ marginBottom: 12 }}>
            {groupBy !== 'none' && <Typography.Title level={5}>{nameOf(g)}</Typography.Title>}
            {g.suppressed ? (
              <Suppressed k={survey.minGroupSize} />
            ) : (
              <List
                size="small"
                dataSource={g.items}
                renderItem={(i) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <span style={{ fontWeight: 400, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          {i.text}
                        </span>
                      }
                      description={
                        <Space size={8} wrap>
                          <span>{localized(survey.questions.find((q) => q.id === i.questionId)?.text, lang)}</span>
                          {i.partyId && <Link to={`/parties/${i.partyId}`}>{t('surveys.results.respondent')}</Link>}
                          {i.submittedAt && <span>{format.dateTime(i.submittedAt)}</span>}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </div>
        ))
      )}
    </Card>
  );
}

/** Results: response counts, per-question charts, gaps, drivers, group comparison and text answers. */
export function ResultsPanel({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groupsApi = useStakeholderGroups();
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const results = useSurveyResults(survey.id, groupBy);
  const nameOf = useMemo(
    () => (g: { key: string; name: string | null }) => {
      if (g.key === 'none') {
        return t('surveys.results.unassigned');
      }
      if (groupBy === 'role') {
        return t(`parties.roles.${g.key}`, { defaultValue: g.key });
      }
      if (groupBy === 'stakeholderGroup') {
        return groupsApi.nameOf(g.key) || g.name || g.key;
      }
      return g.name ?? g.key;
    },
    [groupBy, t, groupsApi],
  );
  if (results.isPending) {
    return <PageLoading />;
  }
  if (results.error) {
    return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  }
  const r = results.data;
  const total: SurveyResultGroup = r.total;
  const k = r.minGroupSize;
  const gaps = gapRows(total.gaps).map((g) => ({
    ...g,
    label: t(`surveys.dimensions.${g.dimension}`, { defaultValue: g.dimension }),
  }));
  return (
    <div data-testid="survey-results">
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('surveys.results.groupBy')}</Typography.Text>
        <Segmented
          value={groupBy}
          onChange={setGroupBy}
          options={resultGroupings.map((g) => ({ value: g, label: t(`surveys.results.groupings.${g}`) }))}
          data-testid="results-group-by"
        />
      </Space>
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
              value={
                total.suppressed || total.responseRate === null || total.responseRate === undefined
                  ? '—'
                  : total.responseRate
              }
              suffix={
                total.responseRate !== null && total.responseRate !== undefined && !total.suppressed ? '%' : undefined
              }
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
      {total.suppressed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('surveys.results.totalSuppressed', { k })}
        />
      )}
      {groupBy !== 'none' && <GroupComparison rows={groupRows(r.groups, nameOf)} k={k} />}
      {!total.suppressed && (total.n ?? 0) === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('surveys.results.noResponses')}
          data-testid="results-empty"
        />
      )}
      {!total.suppressed && (total.n ?? 0) > 0 && (
        <>
          {gaps.length > 0 && (
            <Card size="small" title={t('surveys.results.gaps')} style={{ marginBottom: 16 }} data-testid="gap-bars">
              <SurveyChart
                option={gapBars(gaps, {
                  gap: t('surveys.results.gap'),
                  expected: t('surveys.gap.expected'),
                  perceived: t('surveys.gap.perceived'),
                })}
                height={Math.max(160, 34 * gaps.length)}
                ariaLabel={t('surveys.results.gapsAria', { list: gaps.map((g) => `${g.label} ${g.gap}`).join(', ') })}
              />
              <Table
                size="small"
                rowKey="dimension"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={gaps}
                columns={[
                  { key: 'd', title: t('surveys.builder.dimension'), render: (_v, g) => g.label },
                  {
                    key: 'e',
                    title: t('surveys.gap.expected'),
                    align: 'right',
                    render: (_v, g) => format.number(g.expected),
                  },
                  {
                    key: 'p',
                    title: t('surveys.gap.perceived'),
                    align: 'right',
                    render: (_v, g) => format.number(g.perceived),
                  },
                  {
                    key: 'g',
                    title: t('surveys.results.gap'),
                    align: 'right',
                    render: (_v, g) => (
                      <Typography.Text
                        type={g.gap < 0 ? 'danger' : 'success'}
                      >{`${g.gap > 0 ? '+' : ''}${format.number(g.gap)}`}</Typography.Text>
                    ),
                  },
                ]}
              />
            </Card>
          )}
          {survey.questions.map((q, i) => {
            const m =
              q.type === 'matrix'
                ? (total.questions ?? []).filter((x) => x.questionId === q.id)
                : [metricOf(total, q.id)].filter((x): x is SurveyQuestionMetric => Boolean(x));
            // Paired gap questions are read in the gap card above, not one by one.
            return q.type === 'text' || (gaps.length > 0 && q.dimension && q.pairing) ? null : (
              <QuestionResult key={q.id} q={q} m={m} index={i} k={k} />
            );
          })}
          <Drivers survey={survey} />
        </>
      )}
      <TextAnswers survey={survey} groupBy={groupBy} nameOf={nameOf} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('surveys.results.privacy', { k })}
      </Typography.Text>
    </div>
  );
}
