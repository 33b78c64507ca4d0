import { useEffect, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { invalidateClv, useClvFit, useFitClv } from '../shared/api.ts';

/** Fits the org's CLV model on the transactions up to today: inline (200) or as a job (202, polled). */
export function FitButton({ primary }: { primary?: boolean }) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const queryClient = useQueryClient();
  const fit = useFitClv();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useClvFit(jobId);
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'done') {
      invalidateClv(queryClient);
    }
  }, [status, queryClient]);
  const running = fit.isPending || status === 'queued' || status === 'running';
  const failure = fit.error ?? (status === 'failed' ? job.data?.error : null);
  return (
    <Space direction="vertical" align="end">
      <Button
        type={primary ? 'primary' : 'default'}
        icon={<ExperimentOutlined />}
        loading={running}
        onClick={() =>
          fit.mutate(
            { asOf: dayjs().format('YYYY-MM-DD'), timeUnit: 'week' },
            {
              onSuccess: (f) => {
                if (f.status === 'done') {
                  setJobId(null);
                  invalidateClv(queryClient);
                } else {
                  setJobId(f.id);
                }
              },
            },
          )
        }
        data-testid="clv-fit"
      >
        {running ? t('value.clv.fitting') : t('value.clv.fit')}
      </Button>
      {failure && (
        <Alert
          type="warning"
          showIcon
          data-testid="clv-fit-error"
          message={isApiError(failure) ? describe(failure) : t('value.clv.fitFailed')}
          description={isApiError(failure) ? failure.message : 'message' in failure ? failure.message : undefined}
        />
      )}
    </Space>
  );
}
