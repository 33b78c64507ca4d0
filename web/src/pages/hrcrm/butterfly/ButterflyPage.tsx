import { Card, Col, Progress, Row, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useButterfly, useGroupName } from '../shared/api.ts';
import { TypeTags } from '../shared/TypeTags.tsx';
import type { HrGroup, HrSide } from '../shared/types.ts';

function GroupCard({ group }: { group: HrGroup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useGroupName();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`butterfly-group-${group.key}`}
      title={
        <Link to={`/hr-crm/groups/${group.key}`} data-testid={`open-group-${group.key}`}>
          {nameOf(group)}
        </Link>
      }
      extra={
        <Typography.Text type="secondary">
          {t('hrcrm.partyCount', { count: group.parties.count, n: format.number(group.parties.count) })}
        </Typography.Text>
      }
    >
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">{t('hrcrm.currentToTarget')}: </Typography.Text>
          <TypeTags assessment={group.assessment} />
        </div>
        <div>
          <Typography.Text type="secondary">{t('hrcrm.processProgress')}</Typography.Text>
          <Progress
            percent={Math.round((group.process.done / Math.max(1, group.process.total)) * 100)}
            format={() => `${group.process.done}/${group.process.total}`}
            size="small"
          />
        </div>
      </Space>
    </Card>
  );
}

function Wing({ side, groups }: { side: HrSide; groups: HrGroup[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`wing-${side}`}>
      <Typography.Title level={5} style={{ textAlign: side === 'internal' ? 'right' : 'left' }}>
        {t(`hrcrm.wings.${side}`)}
      </Typography.Title>
      {groups.map((g) => (
        <GroupCard key={g.key} group={g} />
      ))}
    </div>
  );
}

/** `/hr-crm`: the butterfly: internal groups on the left wing, external on the right, the HR department between. */
export default function ButterflyPage() {
  const { t } = useTranslation();
  const butterfly = useButterfly();
  let body;
  if (butterfly.isPending) {
    body = <PageLoading />;
  } else if (butterfly.error) {
    body = <QueryError error={butterfly.error} onRetry={() => void butterfly.refetch()} />;
  } else {
    body = (
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} lg={10}>
          <Wing side="internal" groups={butterfly.data.internal} />
        </Col>
        <Col xs={24} lg={4} style={{ textAlign: 'center' }}>
          <div
            style={{
              border: '2px solid #1668dc',
              borderRadius: 12,
              padding: '24px 8px',
              background: '#1668dc0f',
            }}
            data-testid="butterfly-body"
          >
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('hrcrm.hrDepartment')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('hrcrm.hrDepartmentHint')}</Typography.Text>
          </div>
        </Col>
        <Col xs={24} lg={10}>
          <Wing side="external" groups={butterfly.data.external} />
        </Col>
      </Row>
    );
  }
  return (
    <div data-testid="butterfly">
      <PageHeader title={t('nav.hrCrmButterfly')} description={t('hrcrm.butterflyDescription')} />
      {body}
    </div>
  );
}
