import { useEffect, useState } from 'react';
import { Button, Tooltip } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { listKey } from '../../../components/DataTable/index.ts';
import { valueCustomersEndpoint } from './api.ts';
import type { SnapshotRun } from './types.ts';

/** Takes every customer's value snapshot now (RFM segment, class, CLV) so segments and the party page can use it. */
export function SnapshotButton() {
  const { t } = useTranslation();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api<SnapshotRun>('/api/value/snapshots', { method: 'POST', body: {} }),
    onSuccess: (run) => setRunId(run.id),
    onError: notify,
  });
  const run = useQuery({
    queryKey: ['value', 'snapshot-run', runId],
    queryFn: ({ signal }) => api<SnapshotRun>(`/api/value/snapshots/${runId ?? ''}`, { signal }),
    enabled: Boolean(runId),
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
  const data = run.data;
  const finished = data && data.id === runId && (data.status === 'done' || data.status === 'failed');
  useEffect(() => {
    if (!finished || !data) {
      return;
    }
    if (data.status === 'done') {
      void toast.success(t('value.snapshot.done', { count: data.customers ?? 0 }));
      void queryClient.invalidateQueries({ queryKey: ['segments'] });
      void queryClient.invalidateQueries({ queryKey: ['value'] });
      void queryClient.invalidateQueries({ queryKey: listKey(valueCustomersEndpoint) });
    } else {
      void toast.error(data.error ?? t('value.snapshot.failed'));
    }
  }, [finished, data, toast, t, queryClient]);
  return (
    <Tooltip title={t('value.snapshot.hint')}>
      <Button
        icon={<CameraOutlined />}
        loading={start.isPending || (Boolean(runId) && !finished)}
        onClick={() => start.mutate()}
        data-testid="value-snapshot"
      >
        {t('value.snapshot.take')}
      </Button>
    </Tooltip>
  );
}
