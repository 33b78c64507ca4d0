import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Timeline, type TimelineEntry } from '../../../components/Timeline/Timeline.tsx';
import { actionLabel } from '../shared/auditLabels.ts';
import { changedKeys } from '../shared/history.ts';
import { useEntityHistory } from '../shared/useEntityHistory.ts';

const colors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  login: 'gray',
  login_failed: 'red',
  revoke: 'red',
};

/** The user's change history (from the audit log) for the timeline pane. */
export function UserHistory({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const history = useEntityHistory('user', userId);
  const entries: TimelineEntry[] = (history.data?.pages ?? []).flatMap((p) =>
    p.items.map((e) => {
      const changed = changedKeys(e.before, e.after);
      return {
        id: e.id,
        at: e.at,
        color: colors[e.action] ?? 'blue',
        title: (
          <span>
            <Typography.Text strong>{actionLabel(e.action, t, i18n)}</Typography.Text>
            {' · '}
            {e.actorName ?? t(`audit.actorTypes.${e.actorType}`)}
          </span>
        ),
        description:
          e.action === 'update' && changed.length > 0 ? (
            <Typography.Text type="secondary">{t('audit.changed', { fields: changed.join(', ') })}</Typography.Text>
          ) : undefined,
      };
    }),
  );
  return (
    <>
      <Timeline
        items={entries}
        loading={history.isPending}
        error={history.error}
        onRetry={() => void history.refetch()}
        hasMore={history.hasNextPage}
        loadingMore={history.isFetchingNextPage}
        onLoadMore={() => void history.fetchNextPage()}
      />
      <Link to={`/settings/audit?entityType=user&entityId=${userId}`}>{t('audit.viewAll')}</Link>
    </>
  );
}
