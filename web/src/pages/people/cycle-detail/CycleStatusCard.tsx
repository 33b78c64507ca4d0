import { Alert, Button, Card, Popconfirm, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useMoveCycle } from '../shared/api.ts';
import { GuardAlert } from '../shared/labels.tsx';
import { cycleStatuses, type AppraisalCycle } from '../shared/types.ts';

type Status = AppraisalCycle['status'];
const nextOf: Record<Status, Status | null> = {
  draft: 'published',
  published: 'open',
  open: 'calibrating',
  calibrating: 'closed',
  closed: null,
};

/** The guard the next step must pass, explained before the button is pressed. */
function BeforeNext({ cycle }: { cycle: AppraisalCycle }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (cycle.status) {
    case 'draft':
      return (
        <>
          <div>{t('people.guards.APPRAISAL_TOO_FREQUENT.before')}</div>
          <div>{t('people.guards.CRITERIA_IMMUTABLE.before')}</div>
        </>
      );
    case 'published': {
      const from = cycle.publishedAt
        ? new Date(new Date(cycle.publishedAt).getTime() + cycle.noticeDays * 86_400_000).toISOString()
        : null;
      return (
        <div data-testid="cycle-opens-from">
          {t('people.guards.CRITERIA_NOT_PUBLISHED.before', { noticeDays: cycle.noticeDays })}{' '}
          {from && t('people.cycles.opensFrom', { date: format.dateTime(from) })}
        </div>
      );
    }
    case 'open':
      return <div>{t('people.cycles.calibrateHint')}</div>;
    case 'calibrating':
      return <div>{t('people.guards.IMPROVEMENT_PLAN_REQUIRED.before')}</div>;
    case 'closed':
      return <div>{t('people.cycles.closedHint')}</div>;
  }
}

/** Where the cycle is on draft → published → open → calibrating → closed, and HR's button for the next step. */
export function CycleStatusCard({ cycle, canMove }: { cycle: AppraisalCycle; canMove: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const move = useMoveCycle(cycle.id);
  const next = nextOf[cycle.status];
  return (
    <Card size="small" title={t('people.cycles.statusTitle')} data-testid="cycle-status-card">
      <Steps
        size="small"
        current={cycleStatuses.indexOf(cycle.status)}
        items={cycleStatuses.map((s) => ({ title: t(`people.cycleStatus.${s}`) }))}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph type="secondary">
        <BeforeNext cycle={cycle} />
      </Typography.Paragraph>
      {move.error && (
        <div style={{ marginBottom: 12 }}>
          <GuardAlert error={move.error} fallback={describe(move.error)} />
        </div>
      )}
      {canMove && next && (
        <Space>
          <Popconfirm
            title={t(`people.cycles.confirm.${next}`)}
            okText={t(`people.cycles.moves.${next}`)}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': 'cycle-move-confirm' }}
            onConfirm={() =>
              move.mutate(
                { status: next, version: cycle.version },
                { onSuccess: () => void toast.success(t(`people.cycleStatus.${next}`)) },
              )
            }
          >
            <Button type="primary" loading={move.isPending} data-testid={`cycle-move-${next}`}>
              {t(`people.cycles.moves.${next}`)}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {cycle.status === 'closed' && (
        <Alert type="success" showIcon message={t('people.cycles.closedTransparency')} style={{ marginTop: 12 }} />
      )}
    </Card>
  );
}
