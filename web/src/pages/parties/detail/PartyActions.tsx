import { Button, Popconfirm } from 'antd';
import { CustomerServiceOutlined, DeleteOutlined, EditOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Party } from '../../../api/types.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { invalidateParties } from '../shared/api.ts';

export type PartyDialog = 'interaction' | 'task' | 'case' | 'edit';

interface Props {
  party: Party;
  /** Full access, not merged away, not in the bin. */
  editable: boolean;
  /** Service staff open cases about the party. */
  opensCases: boolean;
  onOpen: (dialog: PartyDialog) => void;
}

/** The everyday actions on a party (log, task, case, edit, delete to the bin), or "Restore" for one in the bin. */
export function PartyActions({ party: p, editable, opensCases, onOpen }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const restoreOrDelete = useMutation({
    mutationFn: (p: Party) =>
      p.deletedAt
        ? api<Party>(`/api/parties/${p.id}/restore`, { method: 'POST' })
        : api(`/api/parties/${p.id}`, { method: 'DELETE' }),
    onSuccess: (_r, p) => {
      void toast.success(p.deletedAt ? t('parties.restored') : t('parties.deleted'));
      invalidateParties(queryClient, p.id);
    },
    onError: notify,
  });

  const onDeleteOrRestore = () => restoreOrDelete.mutate(p);
  return editable ? (
    <>
      <Button
        type="primary"
        icon={<PhoneOutlined />}
        onClick={() => onOpen('interaction')}
        data-testid="add-interaction"
      >
        {t('interactions.log')}
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => onOpen('task')} data-testid="add-task">
        {t('tasks.add')}
      </Button>
      {opensCases && (
        <Button icon={<CustomerServiceOutlined />} onClick={() => onOpen('case')} data-testid="party-new-case">
          {t('service.cases.create')}
        </Button>
      )}
      <Button icon={<EditOutlined />} onClick={() => onOpen('edit')} data-testid="party-edit">
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('parties.deleteConfirm', { name: p.displayName })}
        onConfirm={onDeleteOrRestore}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
      </Popconfirm>
    </>
  ) : p.deletedAt && p.access === 'full' ? (
    <Button onClick={onDeleteOrRestore} loading={restoreOrDelete.isPending}>
      {t('parties.restore')}
    </Button>
  ) : null;
}
