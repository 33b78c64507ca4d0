import { useState } from 'react';
import { Alert, Form, Modal, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Page, Party } from '../../../api/types.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { useAssignBackups } from '../shared/api.ts';
import type { KeyPersonOwner } from '../shared/types.ts';

/** The owner's customers (the first 500, the most a bulk assignment takes). */
function useOwnerCustomers(ownerId: string) {
  return useQuery({
    queryKey: ['parties', 'owned', ownerId],
    queryFn: ({ signal }) =>
      api<Page<Party>>('/api/parties', {
        query: { ownerId, role: 'customer', limit: 500, sort: 'displayName' },
        signal,
      }),
  });
}

/**
 * Bulk backup owners for one owner's customers: pick customers, pick the backup, confirm. The server applies all or
 * nothing (audited) and the risk table refetches, so the owner's exposure drops where revenue gained a backup.
 */
export function BackupModal({ owner, onClose }: { owner: KeyPersonOwner; onClose: () => void }) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const customers = useOwnerCustomers(owner.userId);
  const assign = useAssignBackups();
  const [selected, setSelected] = useState<string[]>([]);
  const [backup, setBackup] = useState<string | null>(null);
  const done = assign.data;
  return (
    <Modal
      open
      width={720}
      title={t('insight.keyPerson.backupsTitle', { name: owner.name })}
      onCancel={onClose}
      okText={done ? t('insight.close') : t('insight.keyPerson.assign', { count: selected.length })}
      okButtonProps={{ disabled: !done && (!backup || selected.length === 0), 'data-testid': 'backups-confirm' }}
      confirmLoading={assign.isPending}
      onOk={() => (done ? onClose() : assign.mutate(selected.map((partyId) => ({ partyId, backupOwnerId: backup }))))}
      destroyOnHidden
    >
      {done ? (
        <Alert
          type="success"
          showIcon
          message={t('insight.keyPerson.backupsDone', { changed: done.changed, unchanged: done.unchanged })}
          data-testid="backups-result"
        />
      ) : (
        <>
          <Form layout="vertical">
            <Form.Item label={t('insight.keyPerson.backupOwner')} required>
              <UserSelect value={backup} onChange={setBackup} data-testid="backups-user" />
            </Form.Item>
          </Form>
          {assign.isError && (
            <Alert
              type="error"
              showIcon
              message={describe(assign.error)}
              style={{ marginBottom: 12 }}
              data-testid="backups-error"
            />
          )}
          <Typography.Paragraph type="secondary">{t('insight.keyPerson.backupsHint')}</Typography.Paragraph>
          <Table<Party>
            size="small"
            rowKey="id"
            loading={customers.isLoading}
            dataSource={customers.data?.items ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            columns={[
              { key: 'name', title: t('insight.keyPerson.customer'), render: (_, p) => p.displayName },
              {
                key: 'backup',
                title: t('insight.keyPerson.currentBackup'),
                render: (_, p) => (p.backupOwnerId ? <UserName id={p.backupOwnerId} /> : '—'),
              },
            ]}
            data-testid="backups-customers"
          />
        </>
      )}
    </Modal>
  );
}
