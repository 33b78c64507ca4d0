import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Progress, Space, Switch, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { careMarketingRoles } from '@tandem/server/api';
import { hasAnyRole, hasRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useCreatePost, usePosts, useUpdatePost } from '../shared/moreApi.ts';

type PostForm = {
  channel: string;
  ownerId: string;
  scheduledAt: Dayjs;
  commercial: boolean;
  text: string;
  reason?: string;
};

/** Plans a post; an admin may give an override reason for a commercial one above the cap. */
function PostModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const { user } = useMe();
  const create = useCreatePost();
  const [form] = Form.useForm<PostForm>();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        channel: v.channel,
        ownerId: v.ownerId,
        scheduledAt: v.scheduledAt.toISOString(),
        commercial: v.commercial,
        text: v.text,
        ...(v.reason ? { override: { reason: v.reason } } : {}),
      },
      { onSuccess: onClose, onError: (e) => void toast.error(describe(e)) },
    );
  };

  return (
    <Modal
      open={open}
      title={t('careMore.posts.add')}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ commercial: false, channel: 'weibo' }}>
        <Form.Item name="channel" label={t('careMore.mentions.channel')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="ownerId" label={t('careMore.posts.owner')} rules={[{ required: true }]}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="scheduledAt" label={t('careMore.posts.scheduledAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="commercial" label={t('careMore.posts.commercial')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="text" label={t('careMore.mentions.text')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {hasRole(user, 'admin') ? (
          <Form.Item name="reason" label={t('careMore.posts.overrideReason')}>
            <Input maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** The social post plan (docs/care.md "Post plan"): scheduled posts and the commercial share against the cap. */
export default function PostsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const { user } = useMe();
  const posts = usePosts();
  const update = useUpdatePost();
  const [open, setOpen] = useState(false);
  const canWrite = hasAnyRole(user, careMarketingRoles);
  const ratio = posts.data?.ratio;

  return (
    <>
      <PageHeader
        title={t('careMore.posts.title')}
        description={t('careMore.posts.description')}
        actions={
          canWrite ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('careMore.posts.add')}
            </Button>
          ) : null
        }
      />
      {posts.error ? <QueryError error={posts.error} onRetry={() => void posts.refetch()} /> : null}
      {ratio ? (
        <Card title={t('careMore.posts.ratio')} style={{ marginBottom: 16 }} data-testid="post-ratio">
          <Space size="large" align="center">
            <Progress
              type="dashboard"
              percent={Math.round(ratio.ratio * 1000) / 10}
              status={ratio.allowed ? 'normal' : 'exception'}
              format={(p) => `${p ?? 0} %`}
            />
            <span>
              {t('careMore.posts.ratioDetail', {
                commercial: ratio.commercial,
                total: ratio.total,
                posts: ratio.posts,
                cap: format.number(ratio.cap * 100),
              })}
            </span>
          </Space>
          {ratio.note ? <Alert type="info" message={t('careMore.notEnoughData')} /> : null}
        </Card>
      ) : null}
      <Card title={t('careMore.posts.plan')}>
        <Table
          size="small"
          rowKey="id"
          loading={posts.isPending}
          dataSource={posts.data?.items ?? []}
          columns={[
            { key: 'at', title: t('careMore.posts.scheduledAt'), render: (_, p) => format.dateTime(p.scheduledAt) },
            { key: 'channel', title: t('careMore.mentions.channel'), render: (_, p) => p.channel },
            { key: 'owner', title: t('careMore.posts.owner'), render: (_, p) => p.ownerName ?? '' },
            { key: 'text', title: t('careMore.mentions.text'), render: (_, p) => p.text },
            {
              key: 'commercial',
              title: t('careMore.posts.commercial'),
              render: (_, p) => (p.commercial ? <Tag color="gold">{t('careMore.posts.commercial')}</Tag> : null),
            },
            {
              key: 'status',
              title: t('careMore.posts.status'),
              render: (_, p) => t(`careMore.postStatuses.${p.status}`),
            },
            {
              key: 'actions',
              title: '',
              render: (_, p) =>
                canWrite && p.status === 'planned' ? (
                  <Button
                    size="small"
                    onClick={() =>
                      update.mutate(
                        { id: p.id, status: 'cancelled', version: p.version },
                        { onError: (e) => void toast.error(describe(e)) },
                      )
                    }
                  >
                    {t('careMore.posts.cancel')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <PostModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
