import { Button, Popconfirm, Tooltip } from 'antd';
import { PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Survey, SurveyStatus } from '../../../api/types.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { invalidateSurveys, surveyKey } from '../shared/api.ts';

/** "Open" a draft or "Close" an open survey, after a confirmation; not while the builder has unsaved edits. */
export function StatusAction({
  survey,
  next,
  dirty,
  onRefused,
}: {
  survey: Survey;
  next: SurveyStatus;
  dirty: boolean;
  /** The server refused the move (a stale version, say): reload the survey. */
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (status: SurveyStatus) =>
      api<Survey>(`/api/surveys/${survey.id}`, { method: 'PATCH', body: { status, version: survey.version } }),
    onSuccess: (s) => {
      queryClient.setQueryData(surveyKey(s.id), s);
      invalidateSurveys(queryClient, s.id);
      void toast.success(t(`surveys.moved.${s.status}`));
    },
    onError: (error) => {
      notify(error);
      onRefused();
    },
  });
  return (
    <Popconfirm
      title={t(`surveys.confirm.${next}`)}
      description={t(`surveys.confirm.${next}Hint`)}
      onConfirm={() => move.mutate(next)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'survey-status-confirm' }}
    >
      <Tooltip title={dirty ? t('surveys.builder.saveFirst') : undefined}>
        <Button
          type={next === 'open' ? 'primary' : 'default'}
          danger={next === 'closed'}
          icon={next === 'open' ? <PlayCircleOutlined /> : <StopOutlined />}
          loading={move.isPending}
          disabled={dirty}
          data-testid={`survey-${next === 'open' ? 'open' : 'close'}`}
        >
          {t(`surveys.actions.${next}`)}
        </Button>
      </Tooltip>
    </Popconfirm>
  );
}
