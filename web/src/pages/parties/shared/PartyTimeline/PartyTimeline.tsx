import { Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  HeartOutlined,
  MessageOutlined,
  NodeIndexOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import type { Page, PartyHistoryEntry, TimelineItem } from '../../../../api/types.ts';
import { Timeline, type TimelineEntry } from '../../../../components/Timeline/Timeline.tsx';
import { useFormat } from '../../../../i18n/useFormat.ts';

/** A history value in words: stage and level names are translated, owners stay ids (shown by name elsewhere). */
function valueLabel(h: PartyHistoryEntry, v: string | null, t: TFunction): string {
  if (v === null) {
    return '—';
  }
  switch (h.field) {
    case 'stage':
      return t(`parties.stages.${v}`, { defaultValue: v });
    case 'level':
    case 'target_level':
      return t(`parties.levels.${v}`, { defaultValue: v });
    case 'phase':
      return t(`parties.phases.${v}`, { defaultValue: v });
    case 'role':
      return t(`parties.roles.${v}`, { defaultValue: v });
    case 'owner':
    case 'backup_owner':
      return '';
  }
}

function toEntry(item: TimelineItem, t: TFunction, dateTime: (v: string) => string): TimelineEntry {
  switch (item.type) {
    case 'interaction': {
      const i = item.interaction;
      return {
        id: item.id,
        at: item.at,
        color: 'blue',
        icon: <MessageOutlined />,
        title: (
          <span data-testid="timeline-interaction">
            <Tag>{t(`interactions.channels.${i.channel}`)}</Tag>
            <Typography.Text strong>{i.subject}</Typography.Text>
          </span>
        ),
        description: [i.body, i.outcome].filter(Boolean).join(' — ') || undefined,
      };
    }
    case 'task': {
      const k = item.task;
      return {
        id: item.id,
        at: item.at,
        color: k.status === 'done' ? 'green' : k.overdue ? 'red' : 'orange',
        icon: <CheckCircleOutlined />,
        title: (
          <span data-testid="timeline-task">
            <Tag>{t(`tasks.kinds.${k.kind}`, { defaultValue: k.kind })}</Tag>
            <Typography.Text strong delete={k.status === 'cancelled'}>
              {k.title}
            </Typography.Text>{' '}
            <Tag color={k.status === 'done' ? 'green' : 'default'}>{t(`tasks.statuses.${k.status}`)}</Tag>
          </span>
        ),
        description: <Typography.Text type="secondary">{t('tasks.due', { date: dateTime(k.dueAt) })}</Typography.Text>,
      };
    }
    case 'history': {
      const h = item.history;
      const from = valueLabel(h, h.from, t);
      const to = valueLabel(h, h.to, t);
      const change = h.field === 'owner' || h.field === 'backup_owner' ? '' : ` ${from} → ${to}`;
      return {
        id: item.id,
        at: item.at,
        color: 'purple',
        icon: <SwapOutlined />,
        title: (
          <span data-testid="timeline-history">
            {h.role && <Tag>{t(`parties.roles.${h.role}`)}</Tag>}
            {t(`parties.historyFields.${h.field}`)}
            {change}
          </span>
        ),
        description: (
          <Typography.Text type="secondary">
            {[h.reason && t('parties.because', { reason: h.reason }), h.actorName].filter(Boolean).join(' · ')}
          </Typography.Text>
        ),
      };
    }
    case 'care':
      return {
        id: item.id,
        at: item.at,
        color: 'magenta',
        icon: <HeartOutlined />,
        title: <Typography.Text strong>{t('parties.careNote')}</Typography.Text>,
        description: item.care.note,
      };
    case 'event': {
      // Contributed by another module (cases, transactions, survey answers): the kind names the event
      // (`timelineEvents.<source>.<event>`, interpolated with its data); the title is the record's own words.
      const e = item.event;
      const label = t(`timelineEvents.${e.kind}`, { ...e.data, defaultValue: e.kind });
      return {
        id: item.id,
        at: item.at,
        color: 'cyan',
        icon: <NodeIndexOutlined />,
        title: (
          <span data-testid={`timeline-${e.source}`}>
            <Tag>{label}</Tag>
            {e.href ? (
              <Link to={e.href}>
                <Typography.Text strong>{e.title}</Typography.Text>
              </Link>
            ) : (
              <Typography.Text strong>{e.title}</Typography.Text>
            )}
          </span>
        ),
        description: e.detail ?? undefined,
      };
    }
  }
}

/** Interactions, tasks, stage changes and care notes of a party, newest first, 20 at a time. */
export function PartyTimeline({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useInfiniteQuery({
    queryKey: ['party-timeline', partyId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TimelineItem>>(`/api/parties/${partyId}/timeline`, { query: { limit: 20, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = (timeline.data?.pages ?? []).flatMap((p) => p.items.map((i) => toEntry(i, t, format.dateTime)));
  return (
    <Timeline
      items={entries}
      loading={timeline.isPending}
      error={timeline.error}
      onRetry={() => void timeline.refetch()}
      hasMore={timeline.hasNextPage}
      loadingMore={timeline.isFetchingNextPage}
      onLoadMore={() => void timeline.fetchNextPage()}
    />
  );
}
