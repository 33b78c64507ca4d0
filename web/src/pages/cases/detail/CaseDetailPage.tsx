import { useState } from 'react';
import { Alert, Button, Card, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { GRIEVANCE_ROLES } from '@tandem/server/api';
import type { Case, ResolveResult } from '../../../api/types.ts';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useNow } from '../../../hooks/useNow.ts';
import { useCase } from '../shared/api.ts';
import { PriorityTag, SlaBadge, StatusTag } from '../shared/labels.tsx';
import { CaseFacts, CaseResolution } from './CaseFacts.tsx';
import { CaseHistory, Conversation } from './Conversation.tsx';
import { FeedbackLinkAlert } from './FeedbackLinkAlert.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { ResolveModal } from './ResolveModal.tsx';
import { useCaseMove } from './useCaseMove.ts';

/** `/service/cases/:id`: one case with its SLA, conversation, notes, status moves and resolution. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.isError) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} fullPage />;
  }
  return <CaseView c={query.data} />;
}

function CaseView({ c }: { c: Case }) {
  const { t } = useTranslation();
  const now = useNow();
  const { user } = useMe();
  const [resolving, setResolving] = useState(false);
  const [feedback, setFeedback] = useState<ResolveResult['feedback']>(null);
  const { move, error: moveError, clearError } = useCaseMove(c);
  // A named submitter reads their own grievance like a follow-up page: no moves, no internal notes.
  const handlerView = !(
    c.type === 'grievance' &&
    c.submitterId === user.id &&
    c.assigneeId !== user.id &&
    !hasAnyRole(user, GRIEVANCE_ROLES)
  );
  const done = c.status === 'resolved' || c.status === 'closed';
  const actions = handlerView ? (
    <>
      {c.legalNextStatuses.map((s) => (
        <Button
          key={s}
          icon={s === 'open' && done ? <RollbackOutlined /> : undefined}
          onClick={() => move.mutate(s)}
          loading={move.isPending && move.variables === s}
          data-testid={`case-move-${s}`}
        >
          {s === 'open' && done ? t('service.detail.reopen') : t(`service.detail.moveTo.${s}`)}
        </Button>
      ))}
      {!done && (
        <Button type="primary" icon={<CheckOutlined />} onClick={() => setResolving(true)} data-testid="case-resolve">
          {t('service.detail.resolve')}
        </Button>
      )}
    </>
  ) : null;

  return (
    <DetailLayout
      title={<span data-testid="case-title">{c.subject}</span>}
      subtitle={t(`service.types.${c.type}`)}
      tags={
        <>
          <StatusTag status={c.status} />
          <PriorityTag priority={c.priority} />
          <SlaBadge c={c} now={now} />
        </>
      }
      actions={actions}
      back={handlerView ? { to: '/service/cases', label: t('nav.serviceCases') } : undefined}
      timelineTitle={t('service.detail.history')}
      timeline={<CaseHistory caseId={c.id} />}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {moveError && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={clearError}
            message={moveError.message}
            description={
              moveError.stale
                ? t('service.detail.legalMoves', {
                    list:
                      c.legalNextStatuses.map((s) => t(`service.statuses.${s}`)).join(t('common.listSeparator')) || '—',
                  })
                : undefined
            }
            data-testid="case-move-error"
          />
        )}
        {feedback?.url && (
          <FeedbackLinkAlert url={feedback.url} expiresAt={feedback.expiresAt} onClose={() => setFeedback(null)} />
        )}
        {feedback?.emailed && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setFeedback(null)}
            message={t('service.detail.feedbackEmailed')}
          />
        )}
        <CaseFacts c={c} />
        {c.rootCause && <CaseResolution c={c} />}
        <Card size="small" title={t('service.detail.conversation')}>
          <Conversation caseId={c.id} />
          <ReplyBox c={c} handlerView={handlerView} />
        </Card>
      </Space>
      <ResolveModal
        c={c}
        open={resolving}
        onClose={() => setResolving(false)}
        onResolved={(r) => {
          setResolving(false);
          setFeedback(r.feedback);
        }}
      />
    </DetailLayout>
  );
}
