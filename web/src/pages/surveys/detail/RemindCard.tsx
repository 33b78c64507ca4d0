import { Alert, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Survey, SurveyReminders } from '../../../api/types.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { conflictOf } from '../shared/invitations.ts';

/**
 * Emails a fresh link to every invitee who has not answered. Anonymous surveys say nothing about who (or how many):
 * who has answered is never shown.
 */
export function RemindCard({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const remind = useMutation({
    mutationFn: () => api<SurveyReminders>(`/api/surveys/${survey.id}/reminders`, { method: 'POST', body: {} }),
  });
  const open = survey.status === 'open';
  const hint = survey.anonymous ? t('surveys.invite.remindHintAnonymous') : t('surveys.invite.remindHint');
  return (
    <Card size="small" title={t('surveys.invite.remindTitle')} data-testid="survey-remind">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{open ? hint : t('surveys.invite.remindOnlyOpen')}</Typography.Text>
        <Popconfirm
          title={t('surveys.invite.remindConfirm')}
          description={<div style={{ maxWidth: 360 }}>{hint}</div>}
          onConfirm={() => remind.mutate()}
          okText={t('surveys.invite.remind')}
          cancelText={t('common.cancel')}
          disabled={!open}
        >
          <Button icon={<BellOutlined />} disabled={!open} loading={remind.isPending} data-testid="remind-send">
            {t('surveys.invite.remind')}
          </Button>
        </Popconfirm>
        {remind.data && <RemindResult queued={remind.data.queued} />}
        {remind.error && <RemindError error={remind.error} />}
      </Space>
    </Card>
  );
}

function RemindResult({ queued }: { queued: number | null }) {
  const { t } = useTranslation();
  const message =
    queued === null
      ? t('surveys.invite.remindAnonymous')
      : queued === 0
        ? t('surveys.invite.remindNone')
        : t('surveys.invite.remindQueued', { n: queued });
  return <Alert type={queued === 0 ? 'info' : 'success'} showIcon message={message} data-testid="remind-result" />;
}

function RemindError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const reason = conflictOf(error)?.reason;
  const message =
    reason === 'MAIL_NOT_CONFIGURED'
      ? t('surveys.invite.remindNoMail')
      : reason === 'SURVEY_NOT_OPEN'
        ? t('surveys.invite.remindNotOpen')
        : describe(error);
  return <Alert type={reason ? 'warning' : 'error'} showIcon message={message} data-testid="remind-error" />;
}
