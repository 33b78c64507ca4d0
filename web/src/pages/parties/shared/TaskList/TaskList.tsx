import { Button, Checkbox, List, Space, Tag, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import type { QueryParams } from '../../../../api/query.ts';
import type { Page, Task } from '../../../../api/types.ts';
import { invalidateParties, tasksKey } from '../api.ts';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { QueryError } from '../../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../../components/feedback/toast.tsx';
import { PartyLink } from '../labels.tsx';

interface Props {
  params: QueryParams;
  /** Link each task to its party (My tasks); not needed on the party's own page. */
  showParty?: boolean;
  emptyText?: string;
}

/** Tasks from `GET /api/tasks` (by due date, 20 at a time) with a "done" checkbox. */
export function TaskList({ params, showParty, emptyText }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const tasks = useInfiniteQuery({
    queryKey: [...tasksKey, params],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<Task>>('/api/tasks', { query: { ...params, limit: 20, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const complete = useMutation({
    mutationFn: (task: Task) =>
      api<Task>(`/api/tasks/${task.id}`, {
        method: 'PATCH',
        body: { status: task.status === 'done' ? 'open' : 'done', version: task.version },
      }),
    onSuccess: (task) => {
      void toast.success(
        task.status === 'done'
          ? t('tasks.doneToast', { title: task.title })
          : t('tasks.reopened', { title: task.title }),
      );
      invalidateParties(queryClient, task.partyId ?? undefined);
    },
    onError: (e) => {
      notify(e);
      void queryClient.invalidateQueries({ queryKey: tasksKey });
    },
  });
  if (tasks.isPending) {
    return <PageLoading minHeight={120} />;
  }
  if (tasks.error) {
    return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  }
  const items = tasks.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return <EmptyState description={emptyText ?? t('tasks.none')} />;
  }
  return (
    <>
      <List
        size="small"
        dataSource={items}
        data-testid="task-list"
        renderItem={(task) => (
          <List.Item data-testid="task-item">
            <Space align="start">
              <Checkbox
                checked={task.status === 'done'}
                disabled={complete.isPending || task.status === 'cancelled'}
                onChange={() => complete.mutate(task)}
                aria-label={t('tasks.markDone', { title: task.title })}
                data-testid="task-done"
              />
              <div>
                <Typography.Text strong delete={task.status !== 'open'}>
                  {task.title}
                </Typography.Text>{' '}
                <Tag>{t(`tasks.kinds.${task.kind}`, { defaultValue: task.kind })}</Tag>
                {task.overdue && <Tag color="red">{t('tasks.overdue')}</Tag>}
                <div>
                  <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
                    {t('tasks.due', { date: format.dateTime(task.dueAt) })}
                  </Typography.Text>
                  {showParty && task.partyId && task.partyName && (
                    <>
                      {' · '}
                      <PartyLink id={task.partyId} name={task.partyName} />
                    </>
                  )}
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
      {tasks.hasNextPage && (
        <Button block onClick={() => void tasks.fetchNextPage()} loading={tasks.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
