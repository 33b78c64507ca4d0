import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles } from '@tandem/server/api';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { usePracticeOrgAction, usePracticeOrgs } from '../shared/api.ts';
import type { PracticeOrg } from '../shared/types.ts';

type Secret = { title: string; lines: string[] };

/** Adds a trainee account to a practice organisation; a generated password is shown once. */
function TraineeModal({
  org,
  onClose,
  onSecret,
}: {
  org: PracticeOrg | null;
  onClose: () => void;
  onSecret: (s: Secret) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string; displayName: string; roles?: string[] }>();
  const action = usePracticeOrgAction();
  const { notify } = useErrorMessage();
  return (
    <Modal
      open={Boolean(org)}
      title={t('practice.addTrainee')}
      okText={t('common.create')}
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          org &&
          action.mutate(
            { kind: 'trainee', id: org.id, body: { ...v, roles: v.roles?.length ? v.roles : undefined } },
            {
              onSuccess: (r) => {
                const res = r as { email: string; password: string | null };
                onClose();
                onSecret({
                  title: t('practice.traineeAdded'),
                  lines: [
                    res.email,
                    `${t('practice.password')}: ${res.password ?? ''}`,
                    `${t('practice.orgSlug')}: ${org.slug}`,
                  ],
                });
              },
              onError: notify,
            },
          )
        }
      >
        <Form.Item name="email" label={t('practice.email')} rules={[{ required: true, type: 'email' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="displayName" label={t('practice.displayName')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="roles" label={t('practice.traineeRoles')}>
          <Select mode="multiple" options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What is shown once (a generated password) until closed. */
function SecretAlert({ secret, onClose }: { secret: Secret; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      message={secret.title}
      description={
        <>
          {secret.lines.map((l) => (
            <Typography.Paragraph key={l} copyable style={{ margin: 0 }}>
              {l}
            </Typography.Paragraph>
          ))}
          <Typography.Text type="secondary">{t('practice.shownOnce')}</Typography.Text>
        </>
      }
    />
  );
}

/** Practice organisations (admin): create from the demo generator, reset to the starting state, add trainees. */
export default function PracticeOrgsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const orgs = usePracticeOrgs();
  const action = usePracticeOrgAction();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const [trainee, setTrainee] = useState<PracticeOrg | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  if (orgs.error) {
    return <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />;
  }
  const create = () =>
    action.mutate(
      { kind: 'create' },
      {
        onSuccess: (r) => {
          const o = r as { name: string; slug: string; adminEmail: string; password: string };
          setSecret({
            title: t('practice.orgCreated'),
            lines: [
              o.name,
              `${t('practice.orgSlug')}: ${o.slug}`,
              o.adminEmail,
              `${t('practice.password')}: ${o.password}`,
            ],
          });
        },
        onError: notify,
      },
    );
  return (
    <>
      <PageHeader
        title={t('practice.orgs')}
        description={t('practice.orgsIntro')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            loading={action.isPending}
            onClick={create}
            data-testid="org-create"
          >
            {t('practice.createOrg')}
          </Button>
        }
      />
      {secret && <SecretAlert secret={secret} onClose={() => setSecret(null)} />}
      <Table
        rowKey="id"
        loading={orgs.isPending}
        dataSource={orgs.data?.items ?? []}
        pagination={false}
        data-testid="orgs-table"
        columns={[
          { key: 'name', title: t('practice.orgName'), render: (_, o) => `${o.name} (${o.slug})` },
          {
            key: 'size',
            title: t('practice.size'),
            render: (_, o) => t('practice.sizeValue', { ...o.size }),
          },
          { key: 'trainees', title: t('practice.trainees'), render: (_, o) => format.number(o.trainees) },
          { key: 'resets', title: t('practice.resets'), render: (_, o) => format.number(o.resets) },
          { key: 'resetAt', title: t('practice.resetAt'), render: (_, o) => format.dateTime(o.resetAt ?? o.createdAt) },
          {
            key: 'actions',
            render: (_, o) => (
              <Space>
                <Button size="small" icon={<UserAddOutlined />} onClick={() => setTrainee(o)}>
                  {t('practice.addTrainee')}
                </Button>
                <Popconfirm
                  title={t('practice.resetConfirm')}
                  onConfirm={() =>
                    action.mutate(
                      { kind: 'reset', id: o.id },
                      { onSuccess: () => void toast.success(t('practice.resetDone')), onError: notify },
                    )
                  }
                >
                  <Button size="small" icon={<ReloadOutlined />}>
                    {t('practice.reset')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <TraineeModal org={trainee} onClose={() => setTrainee(null)} onSecret={setSecret} />
    </>
  );
}
