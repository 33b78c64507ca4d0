import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Tag } from 'antd';
import {
  CheckSquareOutlined,
  CustomerServiceOutlined,
  DeleteOutlined,
  EditOutlined,
  PhoneOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Party } from '../../../api/types.ts';
import { caseStaffRoles } from '@tandem/server/api';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { InteractionModal } from './InteractionModal.tsx';
import { PartyRoleTags } from '../shared/labels.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { TaskList } from '../shared/TaskList/TaskList.tsx';
import { TaskModal } from './TaskModal.tsx';
import { invalidateParties, useParty } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { CreateCaseModal } from '../../cases/shared/CreateCaseModal/CreateCaseModal.tsx';
import { DuplicatesBanner, MergedAwayBanner } from './DuplicatesBanner.tsx';
import { EditPartyModal } from './EditPartyModal.tsx';
import { PartyRoles } from './PartyRoles.tsx';
import { PartyTimeline } from './PartyTimeline.tsx';
import { ProfileCard } from './ProfileCard.tsx';

type Dialog = 'interaction' | 'task' | 'case' | 'edit' | null;

/** `/parties/:id`: the party's profile, roles, tasks and timeline, with the everyday actions. */
export default function PartyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const party = useParty(id);
  const { user } = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);

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

  if (party.isPending) {
    return <PageLoading />;
  }
  if (party.error) {
    return <QueryError error={party.error} onRetry={() => void party.refetch()} fullPage />;
  }
  const p = party.data;
  const full = p.access === 'full';
  const editable = full && !p.mergedIntoId && !p.deletedAt;
  // Service staff open a case (e.g. a complaint) about the party; it lands on the timeline below.
  const opensCases = editable && hasAnyRole(user, caseStaffRoles);

  const actions = editable ? (
    <>
      <Button
        type="primary"
        icon={<PhoneOutlined />}
        onClick={() => setDialog('interaction')}
        data-testid="add-interaction"
      >
        {t('interactions.log')}
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setDialog('task')} data-testid="add-task">
        {t('tasks.add')}
      </Button>
      {opensCases && (
        <Button icon={<CustomerServiceOutlined />} onClick={() => setDialog('case')} data-testid="party-new-case">
          {t('service.cases.create')}
        </Button>
      )}
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="party-edit">
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('parties.deleteConfirm', { name: p.displayName })}
        onConfirm={() => restoreOrDelete.mutate(p)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
      </Popconfirm>
    </>
  ) : p.deletedAt && full ? (
    <Button onClick={() => restoreOrDelete.mutate(p)} loading={restoreOrDelete.isPending}>
      {t('parties.restore')}
    </Button>
  ) : null;

  return (
    <DetailLayout
      back={{ to: '/parties', label: t('nav.partyList') }}
      title={<span data-testid="party-title">{p.displayName}</span>}
      subtitle={t(`parties.kinds.${p.kind}`)}
      tags={
        <>
          <PartyRoleTags roles={p.roles} />
          {p.access === 'directory' && <Tag>{t('parties.directory')}</Tag>}
        </>
      }
      actions={actions}
      timelineTitle={t('parties.timeline')}
      timeline={full ? <PartyTimeline partyId={p.id} /> : undefined}
    >
      {p.deletedAt && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('parties.inBin', { date: format.dateTime(p.deletedAt) })}
        />
      )}
      {p.access === 'directory' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('parties.directoryHint')} />
      )}
      <MergedAwayBanner party={p} />
      {editable && <DuplicatesBanner party={p} />}
      <Card title={t('parties.contacts')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'emails', label: t('parties.emails'), children: p.emails.join(', ') || '—' },
            { key: 'phones', label: t('parties.phones'), children: p.phones.join(', ') || '—' },
            ...(full
              ? [
                  { key: 'owner', label: t('parties.owner'), children: <UserName id={p.ownerId} /> },
                  { key: 'backup', label: t('parties.backupOwner'), children: <UserName id={p.backupOwnerId} /> },
                  {
                    key: 'tags',
                    label: t('parties.tags'),
                    children: (p.tags ?? []).length ? (
                      <Space size={4} wrap>
                        {(p.tags ?? []).map((tag) => (
                          <Tag key={tag}>{tag}</Tag>
                        ))}
                      </Space>
                    ) : (
                      '—'
                    ),
                  },
                  ...(p.birthday
                    ? [{ key: 'birthday', label: t('parties.birthday'), children: format.date(p.birthday) }]
                    : []),
                  { key: 'updated', label: t('common.updatedAt'), children: format.dateTime(p.updatedAt) },
                ]
              : []),
          ]}
        />
      </Card>
      <PartyRoles party={p} />
      {full && <ProfileCard party={p} editable={editable} />}
      {full && (
        <Card
          title={
            <Space>
              <CheckSquareOutlined />
              {t('tasks.openTasks')}
            </Space>
          }
          size="small"
          data-testid="party-tasks"
        >
          <TaskList params={{ partyId: p.id, status: 'open' }} emptyText={t('tasks.noneOpen')} />
        </Card>
      )}
      {editable && (
        <>
          <InteractionModal partyId={p.id} open={dialog === 'interaction'} onClose={() => setDialog(null)} />
          <TaskModal partyId={p.id} open={dialog === 'task'} onClose={() => setDialog(null)} />
          {opensCases && (
            <CreateCaseModal
              partyId={p.id}
              open={dialog === 'case'}
              onClose={() => setDialog(null)}
              onCreated={() => setDialog(null)}
            />
          )}
          <EditPartyModal
            party={p}
            refreshing={party.isFetching}
            open={dialog === 'edit'}
            onClose={() => setDialog(null)}
            onConflict={() => void party.refetch()}
          />
        </>
      )}
    </DetailLayout>
  );
}
