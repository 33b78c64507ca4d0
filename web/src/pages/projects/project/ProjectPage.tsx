import { Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { addCost, closeProject, invalidateProjects, updateProject, useProject, type Project } from '../shared/api.ts';
import { BurnDownChart } from './BurnDownChart.tsx';

type Evaluated = NonNullable<Project['evaluation']>['targets'][number];
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

function Evaluation({ project }: { project: Project }) {
  const { t } = useTranslation();
  const ev = project.evaluation;
  if (!ev) {
    return null;
  }
  return (
    <Card title={t('projects.evaluation')} data-testid="evaluation" style={{ marginTop: 16 }}>
      <Table<Evaluated>
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={ev.targets}
        scroll={{ x: true }}
        columns={[
          { title: t('projects.metric'), render: (_, x) => `${t(`projects.metrics.${x.metric}`)} ${x.scope ?? ''}` },
          { title: t('projects.target'), render: (_, x) => `${x.direction === 'up' ? '≥' : '≤'} ${x.target}` },
          { title: t('projects.before'), render: (_, x) => fmt(x.before?.value) },
          { title: t('projects.after'), render: (_, x) => fmt(x.after?.value) },
          {
            title: t('projects.met'),
            render: (_, x) =>
              x.met === null ? (
                '—'
              ) : (
                <Tag color={x.met ? 'green' : 'red'}>{t(x.met ? 'projects.yes' : 'projects.no')}</Tag>
              ),
          },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('projects.budget')}>{ev.budget}</Descriptions.Item>
        <Descriptions.Item label={t('projects.spent')}>{ev.spent}</Descriptions.Item>
        <Descriptions.Item label={t('projects.remaining')}>{ev.remaining}</Descriptions.Item>
        <Descriptions.Item label={t('projects.spentShare')}>
          {ev.spentShare === null ? '—' : `${(ev.spentShare * 100).toFixed(1)} %`}
        </Descriptions.Item>
      </Descriptions>
      {ev.lessons ? <Typography.Paragraph>{ev.lessons}</Typography.Paragraph> : null}
    </Card>
  );
}

function Actions({ project }: { project: Project }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { notify } = useErrorMessage();
  const [costForm] = Form.useForm<{ amount: string; spentOn: Dayjs }>();
  const [closeForm] = Form.useForm<{ lessons?: string }>();
  const done = () => void invalidateProjects(qc);
  const move = useMutation({
    mutationFn: (status: 'active' | 'cancelled') => updateProject(project.id, { status, version: project.version }),
    onSuccess: done,
    onError: notify,
  });
  const cost = useMutation({
    mutationFn: (v: { amount: string; spentOn: Dayjs }) =>
      addCost(project.id, { amount: v.amount, spentOn: v.spentOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      costForm.resetFields();
      done();
    },
    onError: notify,
  });
  const close = useMutation({
    mutationFn: (v: { lessons?: string }) => closeProject(project.id, { lessons: v.lessons || null }),
    onSuccess: done,
    onError: notify,
  });
  const open = project.status === 'planned' || project.status === 'active';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {project.status === 'planned' ? (
          <Button type="primary" onClick={() => move.mutate('active')} data-testid="activate">
            {t('projects.activate')}
          </Button>
        ) : null}
        {open ? <Button onClick={() => move.mutate('cancelled')}>{t('projects.cancel')}</Button> : null}
      </Space>
      {open ? (
        <Form form={costForm} layout="inline" initialValues={{ spentOn: dayjs() }} onFinish={(v) => cost.mutate(v)}>
          <Form.Item
            name="amount"
            rules={[{ required: true, pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('projects.moneyHint') }]}
          >
            <Input inputMode="decimal" placeholder={t('projects.amount')} />
          </Form.Item>
          <Form.Item name="spentOn" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Button htmlType="submit" loading={cost.isPending}>
            {t('projects.addCost')}
          </Button>
        </Form>
      ) : null}
      {project.status === 'active' ? (
        <Form form={closeForm} layout="vertical" onFinish={(v) => close.mutate(v)}>
          <Form.Item name="lessons" label={t('projects.lessons')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" loading={close.isPending} data-testid="close-project">
            {t('projects.close')}
          </Button>
        </Form>
      ) : null}
    </Space>
  );
}

/** `/projects/:id`: a project, its budget burn-down, costs, and the closing evaluation. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useProject(id);
  if (q.isPending) {
    return <PageLoading />;
  }
  if (q.error) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const p = q.data;
  return (
    <>
      <PageHeader title={p.name} description={p.goal ?? undefined} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('projects.kind')}>{t(`projects.kinds.${p.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('projects.status')}>{t(`projects.statuses.${p.status}`)}</Descriptions.Item>
              <Descriptions.Item label={t('projects.budget')}>{p.budget}</Descriptions.Item>
              <Descriptions.Item label={t('projects.spent')}>{p.spent}</Descriptions.Item>
              <Descriptions.Item label={t('projects.remaining')}>{p.remaining}</Descriptions.Item>
              <Descriptions.Item label={t('projects.deadline')}>{p.deadline ?? '—'}</Descriptions.Item>
              {p.kind === 'product' ? (
                <Descriptions.Item label={t('projects.productDates')}>
                  {[p.ideaOn, p.launchOn, p.firstSaleOn].map((d) => d ?? '—').join(' → ')}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Actions project={p} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('projects.burnDown')}>
            <BurnDownChart id={p.id} />
          </Card>
        </Col>
      </Row>
      <Evaluation project={p} />
    </>
  );
}
