import { useMemo, useState } from 'react';
import { Alert, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { resultGroupings } from '@tandem/server/api';
import type { Survey, SurveyQuestionMetric, SurveyResultGroup } from '../../../../api/types.ts';
import { QueryError } from '../../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../../components/feedback/states.tsx';
import { useStakeholderGroups } from '../../../parties/shared/api.ts';
import { useSurveyResults, type GroupBy } from '../../shared/api.ts';
import { Drivers } from './Drivers.tsx';
import { GapCard, type GapRow } from './GapCard.tsx';
import { GroupComparison } from './GroupComparison.tsx';
import { QuestionResult } from './QuestionResult.tsx';
import { gapRows, groupRows, metricOf } from './results.ts';
import { ResultsSummary } from './ResultsSummary.tsx';
import { TextAnswers } from './TextAnswers.tsx';

/** Results: response counts, per-question charts, gaps, drivers, group comparison and text answers. */
export function ResultsPanel({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
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
  const answered = !total.suppressed && (total.n ?? 0) > 0;
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
      {survey.anonymous && survey.status !== 'closed' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('surveys.results.batches', { k })}
          data-testid="results-batches"
        />
      )}
      <ResultsSummary total={total} k={k} />
      {total.suppressed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('surveys.results.totalSuppressed', { k })}
        />
      )}
      {groupBy !== 'none' &&
        (r.groupsWithheldUntilClose ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('surveys.results.groups')}
            description={t('surveys.results.groupsWithheld')}
            data-testid="groups-withheld"
          />
        ) : (
          <GroupComparison rows={groupRows(r.groups, nameOf)} k={k} />
        ))}
      {!total.suppressed && !answered && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('surveys.results.noResponses')}
          data-testid="results-empty"
        />
      )}
      {answered && <QuestionResults survey={survey} total={total} k={k} />}
      <TextAnswers survey={survey} groupBy={groupBy} nameOf={nameOf} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('surveys.results.privacy', { k })}
      </Typography.Text>
    </div>
  );
}

/** Gaps, one card per question (paired gap questions are read in the gap card) and the drivers. */
function QuestionResults({ survey, total, k }: { survey: Survey; total: SurveyResultGroup; k: number }) {
  const { t } = useTranslation();
  const gaps: GapRow[] = gapRows(total.gaps).map((g) => ({
    ...g,
    label: t(`surveys.dimensions.${g.dimension}`, { defaultValue: g.dimension }),
  }));
  return (
    <>
      {gaps.length > 0 && <GapCard gaps={gaps} />}
      {survey.questions.map((q, i) => {
        const m =
          q.type === 'matrix'
            ? (total.questions ?? []).filter((x) => x.questionId === q.id)
            : [metricOf(total, q.id)].filter((x): x is SurveyQuestionMetric => Boolean(x));
        return q.type === 'text' || (gaps.length > 0 && q.dimension && q.pairing) ? null : (
          <QuestionResult key={q.id} q={q} m={m} index={i} k={k} enps={survey.kind === 'enps'} />
        );
      })}
      <Drivers survey={survey} />
    </>
  );
}
