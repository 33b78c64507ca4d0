import { Flex, Tag, Timeline, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../../api/types.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { useCaseEvents } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { LongText } from '../../../components/LongText/LongText.tsx';

const isMessage = (e: CaseEvent) => e.kind === 'reply' || e.kind === 'follow_up';

/** Public replies, the submitter's messages and internal notes, oldest first; notes look like notes. */
export function Conversation({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useCaseEvents(caseId);
  if (events.isPending) {
    return <PageLoading minHeight={120} />;
  }
  if (events.isError) {
    return <QueryError error={events.error} onRetry={() => void events.refetch()} />;
  }
  const messages = events.data.items.filter(isMessage).sort((a, b) => a.at.localeCompare(b.at));
  if (messages.length === 0) {
    return <EmptyState description={t('service.detail.noMessages')} />;
  }
  return (
    <Flex vertical gap={10} data-testid="conversation" style={{ marginBottom: 16 }}>
      {messages.map((e) => {
        const internal = e.visibility === 'internal';
        const fromSubmitter = e.kind === 'follow_up';
        return (
          <div
            key={e.id}
            data-testid={internal ? 'message-internal' : 'message-public'}
            style={{
              border: `1px ${internal ? 'dashed #d4b106' : 'solid #d9d9d9'}`,
              background: internal ? '#fffbe6' : fromSubmitter ? '#f6ffed' : '#fff',
              borderRadius: 8,
              padding: '8px 12px',
              marginLeft: fromSubmitter ? 0 : 24,
              marginRight: fromSubmitter ? 24 : 0,
            }}
          >
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>
                {fromSubmitter
                  ? (e.actorName ?? t('service.detail.submitter'))
                  : (e.actorName ?? t('audit.actorTypes.system'))}
              </Typography.Text>
              <Flex gap={6} align="center">
                {internal ? (
                  <Tag icon={<LockOutlined />} color="gold">
                    {t('service.reply.internal')}
                  </Tag>
                ) : (
                  <Tag color={fromSubmitter ? 'green' : 'blue'}>
                    {fromSubmitter ? t('service.detail.fromSubmitter') : t('service.reply.public')}
                  </Tag>
                )}
                <Typography.Text type="secondary">{format.dateTime(e.at)}</Typography.Text>
              </Flex>
            </Flex>
            {e.body && <LongText text={e.body} lines={6} style={{ marginTop: 6 }} />}
          </div>
        );
      })}
    </Flex>
  );
}

/** Everything else that happened to the case: status moves, assignment, priority, resolution, satisfaction. */
export function CaseHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useCaseEvents(caseId);
  if (events.isPending) {
    return <PageLoading minHeight={120} />;
  }
  if (events.isError) {
    return <QueryError error={events.error} onRetry={() => void events.refetch()} />;
  }
  const history = events.data.items.filter((e) => !isMessage(e)).sort((a, b) => b.at.localeCompare(a.at));
  const text = (e: CaseEvent): string => {
    const data = e.data ?? {};
    switch (e.kind) {
      case 'status':
        return t('service.history.status', {
          from: e.fromStatus ? t(`service.statuses.${e.fromStatus}`) : '—',
          to: e.toStatus ? t(`service.statuses.${e.toStatus}`) : '—',
        });
      case 'resolution':
        return t('service.history.resolution', {
          rootCause: t(`service.rootCauses.${String(data.rootCause)}`),
          remedy: t(`service.remedies.${String(data.remedy)}`),
        });
      case 'priority':
        return t('service.history.priority', {
          from: t(`service.priorities.${String(data.from)}`),
          to: t(`service.priorities.${String(data.to)}`),
        });
      case 'csat':
        return t('service.history.csat', { score: String(data.score) });
      case 'created':
      case 'assignment':
      case 'reply':
      case 'follow_up':
        return t(`service.history.${e.kind}`);
    }
  };
  return (
    <Timeline
      data-testid="case-history"
      items={history.map((e) => ({
        key: e.id,
        children: (
          <>
            <Typography.Text>{text(e)}</Typography.Text>
            {e.kind === 'csat' && e.body && (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                “{e.body}”
              </Typography.Paragraph>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[e.actorName, format.dateTime(e.at)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          </>
        ),
      }))}
    />
  );
}
