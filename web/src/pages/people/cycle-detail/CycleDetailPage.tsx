import { Card, Col, Descriptions, List, Row, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useCycle } from '../shared/api.ts';
import { CycleStatusTag, useLocalized } from '../shared/labels.tsx';
import { peopleHrRoles } from '../shared/types.ts';
import { CycleAppraisals } from './CycleAppraisals.tsx';
import { CycleStatusCard } from './CycleStatusCard.tsx';

/** `/people/cycles/:id`: the cycle's status and its next step (with its guard), criteria, and the appraisals. */
export default function CycleDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const name = useLocalized();
  const me = useMe();
  const cycle = useCycle(id);
  if (cycle.isPending) {
    return <PageLoading />;
  }
  if (cycle.isError) {
    return <QueryError error={cycle.error} onRetry={() => void cycle.refetch()} fullPage />;
  }
  const c = cycle.data;
  const hr = hasAnyRole(me.user, peopleHrRoles);
  return (
    <div data-testid="cycle-page">
      <DetailLayout
        title={name(c.name)}
        tags={<CycleStatusTag status={c.status} />}
        back={{ to: '/people/cycles', label: t('nav.peopleCycles') }}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <CycleStatusCard cycle={c} canMove={hr} />
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('people.cycles.facts')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('people.cycles.period')}>
                  {format.date(c.periodStart)} – {format.date(c.periodEnd)}
                </Descriptions.Item>
                <Descriptions.Item label={t('people.cycles.opensAt')}>{format.dateTime(c.opensAt)}</Descriptions.Item>
                <Descriptions.Item label={t('people.wizard.noticeDays')}>{c.noticeDays}</Descriptions.Item>
                <Descriptions.Item label={t('people.wizard.bottomBand')}>{c.bottomBandPercent}%</Descriptions.Item>
                <Descriptions.Item label={t('people.cycles.participants')}>{c.appraisalCount}</Descriptions.Item>
              </Descriptions>
              <Typography.Text strong>{t('people.cycles.criteria')}</Typography.Text>
              <List
                size="small"
                dataSource={c.criteria}
                data-testid="cycle-criteria"
                renderItem={(cr) => (
                  <List.Item key={cr.key}>
                    <Space>
                      <span>{name(cr.text)}</span>
                      <Tag>{cr.weight}</Tag>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
        {c.status !== 'draft' && <CycleAppraisals cycle={c} />}
      </DetailLayout>
    </div>
  );
}
