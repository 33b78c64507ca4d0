import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rewardKinds, type ReferralLink } from '@tandem/server/api';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useAddReward, useMakeLink, useReferralSummary, useRewards } from '../shared/moreApi.ts';

/** The rewards given, newest first. */
function RewardsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const rewards = useRewards();
  return (
    <Card title={t('careMore.referral.rewardsLog')}>
      {rewards.error ? <QueryError error={rewards.error} onRetry={() => void rewards.refetch()} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={rewards.isPending}
        dataSource={rewards.data?.items ?? []}
        columns={[
          { key: 'at', title: t('careMore.date'), render: (_, r) => format.dateTime(r.createdAt) },
          { key: 'party', title: t('careMore.party'), render: (_, r) => r.partyName },
          { key: 'kind', title: t('careMore.referral.kind'), render: (_, r) => t(`careMore.rewardKinds.${r.kind}`) },
          {
            key: 'amount',
            title: t('careMore.referral.amount'),
            align: 'right',
            render: (_, r) => `${r.amount} ${r.currency ?? ''}`,
          },
          { key: 'note', title: t('careMore.note'), render: (_, r) => r.note ?? '' },
        ]}
      />
    </Card>
  );
}

/** Logs a reward for a referrer. */
function RewardModal({ partyId, onClose }: { partyId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const addReward = useAddReward();
  const [form] = Form.useForm<{ kind: string; amount: number; currency?: string; note?: string }>();
  const submitReward = async () => {
    const v = await form.validateFields();
    addReward.mutate(
      {
        partyId: partyId ?? '',
        kind: v.kind as never,
        amount: v.amount,
        currency: v.currency || null,
        note: v.note || null,
      },
      {
        onSuccess: () => {
          onClose();
          form.resetFields();
        },
        onError: (e) => void toast.error(describe(e)),
      },
    );
  };

  return (
    <Modal
      open={Boolean(partyId)}
      title={t('careMore.referral.addReward')}
      onOk={() => void submitReward()}
      confirmLoading={addReward.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'voucher' }}>
        <Form.Item name="kind" label={t('careMore.referral.kind')} rules={[{ required: true }]}>
          <Select options={rewardKinds.map((k) => ({ value: k, label: t(`careMore.rewardKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('careMore.referral.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="currency" label={t('careMore.referral.currency')}>
          <Input maxLength={3} placeholder="CNY" />
        </Form.Item>
        <Form.Item name="note" label={t('careMore.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Referral (docs/care.md "Referral"): referrers and counts per month, their links, and the rewards log. */
export default function ReferralPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const summary = useReferralSummary({});
  const makeLink = useMakeLink();
  const [link, setLink] = useState<ReferralLink | null>(null);
  const [rewardFor, setRewardFor] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('careMore.referral.title')} description={t('careMore.referral.description')} />
      {summary.error ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      <Card title={t('careMore.referral.referrers', { total: summary.data?.total ?? 0 })} style={{ marginBottom: 16 }}>
        {summary.data?.note ? <Typography.Text type="secondary">{t('careMore.notEnoughData')}</Typography.Text> : null}
        <Table
          size="small"
          rowKey="partyId"
          loading={summary.isPending}
          pagination={false}
          data-testid="referrers-table"
          dataSource={summary.data?.referrers ?? []}
          columns={[
            { key: 'name', title: t('careMore.party'), render: (_, r) => r.name },
            {
              key: 'count',
              title: t('careMore.referral.count'),
              align: 'right',
              render: (_, r) => format.number(r.count),
            },
            { key: 'rewards', title: t('careMore.referral.rewards'), align: 'right', render: (_, r) => r.rewards },
            {
              key: 'actions',
              title: '',
              render: (_, r) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() =>
                      makeLink.mutate(r.partyId, { onSuccess: setLink, onError: (e) => void toast.error(describe(e)) })
                    }
                  >
                    {t('careMore.referral.link')}
                  </Button>
                  <Button size="small" onClick={() => setRewardFor(r.partyId)}>
                    {t('careMore.referral.addReward')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
        <Table
          size="small"
          rowKey="period"
          pagination={false}
          style={{ marginTop: 16 }}
          dataSource={summary.data?.periods ?? []}
          columns={[
            { key: 'period', title: t('careMore.period'), render: (_, p) => p.period },
            {
              key: 'count',
              title: t('careMore.referral.count'),
              align: 'right',
              render: (_, p) => format.number(p.count),
            },
          ]}
        />
      </Card>
      <RewardsCard />
      <Modal open={Boolean(link)} title={t('careMore.referral.link')} footer={null} onCancel={() => setLink(null)}>
        <Typography.Paragraph copyable data-testid="referral-url">
          {link?.url}
        </Typography.Paragraph>
      </Modal>
      <RewardModal partyId={rewardFor} onClose={() => setRewardFor(null)} />
    </>
  );
}
