import { useMemo } from 'react';
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TaskList } from '../shared/TaskList/TaskList.tsx';
import { PageHeader } from '../../../layout/PageHeader.tsx';

const tabs = ['overdue', 'today', 'week'] as const;
type Due = (typeof tabs)[number];

/** `/tasks`: my open follow-ups that are overdue, due today or due this week (days counted in my time zone). */
export default function TasksPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const due: Due = tabs.find((x) => x === search.get('due')) ?? 'today';
  const tz = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', []);
  return (
    <div data-testid="tasks-page">
      <PageHeader title={t('nav.myTasks')} description={t('tasks.description')} />
      <Card size="small">
        <Tabs
          activeKey={due}
          onChange={(key) => setSearch({ due: key }, { replace: true })}
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`tasks-tab-${key}`}>{t(`tasks.tabs.${key}`)}</span>,
            children:
              key === due ? (
                <TaskList
                  params={{ assignee: 'me', due: key, status: 'open', tz }}
                  showParty
                  emptyText={t(`tasks.empty.${key}`)}
                />
              ) : null,
          }))}
        />
      </Card>
    </div>
  );
}
