import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useSessions } from '../shared/api.ts';
import { pick, practiceTrainerRoles } from '../shared/types.ts';
import { NewSessionModal } from './NewSessionModal.tsx';

/** Sessions the caller trains or plays in (admin and HR: all of them). */
export default function SessionsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const sessions = useSessions();
  const [creating, setCreating] = useState(false);
  if (sessions.error) {
    return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  }
  return (
    <>
      <PageHeader
        title={t('practice.sessions')}
        description={t('practice.sessionsIntro')}
        actions={
          hasAnyRole(me.user, practiceTrainerRoles) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="session-new">
              {t('practice.newSession')}
            </Button>
          )
        }
      />
      <Table
        rowKey="id"
        loading={sessions.isPending}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        data-testid="sessions-table"
        columns={[
          {
            key: 'title',
            title: t('practice.fields.sessionTitle'),
            render: (_, s) => <Link to={`/practice/sessions/${s.id}`}>{s.title}</Link>,
          },
          { key: 'scenario', title: t('practice.scenario'), render: (_, s) => pick(s.scenario.title, i18n.language) },
          { key: 'trainer', title: t('practice.trainer'), render: (_, s) => s.trainer.displayName },
          { key: 'when', title: t('practice.scheduledAt'), render: (_, s) => format.dateTime(s.scheduledAt) },
          {
            key: 'step',
            title: t('practice.step'),
            render: (_, s) =>
              s.completedAt ? (
                <Tag color="green">{t('practice.completed')}</Tag>
              ) : (
                <Tag>{t(`practice.steps.${s.step}`)}</Tag>
              ),
          },
        ]}
      />
      <NewSessionModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
