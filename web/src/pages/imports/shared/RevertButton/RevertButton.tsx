import { Button, Popconfirm, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../api/types.ts';
import { listKey } from '../../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../../components/feedback/toast.tsx';
import { importKey, importsEndpoint, revertImport } from '../api.ts';
import { invalidateParties } from '../../../parties/shared/api.ts';

/** Whether an import can be undone: it wrote something and has finished. */
export const revertible = (job: Pick<ImportJob, 'status' | 'dryRun'>): boolean =>
  !job.dryRun && (job.status === 'completed' || job.status === 'failed');

/** "Revert" with a confirmation that says what it does (created records go, updated ones are restored). */
export function RevertButton({ job, size }: { job: ImportJob; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const revert = useMutation({
    mutationFn: () => revertImport(job.id),
    onSuccess: (out) => {
      queryClient.setQueryData(importKey(job.id), out.job);
      void queryClient.invalidateQueries({ queryKey: listKey(importsEndpoint) });
      invalidateParties(queryClient);
      void toast.success(t('imports.revert.done', { removed: out.removed, restored: out.restored }));
    },
    onError: notify,
  });
  if (!revertible(job)) {
    return null;
  }
  return (
    <Popconfirm
      title={t('imports.revert.title')}
      description={
        <Typography.Paragraph style={{ maxWidth: 340, margin: 0 }}>{t('imports.revert.explain')}</Typography.Paragraph>
      }
      okText={t('imports.revert.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: revert.isPending, 'data-testid': 'import-revert-confirm' }}
      onConfirm={() => {
        revert.mutate();
      }}
    >
      <Button
        danger
        size={size}
        icon={<UndoOutlined />}
        loading={revert.isPending}
        data-testid="import-revert"
        onClick={(e) => e.stopPropagation()}
      >
        {t('imports.revert.action')}
      </Button>
    </Popconfirm>
  );
}
