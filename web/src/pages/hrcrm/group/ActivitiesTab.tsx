import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useActivities, useMarkActivityDone } from '../shared/api.ts';
import { summariseByR } from '../shared/charts.ts';
import type { ActivityStatus, HrActivity } from '../shared/types.ts';
import { ActivityModal } from './ActivityModal.tsx';

const statusColors: Record<ActivityStatus, string> = { planned: 'blue', done: 'green', cancelled: 'default' };

/** One activity: title, status, objective, date and budget, outcome; "Mark done" while planned, and "Edit". */
function ActivityItem({
  activity: a,
  canEdit,
  onEdit,
}: {
  activity: HrActivity;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const markDone = useMarkActivityDone();
  return (
    <List.Item
      data-testid="activity-item"
      actions={
        canEdit
          ? [
              ...(a.status === 'planned'
                ? [
                    <Button
                      key="done"
                      size="small"
                      type="text"
                      icon={<CheckOutlined />}
                      aria-label={t('hrcrm.markDone')}
                      title={t('hrcrm.markDone')}
                      loading={markDone.isPending}
                      onClick={() => markDone.mutate(a.id, { onError: (error) => void toast.error(describe(error)) })}
                      data-testid="activity-done"
                    />,
                  ]
                : []),
              <Button
                key="edit"
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={onEdit}
                data-testid="activity-edit"
              />,
            ]
          : undefined
      }
    >
      <Space direction="vertical" size={0}>
        <Space size={4} wrap>
          <Typography.Text strong>{a.title}</Typography.Text>
          <Tag color={statusColors[a.status]} data-testid="activity-status-tag">
            {t(`hrcrm.activityStatuses.${a.status}`)}
          </Tag>
        </Space>
        {a.objective && <Typography.Text type="secondary">{a.objective}</Typography.Text>}
        <Typography.Text type="secondary">
          {[a.plannedOn && format.date(a.plannedOn), a.budget && format.number(Number(a.budget))]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {a.outcome && <Typography.Text italic>{a.outcome}</Typography.Text>}
      </Space>
    </List.Item>
  );
}

/** Activities under the 4Rs (relevance, response, relationship, return): a column per R with its count and budget. */
export function ActivitiesTab({ groupKey, canEdit }: { groupKey: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const activities = useActivities(groupKey);
  const [editing, setEditing] = useState<HrActivity | 'new' | null>(null);
  const list = useMemo(() => activities.data?.items ?? [], [activities.data]);
  const summary = useMemo(() => summariseByR(list), [list]);
  if (activities.isPending) {
    return <PageLoading />;
  }
  if (activities.error) {
    return <QueryError error={activities.error} onRetry={() => void activities.refetch()} />;
  }
  return (
    <div data-testid="activities">
      {canEdit && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 16 }}
          onClick={() => setEditing('new')}
          data-testid="activity-add"
        >
          {t('hrcrm.addActivity')}
        </Button>
      )}
      <Row gutter={[16, 16]}>
        {summary.map((s) => (
          <Col key={s.r} xs={24} md={12} xl={6}>
            <Card
              size="small"
              title={t(`hrcrm.fourRs.${s.r}`)}
              data-testid={`r-${s.r}`}
              extra={<Typography.Text type="secondary">{t(`hrcrm.fourRHints.${s.r}`)}</Typography.Text>}
            >
              <Space size="large" style={{ marginBottom: 8 }}>
                <Statistic title={t('hrcrm.activityStatuses.planned')} value={s.planned} />
                <Statistic title={t('hrcrm.activityStatuses.done')} value={s.done} />
                <Statistic title={t('hrcrm.budget')} value={format.number(s.budget)} />
              </Space>
              {list.filter((a) => a.r === s.r).length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hrcrm.noActivities')} />
              ) : (
                <List
                  size="small"
                  dataSource={list.filter((a) => a.r === s.r)}
                  renderItem={(a) => (
                    <ActivityItem key={a.id} activity={a} canEdit={canEdit} onEdit={() => setEditing(a)} />
                  )}
                />
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {editing && (
        <ActivityModal
          groupKey={groupKey}
          activity={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
