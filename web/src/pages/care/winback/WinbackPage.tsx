import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { careMarketingRoles } from '@tandem/server/api';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useLosses, useWinbackCampaign, useWinbackSummary, useWinbackTasks } from '../shared/moreApi.ts';
import { winbackRateOption } from './winbackChart.ts';

type CampaignForm = { name: string; subjectZh: string; subjectEn: string; bodyZh: string; bodyEn: string };

/** Losses, won back and the rate per cause of loss (docs/metrics.md "Win-back rate"). */
function RateCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useWinbackSummary({});
  const causeLabel = (c: string) => t(`careMore.causes.${c}`);
  const pct = (r: number | null) => (r === null ? '—' : `${format.number(Math.round(r * 1000) / 10)} %`);
  if (summary.error) {
    return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  return (
    <Card title={t('careMore.winback.rateByCause')} style={{ marginBottom: 16 }} data-testid="winback-rate">
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t('careMore.winback.lost')} value={summary.data?.lost ?? 0} />
        <Statistic title={t('careMore.winback.wonBack')} value={summary.data?.wonBack ?? 0} />
        <Statistic title={t('careMore.winback.rate')} value={pct(summary.data?.rate ?? null)} />
      </Space>
      {summary.data?.note ? <Alert type="info" message={t('careMore.notEnoughData')} /> : null}
      {summary.data && !summary.data.note ? (
        <Chart
          option={winbackRateOption(summary.data, causeLabel)}
          ariaLabel={t('careMore.winback.rateByCause')}
          height={260}
          pngName="win-back-rate"
        />
      ) : null}
      <Table
        size="small"
        rowKey="cause"
        pagination={false}
        dataSource={summary.data?.byCause ?? []}
        columns={[
          { key: 'cause', title: t('careMore.winback.cause'), render: (_, c) => causeLabel(c.cause) },
          { key: 'lost', title: t('careMore.winback.lost'), align: 'right', render: (_, c) => c.lost },
          { key: 'won', title: t('careMore.winback.wonBack'), align: 'right', render: (_, c) => c.wonBack },
          { key: 'rate', title: t('careMore.winback.rate'), align: 'right', render: (_, c) => pct(c.rate) },
        ]}
      />
    </Card>
  );
}

/** Drafts a win_back campaign to the customers still lost. */
function CampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const campaign = useWinbackCampaign();
  const [form] = Form.useForm<CampaignForm>();
  const draft = async () => {
    const v = await form.validateFields();
    campaign.mutate(v, {
      onSuccess: () => {
        onClose();
        void toast.success(t('careMore.winback.campaignDrafted'));
      },
      onError: (e) => void toast.error(describe(e)),
    });
  };

  return (
    <Modal
      open={open}
      title={t('careMore.winback.draftCampaign')}
      onOk={() => void draft()}
      confirmLoading={campaign.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {(['name', 'subjectZh', 'subjectEn'] as const).map((f) => (
          <Form.Item key={f} name={f} label={t(`careMore.winback.fields.${f}`)} rules={[{ required: true }]}>
            <Input maxLength={300} />
          </Form.Item>
        ))}
        {(['bodyZh', 'bodyEn'] as const).map((f) => (
          <Form.Item key={f} name={f} label={t(`careMore.winback.fields.${f}`)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** Win-back (docs/care.md "Win-back"): customers lost with their cause, tasks or a campaign, the rate by cause. */
export default function WinbackPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const me = useMe();
  const losses = useLosses({});
  const tasks = useWinbackTasks();
  const [open, setOpen] = useState(false);
  const causeLabel = (c: string) => t(`careMore.causes.${c}`);

  return (
    <>
      <PageHeader
        title={t('careMore.winback.title')}
        description={t('careMore.winback.description')}
        actions={
          <Space>
            <Button
              onClick={() =>
                tasks.mutate(
                  {},
                  {
                    onSuccess: (r) => void toast.success(t('careMore.winback.tasksCreated', { n: r.created })),
                    onError: (e) => void toast.error(describe(e)),
                  },
                )
              }
            >
              {t('careMore.winback.createTasks')}
            </Button>
            {hasAnyRole(me.user, careMarketingRoles) ? (
              <Button type="primary" onClick={() => setOpen(true)}>
                {t('careMore.winback.draftCampaign')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <RateCard />
      <Card title={t('careMore.winback.churned', { total: losses.data?.total ?? 0 })}>
        {losses.error ? <QueryError error={losses.error} onRetry={() => void losses.refetch()} /> : null}
        <Table
          size="small"
          rowKey={(l) => `${l.partyId}-${l.lostAt}`}
          loading={losses.isPending}
          dataSource={losses.data?.items ?? []}
          columns={[
            {
              key: 'name',
              title: t('careMore.party'),
              render: (_, l) => <Typography.Link href={`/parties/${l.partyId}`}>{l.name}</Typography.Link>,
            },
            { key: 'lost', title: t('careMore.winback.lostAt'), render: (_, l) => format.date(l.lostAt) },
            { key: 'cause', title: t('careMore.winback.cause'), render: (_, l) => <Tag>{causeLabel(l.cause)}</Tag> },
            { key: 'reason', title: t('careMore.winback.reason'), render: (_, l) => l.reason ?? '' },
            {
              key: 'back',
              title: t('careMore.winback.wonBackAt'),
              render: (_, l) => (l.wonBackAt ? format.date(l.wonBackAt) : '—'),
            },
          ]}
        />
      </Card>
      <CampaignModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
