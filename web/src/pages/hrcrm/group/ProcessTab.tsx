import { useState } from 'react';
import { Button, Card, Descriptions, Space, Steps, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useGroupProcess } from '../shared/api.ts';
import { stepFacts } from '../shared/charts.ts';
import type { ProcessStep, StepState } from '../shared/types.ts';
import { StepModal } from './StepModal.tsx';

const stateColors: Record<StepState, string> = { not_started: 'default', in_progress: 'processing', done: 'success' };
const stepStatus: Record<StepState, 'wait' | 'process' | 'finish'> = {
  not_started: 'wait',
  in_progress: 'process',
  done: 'finish',
};

/** The seven steps of the HR-department relationship process (docs/domain.md) as a workspace: state, owner, due date, evidence, and each step's live numbers. */
export function ProcessTab({ groupKey, canEdit }: { groupKey: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const process = useGroupProcess(groupKey);
  const [editing, setEditing] = useState<ProcessStep | null>(null);
  if (process.isPending) {
    return <PageLoading />;
  }
  if (process.error) {
    return <QueryError error={process.error} onRetry={() => void process.refetch()} />;
  }
  const steps = process.data.steps;
  return (
    <div data-testid="process">
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        items={steps.map((s) => ({ title: t(`hrcrm.steps.${s.step}`), status: stepStatus[s.state] }))}
      />
      {steps.map((s, i) => (
        <Card
          key={s.step}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid={`step-${s.step}`}
          title={
            <Space>
              <span>
                {i + 1}. {t(`hrcrm.steps.${s.step}`)}
              </span>
              <Tag color={stateColors[s.state]} data-testid={`step-state-${s.step}`}>
                {t(`hrcrm.stepStates.${s.state}`)}
              </Tag>
            </Space>
          }
          extra={
            canEdit && (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(s)}
                data-testid={`step-edit-${s.step}`}
              >
                {t('common.edit')}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">{t(`hrcrm.stepHints.${s.step}`)}</Typography.Paragraph>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'owner', label: t('hrcrm.owner'), children: s.ownerName ?? '—' },
              { key: 'due', label: t('hrcrm.dueOn'), children: s.dueOn ? format.date(s.dueOn) : '—' },
              ...stepFacts(s).map((f) => ({
                key: f.key,
                label: t(`hrcrm.facts.${f.key}`, { defaultValue: f.key }),
                children: (
                  <span data-testid={`fact-${s.step}-${f.key}`}>
                    {f.percent ? `${format.number(Math.round(f.value * 100))}%` : format.number(f.value)}
                  </span>
                ),
              })),
              {
                key: 'evidence',
                label: t('hrcrm.evidence'),
                span: 3,
                children: s.evidence ? (
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.evidence}</Typography.Text>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Card>
      ))}
      {editing && <StepModal groupKey={groupKey} step={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
