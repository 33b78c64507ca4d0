import { useState } from 'react';
import { Card, Empty, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Survey, SurveyDrivers } from '../../../../api/types.ts';
import { QueryError } from '../../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../../components/feedback/states.tsx';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { useSurveyDrivers } from '../../shared/api.ts';
import { langOf, localized } from '../../shared/answers.ts';
import { driverScatter } from './charts.ts';
import { driverPoints, outcomeCandidates } from './results.ts';
import { Suppressed } from './Suppressed.tsx';
import { SurveyChart } from './SurveyChart.tsx';

/** Key drivers of a chosen outcome question: importance × performance, and the numbers behind it. */
export function Drivers({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const candidates = outcomeCandidates(survey.questions);
  const [outcome, setOutcome] = useState<string | undefined>(candidates[0]?.id);
  const drivers = useSurveyDrivers(survey.id, outcome);
  const textOf = (id: string) => localized(survey.questions.find((q) => q.id === id)?.text, lang) || id;
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
  } else if (!driverPoints(drivers.data, survey.questions).length) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.driversEmpty')} />;
  } else {
    body = <DriverChart survey={survey} drivers={drivers.data} textOf={textOf} />;
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

function DriverChart({
  survey,
  drivers,
  textOf,
}: {
  survey: Survey;
  drivers: SurveyDrivers;
  textOf: (questionId: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (v: number | null) => (v === null ? '—' : format.number(v));
  const points = driverPoints(drivers, survey.questions).map((p) => ({
    label: textOf(p.questionId),
    importance: p.importance,
    performance: p.performance,
    driver: drivers.items.find((i) => i.questionId === p.questionId)?.driver ?? null,
  }));
  return (
    <>
      <SurveyChart
        option={driverScatter(points, {
          importance: t('surveys.results.importance'),
          performance: t('surveys.results.performance'),
        })}
        height={340}
        ariaLabel={t('surveys.results.driversAria')}
        data-testid="driver-quadrant"
      />
      <Table
        size="small"
        rowKey="questionId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={drivers.items}
        columns={[
          { key: 'q', title: t('surveys.results.driver'), render: (_v, i) => textOf(i.questionId) },
          {
            key: 'tag',
            title: t('surveys.builder.driver'),
            render: (_v, i) => (i.driver ? t(`surveys.drivers.tags.${i.driver}`) : '—'),
          },
          { key: 'r', title: 'r', align: 'right', render: (_v, i) => number(i.r) },
          { key: 'w', title: t('surveys.results.weight'), align: 'right', render: (_v, i) => number(i.relativeWeight) },
          { key: 'mean', title: t('surveys.results.mean'), align: 'right', render: (_v, i) => number(i.mean) },
          {
            key: 'quadrant',
            title: t('surveys.results.quadrant'),
            render: (_v, i) => (i.quadrant ? <Tag>{t(`surveys.drivers.quadrants.${i.quadrant}`)}</Tag> : '—'),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('surveys.results.rSquared', { r2: number(drivers.rSquared), n: drivers.n })}
      </Typography.Text>
    </>
  );
}
