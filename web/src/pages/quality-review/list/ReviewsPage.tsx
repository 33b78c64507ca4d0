import { useState } from 'react';
import { Button, Form, Input, Modal, Progress, Table } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { createReview, invalidateReviews, reviewWriterRoles, useReviews, type QualityReview } from '../shared/api.ts';

type Row = Omit<QualityReview, 'customers' | 'actions'>;

/** `/quality-reviews`: the cycles of the quality review loop, newest first. */
export default function ReviewsPage() {
  const { t } = useTranslation();
  const reviews = useReviews();
  const { user } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const create = useMutation({
    mutationFn: (v: { name: string }) => createReview({ name: v.name }),
    onSuccess: (r) => {
      void invalidateReviews(qc);
      setOpen(false);
      void navigate(`/quality-reviews/${r.id}`);
    },
    onError: notify,
  });
  const canWrite = user.roles.some((r) => reviewWriterRoles.includes(r));
  let body;
  if (reviews.isPending) {
    body = <PageLoading />;
  } else if (reviews.error) {
    body = <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />;
  } else {
    body = (
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={reviews.data.items}
        columns={[
          { title: t('qualityReview.name'), render: (_, r) => <Link to={`/quality-reviews/${r.id}`}>{r.name}</Link> },
          {
            title: t('qualityReview.progress'),
            render: (_, r) => <Progress percent={Math.round(r.progress * 100)} size="small" />,
          },
          { title: t('qualityReview.created'), render: (_, r) => r.createdAt.slice(0, 10) },
        ]}
      />
    );
  }
  return (
    <>
      <PageHeader
        title={t('qualityReview.title')}
        description={t('qualityReview.description')}
        actions={
          canWrite ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('qualityReview.new')}
            </Button>
          ) : null
        }
      />
      {body}
      <Modal
        open={open}
        title={t('qualityReview.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('qualityReview.name')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
