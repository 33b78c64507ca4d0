import type { ReactNode } from 'react';
import { Button, Timeline as AntTimeline, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { QueryError } from '../feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../feedback/states.tsx';
import { LongText } from '../LongText/LongText.tsx';

export interface TimelineEntry {
  id: string;
  at: string;
  title: ReactNode;
  description?: ReactNode;
  /** antd colour name or CSS colour of the dot. */
  color?: string;
  icon?: ReactNode;
}

interface TimelineProps {
  items: TimelineEntry[];
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
}

/** Newest-first history of a record (interactions, changes), with "load more" for older entries. */
export function Timeline({ items, loading, error, onRetry, hasMore, loadingMore, onLoadMore }: TimelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (loading) {
    return <PageLoading minHeight={160} />;
  }
  if (error) {
    return <QueryError error={error} onRetry={onRetry} />;
  }
  if (items.length === 0) {
    return <EmptyState description={t('timeline.empty')} />;
  }
  return (
    <div data-testid="timeline">
      <AntTimeline
        style={{ marginTop: 8 }}
        items={items.map((item) => ({
          key: item.id,
          color: item.color,
          dot: item.icon,
          children: (
            <div>
              <div>{item.title}</div>
              {typeof item.description === 'string' ? (
                <LongText text={item.description} style={{ marginTop: 2 }} />
              ) : (
                item.description && <div style={{ marginTop: 2 }}>{item.description}</div>
              )}
              <Tooltip title={format.dateTime(item.at)}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <time dateTime={item.at}>{format.relative(item.at)}</time>
                </Typography.Text>
              </Tooltip>
            </div>
          ),
        }))}
      />
      {hasMore && onLoadMore && (
        <Button block onClick={onLoadMore} loading={loadingMore}>
          {t('timeline.loadMore')}
        </Button>
      )}
    </div>
  );
}
