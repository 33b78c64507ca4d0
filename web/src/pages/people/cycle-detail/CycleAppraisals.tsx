import { useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useAppraisals } from '../shared/api.ts';
import { BandTag } from '../shared/labels.tsx';
import type { Appraisal, AppraisalCycle } from '../shared/types.ts';
import { PlanModal, ReassessModal } from './PlanModal.tsx';
import { ScoreModal } from './ScoreModal.tsx';

type Dialog = { kind: 'score' | 'plan' | 'reassess'; appraisal: Appraisal } | null;

/** The cycle's appraisals: scoring while open or calibrating, improvement plans for the bottom band. */
export function CycleAppraisals({ cycle }: { cycle: AppraisalCycle }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useAppraisals({ cycleId: cycle.id });
  const [dialog, setDialog] = useState<Dialog>(null);
  const scoring = cycle.status === 'open' || cycle.status === 'calibrating';
  if (list.isError) {
    return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  }
  return (
    <Card size="small" title={t('people.appraisals.title')} style={{ marginTop: 16 }} data-testid="cycle-appraisals">
      <Table<Appraisal>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(a) => ({ 'data-testid': `appraisal-row-${a.partyId}` }) as object}
        columns={[
          { title: t('people.appraisals.employee'), render: (_, a) => a.displayName },
          {
            title: t('people.appraisals.overall'),
            align: 'right',
            render: (_, a) => (a.overallScore === null ? '—' : a.overallScore.toFixed(2)),
          },
          { title: t('people.appraisals.band'), render: (_, a) => <BandTag band={a.band} /> },
          {
            title: t('people.plan.title'),
            render: (_, a) =>
              a.plan ? (
                <Typography.Text>
                  {t('people.plan.reassessOn', { date: format.date(a.plan.reassessOn) })}
                  {a.plan.outcome && ` · ${t(`people.plan.outcomes.${a.plan.outcome}`)}`}
                </Typography.Text>
              ) : a.band === 'bottom' ? (
                <Typography.Text type="danger">{t('people.plan.missing')}</Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: t('people.appraisals.reply'), render: (_, a) => a.reply ?? '—' },
          {
            title: '',
            key: 'actions',
            render: (_, a) => (
              <Space>
                {scoring && (
                  <Button
                    size="small"
                    onClick={() => setDialog({ kind: 'score', appraisal: a })}
                    data-testid="appraisal-score"
                  >
                    {t('people.appraisals.score')}
                  </Button>
                )}
                {a.band === 'bottom' && !a.plan && (
                  <Button
                    size="small"
                    onClick={() => setDialog({ kind: 'plan', appraisal: a })}
                    data-testid="appraisal-plan"
                  >
                    {t('people.plan.create')}
                  </Button>
                )}
                {a.plan && !a.plan.outcome && (
                  <Button
                    size="small"
                    onClick={() => setDialog({ kind: 'reassess', appraisal: a })}
                    data-testid="plan-reassess"
                  >
                    {t('people.plan.reassess')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'score' && <ScoreModal appraisal={dialog.appraisal} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'plan' && <PlanModal appraisal={dialog.appraisal} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reassess' && dialog.appraisal.plan && (
        <ReassessModal plan={dialog.appraisal.plan} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
