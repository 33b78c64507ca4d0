import { useState } from 'react';
import { Alert, Button, Card, Input, Rate, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useAssess } from '../shared/api.ts';
import { capabilityAssessableItems, capabilityChecklistKeys, type Capability } from '../shared/types.ts';

interface Answer {
  rating?: number;
  evidence?: string;
}

const itemLabel = (t: (k: string) => string, item: string) =>
  capabilityChecklistKeys.includes(item)
    ? t(`insight.capability.checklist.${item}`)
    : t(`insight.capability.indicators.${item}`);

/** The assessed items and the maturity checklist, rated 1–5 by the signed-in assessor with evidence. */
export function Questionnaire({ capability }: { capability: Capability }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const assess = useAssess();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const mean = (item: string) =>
    capability.indicators.find((i) => i.key === item)?.assessment ?? capability.checklist.find((c) => c.item === item);
  const rated = Object.entries(answers).filter(([, a]) => a.rating);
  const set = (item: string, patch: Answer) => setAnswers((all) => ({ ...all, [item]: { ...all[item], ...patch } }));
  return (
    <Card
      size="small"
      title={t('insight.capability.questionnaire')}
      style={{ marginBottom: 16 }}
      data-testid="capability-questionnaire"
      extra={
        <Button
          type="primary"
          disabled={rated.length === 0}
          loading={assess.isPending}
          data-testid="questionnaire-submit"
          onClick={() =>
            assess.mutate(
              {
                items: rated.map(([item, a]) => ({
                  item,
                  rating: a.rating as number,
                  ...(a.evidence?.trim() ? { evidence: a.evidence.trim() } : {}),
                })),
              },
              {
                onSuccess: () => {
                  setAnswers({});
                  void toast.success(t('insight.capability.assessed', { count: rated.length }));
                },
              },
            )
          }
        >
          {t('insight.capability.submitRatings', { count: rated.length })}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('insight.capability.questionnaireHint')}</Typography.Paragraph>
      {assess.isError && <Alert type="error" showIcon message={describe(assess.error)} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey={(item) => item}
        dataSource={capabilityAssessableItems}
        pagination={false}
        scroll={{ y: 420 }}
        columns={[
          { key: 'item', title: t('insight.capability.item'), render: (_, item) => itemLabel(t, item) },
          {
            key: 'current',
            title: t('insight.capability.currentMean'),
            width: 130,
            render: (_, item) => {
              const m = mean(item);
              return m && m.mean !== null && m.assessors > 0
                ? t('insight.capability.meanOf', { mean: m.mean.toFixed(1), n: m.assessors })
                : '—';
            },
          },
          {
            key: 'rating',
            title: t('insight.capability.rating'),
            width: 170,
            render: (_, item) => (
              <Rate
                value={answers[item]?.rating ?? 0}
                onChange={(rating) => set(item, { rating })}
                data-testid={`rate-${item}`}
              />
            ),
          },
          {
            key: 'evidence',
            title: t('insight.capability.evidence'),
            render: (_, item) => (
              <Input
                size="small"
                maxLength={2000}
                value={answers[item]?.evidence ?? ''}
                onChange={(e) => set(item, { evidence: e.target.value })}
                aria-label={t('insight.capability.evidence')}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
