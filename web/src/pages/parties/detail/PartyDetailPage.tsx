import { useState } from 'react';
import { Alert, Card, Space, Tag } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { caseStaffRoles } from '@tandem/server/api';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { InteractionModal } from './InteractionModal.tsx';
import { PartyRoleTags } from '../shared/labels.tsx';
import { TaskList } from '../shared/TaskList/TaskList.tsx';
import { TaskModal } from './TaskModal.tsx';
import { useParty } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { CreateCaseModal } from '../../cases/shared/CreateCaseModal/CreateCaseModal.tsx';
import { TierTags } from '../../value/shared/TierTags.tsx';
import { ConsentCard } from '../../care/shared/ConsentCard.tsx';
import { SuggestionsCard } from '../../value/shared/SuggestionsCard.tsx';
import { WalletCard } from '../../value/shared/WalletCard.tsx';
import { DuplicatesBanner, MergedAwayBanner } from './DuplicatesBanner.tsx';
import { EditPartyModal } from './EditPartyModal.tsx';
import { ContactsCard } from './ContactsCard.tsx';
import { PartyActions, type PartyDialog } from './PartyActions.tsx';
import { PartyLinksCard } from './PartyLinksCard.tsx';
import { PartyRoles } from './PartyRoles.tsx';
import { PartyTimeline } from '../shared/PartyTimeline/PartyTimeline.tsx';
import { ProfileCard } from './ProfileCard.tsx';

/** `/parties/:id`: the party's profile, roles, tasks and timeline, with the everyday actions. */
export default function PartyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const party = useParty(id);
  const { user } = useMe();
  const [dialog, setDialog] = useState<PartyDialog | null>(null);

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

  const actions =
    editable || (p.deletedAt && full) ? (
      <PartyActions party={p} editable={editable} opensCases={opensCases} onOpen={setDialog} />
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
          {full && <TierTags partyId={p.id} />}
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
      <ContactsCard party={p} />
      <PartyRoles party={p} />
      {full && <PartyLinksCard partyId={p.id} editable={editable} />}
      {full && <ProfileCard party={p} editable={editable} />}
      {full && <ConsentCard partyId={p.id} editable={editable} />}
      {full && <WalletCard partyId={p.id} editable={editable} />}
      {full && <SuggestionsCard partyId={p.id} />}
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
