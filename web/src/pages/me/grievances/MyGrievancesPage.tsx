import { Button, Card, Empty, List, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { StatusTag } from '../../cases/shared/labels.tsx';
import { useMyGrievances } from '../shared/api.ts';

/**
 * `/me/grievances`: the grievances the user filed by name, newest first, each opening its thread. Anonymous ones are
 * not here (nothing links them to the user): they are followed up at /grievance with their code.
 */
export default function MyGrievancesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useMyGrievances();
  let body;
  if (list.isPending) {
    body = <PageLoading minHeight={200} />;
  } else if (list.error) {
    body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  } else if (!list.data.items.length) {
    body = (
      <Card>
        <Empty description={t('me.grievances.empty')} data-testid="my-grievances-empty" />
      </Card>
    );
  } else {
    body = (
      <Card styles={{ body: { padding: 0 } }}>
        <List
          dataSource={list.data.items}
          rowKey="id"
          data-testid="my-grievances"
          renderItem={(g) => (
            <List.Item
              style={{ padding: '12px 16px' }}
              data-testid={`my-grievance-${g.id}`}
              actions={[<StatusTag key="status" status={g.status} />]}
            >
              <List.Item.Meta
                title={
                  <Link to={`/service/cases/${g.id}`} data-testid="my-grievance-open">
                    {g.subject}
                  </Link>
                }
                description={t('me.grievances.dates', {
                  filed: format.date(g.createdAt),
                  last: format.dateTime(g.lastActivityAt),
                })}
              />
            </List.Item>
          )}
        />
      </Card>
    );
  }
  return (
    <div data-testid="my-grievances-page">
      <PageHeader
        title={t('nav.myGrievances')}
        description={t('me.grievances.description')}
        actions={
          <Link to="/service/grievance">
            <Button type="primary" icon={<PlusOutlined />} data-testid="my-grievances-new">
              {t('me.grievances.new')}
            </Button>
          </Link>
        }
      />
      {body}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('me.grievances.anonymousHint')} <Link to="/grievance">{t('me.grievances.followUpLink')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
