import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Rate, Space, Tag, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { validationIssues } from '../../../api/errors.ts';
import type { Case, CaseStatus, ResolveResult } from '../../../api/types.ts';
import { GRIEVANCE_ROLES } from '@tandem/server/api';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { CopyValue } from '../../../components/CopyValue/CopyValue.tsx';
import { PriorityTag, SlaBadge, StatusTag, useDurationUnits } from '../shared/labels.tsx';
import { formatBusinessMinutes } from '../shared/metrics.ts';
import { casesEndpoint, invalidateCase, useCase } from '../shared/api.ts';
import { useNow } from '../../../hooks/useNow.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { CaseHistory, Conversation } from './Conversation.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { ResolveModal } from './ResolveModal.tsx';

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
  const format = useFormat();
  const units = useDurationUnits();
  const now = useNow();
  const { user } = useMe();
  const queryClient = useQueryClient();
  const { describe } = useErrorMessage();
  const [resolving, setResolving] = useState(false);
  const [feedback, setFeedback] = useState<ResolveResult['feedback']>(null);
  const [moveError, setMoveError] = useState<{ message: string; stale: boolean } | null>(null);
  const handlerView = !(
    c.type === 'grievance' &&
    c.submitterId === user.id &&
    c.assigneeId !== user.id &&
    !hasAnyRole(user, GRIEVANCE_ROLES)
  );

  const move = useMutation({
    mutationFn: (status: CaseStatus) =>
      api<Case>(`${casesEndpoint}/${c.id}`, { method: 'PATCH', body: { status, version: c.version } }),
    onSuccess: (updated) => {
      setMoveError(null);
      queryClient.setQueryData(['cases', c.id], updated);
      invalidateCase(queryClient, updated);
    },
    onError: (error) => {
      // A move the case no longer allows (someone changed it meanwhile) answers with a status issue: reload it.
      const stale = validationIssues(error).some((i) => i.path.join('.') === 'body.status');
      setMoveError({ message: stale ? t('service.detail.staleMove') : describe(error), stale });
      if (stale) {
        invalidateCase(queryClient, c);
      }
    },
  });

  const moves = c.legalNextStatuses;
  const done = c.status === 'resolved' || c.status === 'closed';
  const actions = handlerView ? (
    <>
      {moves.map((s) => (
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
            onClose={() => setMoveError(null)}
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
          <Alert
            type="info"
            showIcon
            closable
            onClose={() => setFeedback(null)}
            message={t('service.detail.feedbackLink')}
            description={
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text>
                  {t('service.detail.feedbackLinkHint', { date: format.date(feedback.expiresAt) })}
                </Typography.Text>
                <CopyValue value={new URL(feedback.url, window.location.origin).href} data-testid="feedback-link" />
              </Space>
            }
            data-testid="feedback-link-alert"
          />
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
        <Card size="small" title={t('service.detail.facts')}>
          <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
            <Descriptions.Item label={t('service.case.party')}>
              {c.partyId ? (
                <Link to={`/parties/${c.partyId}`} data-testid="case-party-link">
                  {c.partyName ?? c.partyId}
                </Link>
              ) : c.anonymous ? (
                t('service.case.anonymous')
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('service.case.assignee')}>{c.assigneeName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('service.case.channel')}>
              {t(`service.channels.${c.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>
              {c.anonymous ? format.date(c.createdAt) : format.dateTime(c.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('service.detail.firstResponseDue')}>
              <Flex gap={6} wrap>
                {c.firstResponseDueAt ? format.dateTime(c.firstResponseDueAt) : '—'}
                {c.firstRespondedAt && (
                  <Tag color={c.firstResponseBreached ? 'red' : 'green'}>
                    {t('service.detail.answeredAfter', { time: formatBusinessMinutes(c.firstResponseMinutes, units) })}
                  </Tag>
                )}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('service.detail.resolveDue')}>
              <Flex gap={6} wrap>
                {c.resolveDueAt ? format.dateTime(c.resolveDueAt) : '—'}
                {c.resolvedAt && (
                  <Tag color={c.resolveBreached ? 'red' : 'green'}>
                    {t('service.detail.resolvedAfter', { time: formatBusinessMinutes(c.resolutionMinutes, units) })}
                  </Tag>
                )}
              </Flex>
            </Descriptions.Item>
            {c.reopenCount > 0 && (
              <Descriptions.Item label={t('service.detail.reopened')}>{c.reopenCount}</Descriptions.Item>
            )}
          </Descriptions>
          {c.description && (
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}
              data-testid="case-description"
            >
              {c.description}
            </Typography.Paragraph>
          )}
        </Card>
        {c.rootCause && (
          <Card size="small" title={t('service.detail.resolution')} data-testid="case-resolution">
            <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
              <Descriptions.Item label={t('service.case.rootCause')}>
                {t(`service.rootCauses.${c.rootCause}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('service.resolve.remedy')}>
                {c.remedy ? t(`service.remedies.${c.remedy}`) : '—'}
              </Descriptions.Item>
              {c.rootCauseDetail && (
                <Descriptions.Item label={t('service.resolve.rootCauseDetail')} span={2}>
                  {c.rootCauseDetail}
                </Descriptions.Item>
              )}
              {c.remedyDetail && (
                <Descriptions.Item label={t('service.resolve.remedyDetail')} span={2}>
                  {c.remedyDetail}
                </Descriptions.Item>
              )}
              {c.remedyCost !== null && (
                <Descriptions.Item label={t('service.resolve.remedyCost')}>
                  {format.money(c.remedyCost)}
                </Descriptions.Item>
              )}
              {c.resolvedAt && (
                <Descriptions.Item label={t('service.detail.resolvedAt')}>
                  {format.dateTime(c.resolvedAt)}
                </Descriptions.Item>
              )}
              {c.csatScore !== null && (
                <Descriptions.Item label={t('service.case.csat')} span={2}>
                  <Space data-testid="case-csat">
                    <Rate disabled value={c.csatScore} />
                    {c.csatComment && <Typography.Text type="secondary">“{c.csatComment}”</Typography.Text>}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}
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
