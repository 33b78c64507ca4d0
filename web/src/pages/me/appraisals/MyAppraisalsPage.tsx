import { Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useMyAppraisals } from '../../people/shared/api.ts';
import { BandTag, CycleStatusTag, useLocalized } from '../../people/shared/labels.tsx';
import type { Appraisal } from '../../people/shared/types.ts';
import { ReplyForm } from './ReplyForm.tsx';

/** `/me/appraisals`: your criteria from publication; after the close your scores, rationale, band and your reply. */
export default function MyAppraisalsPage() {
  const { t } = useTranslation();
  const list = useMyAppraisals();
  if (list.isPending) {
    return <PageLoading />;
  }
  if (list.isError) {
    return <QueryError error={list.error} onRetry={() => void list.refetch()} fullPage />;
  }
  const items = [...list.data.items].sort((a, b) => b.periodStart.localeCompare(a.periodStart));
  return (
    <div data-testid="my-appraisals">
      <PageHeader title={t('nav.myAppraisals')} description={t('people.mine.description')} />
      {items.length === 0 ? (
        <Empty description={t('people.mine.none')} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {items.map((a) => (
            <MyAppraisal key={a.id} appraisal={a} />
          ))}
        </Space>
      )}
    </div>
  );
}

function MyAppraisal({ appraisal: a }: { appraisal: Appraisal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useLocalized();
  const closed = a.cycleStatus === 'closed';
  const scoreOf = Object.fromEntries((a.scores ?? []).map((s) => [s.key, s]));
  return (
    <Card
      title={name(a.cycleName)}
      extra={<CycleStatusTag status={a.cycleStatus} />}
      data-testid={`my-appraisal-${a.cycleId}`}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('people.cycles.period')}>
          {format.date(a.periodStart)} – {format.date(a.periodEnd)}
        </Descriptions.Item>
        <Descriptions.Item label={t('people.mine.notified')}>{format.dateTime(a.notifiedAt)}</Descriptions.Item>
        {closed && (
          <Descriptions.Item label={t('people.appraisals.band')}>
            <Space>
              <BandTag band={a.band} />
              <span data-testid="my-overall">{a.overallScore === null ? '—' : a.overallScore.toFixed(2)}</span>
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      {!closed && (
        <Typography.Paragraph type="secondary" data-testid="my-criteria-note">
          {t('people.mine.beforeClose')}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={a.criteria}
        data-testid="my-criteria"
        columns={[
          { title: t('people.cycles.criteria'), render: (_, c) => name(c.text) },
          { title: t('people.wizard.weight'), align: 'right', dataIndex: 'weight' },
          ...(closed
            ? [
                {
                  title: t('people.appraisals.scoreLabel'),
                  align: 'right' as const,
                  render: (_: unknown, c: { key: string }) => scoreOf[c.key]?.score ?? '—',
                },
                {
                  title: t('people.appraisals.rationale'),
                  render: (_: unknown, c: { key: string }) => scoreOf[c.key]?.rationale ?? '—',
                },
              ]
            : []),
        ]}
      />
      {closed && a.plan && (
        <Card size="small" type="inner" title={t('people.plan.title')} style={{ marginTop: 16 }} data-testid="my-plan">
          <List size="small" dataSource={a.plan.trainingItems} renderItem={(item) => <List.Item>{item}</List.Item>} />
          <Typography.Text>{t('people.plan.reassessOn', { date: format.date(a.plan.reassessOn) })}</Typography.Text>
          {a.plan.outcome && <Tag style={{ marginLeft: 8 }}>{t(`people.plan.outcomes.${a.plan.outcome}`)}</Tag>}
        </Card>
      )}
      {closed && <ReplyForm appraisal={a} />}
    </Card>
  );
}
