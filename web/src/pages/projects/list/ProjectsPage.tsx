import { useState } from 'react';
import { Button, Card, Col, Form, Input, Modal, Row, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import {
  createProject,
  invalidateProjects,
  projectKinds,
  projectStatuses,
  useProjects,
  type ProjectListItem,
} from '../shared/api.ts';

const statusColor = { planned: 'default', active: 'processing', closed: 'success', cancelled: 'error' } as const;

function Board({ items }: { items: ProjectListItem[] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="projects-board">
      {projectStatuses.map((s) => (
        <Col key={s} xs={24} md={12} lg={6}>
          <Card size="small" title={t(`projects.statuses.${s}`)} data-testid={`board-${s}`}>
            {items
              .filter((p) => p.status === s)
              .map((p) => (
                <Card key={p.id} size="small" style={{ marginBottom: 8 }}>
                  <Link to={`/projects/${p.id}`}>{p.name}</Link>
                  <div>
                    <Tag>{t(`projects.kinds.${p.kind}`)}</Tag>
                    <Typography.Text type="secondary">
                      {p.spent} / {p.budget}
                    </Typography.Text>
                  </div>
                </Card>
              ))}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

interface NewValues {
  kind: ProjectListItem['kind'];
  name: string;
  budget?: string;
}

/** `/projects`: relationship projects as a list and as a board by status. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const projects = useProjects();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewValues>();
  const create = useMutation({
    mutationFn: (v: NewValues) =>
      createProject({ kind: v.kind, name: v.name, ...(v.budget ? { budget: v.budget } : {}) }),
    onSuccess: (p) => {
      void invalidateProjects(qc);
      setOpen(false);
      void navigate(`/projects/${p.id}`);
    },
    onError: notify,
  });
  let body;
  if (projects.isPending) {
    body = <PageLoading />;
  } else if (projects.error) {
    body = <QueryError error={projects.error} onRetry={() => void projects.refetch()} />;
  } else {
    const items = projects.data.items;
    const list = (
      <Table<ProjectListItem>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('projects.name'), render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link> },
          { title: t('projects.kind'), render: (_, p) => t(`projects.kinds.${p.kind}`) },
          {
            title: t('projects.status'),
            render: (_, p) => <Tag color={statusColor[p.status]}>{t(`projects.statuses.${p.status}`)}</Tag>,
          },
          { title: t('projects.budget'), dataIndex: 'budget', align: 'right' },
          { title: t('projects.spent'), dataIndex: 'spent', align: 'right' },
          { title: t('projects.deadline'), dataIndex: 'deadline' },
        ]}
      />
    );
    body = (
      <Tabs
        items={[
          { key: 'list', label: t('projects.list'), children: list },
          { key: 'board', label: t('projects.board'), children: <Board items={items} /> },
        ]}
      />
    );
  }
  return (
    <>
      <PageHeader
        title={t('projects.title')}
        description={t('projects.description')}
        actions={
          <Button type="primary" onClick={() => setOpen(true)} data-testid="new-project">
            {t('projects.new')}
          </Button>
        }
      />
      {body}
      <Modal
        open={open}
        title={t('projects.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form<NewValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'activity' }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="kind" label={t('projects.kind')} rules={[{ required: true }]}>
            <Select options={projectKinds.map((k) => ({ value: k, label: t(`projects.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('projects.name')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="budget"
            label={t('projects.budget')}
            rules={[{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('projects.moneyHint') }]}
          >
            <Input inputMode="decimal" placeholder="1200.00" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
