import { Alert, Card, Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../../api/types.ts';
import { QueryError } from '../../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../../components/feedback/states.tsx';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { useSurveyTexts, type GroupBy } from '../../shared/api.ts';
import { langOf, localized } from '../../shared/answers.ts';
import { Suppressed } from './Suppressed.tsx';
import { LongText } from '../../../../components/LongText/LongText.tsx';

/** Free-text answers by group (a suppressed group shows none), linked to the respondent unless anonymous. */
export function TextAnswers({
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
      ) : texts.data.groupsWithheldUntilClose ? (
        <Alert type="info" showIcon message={t('surveys.results.textsWithheld')} data-testid="texts-withheld" />
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
                      title={<LongText text={i.text} style={{ fontWeight: 400 }} />}
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
