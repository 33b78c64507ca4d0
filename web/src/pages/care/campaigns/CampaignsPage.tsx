import { useMemo } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { campaignsEndpoint } from '../shared/api.ts';
import { CampaignStateTag } from '../shared/CampaignStateTag.tsx';
import type { Campaign } from '../shared/types.ts';

/** `/care/campaigns`: the organisation's campaigns, newest first, with what happened to their recipients. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const columns = useMemo<DataColumn<Campaign>[]>(
    () => [
      {
        key: 'name',
        title: t('care.campaigns.name'),
        render: (c) => <Typography.Text strong>{c.name}</Typography.Text>,
      },
      { key: 'kind', title: t('care.campaigns.kind'), render: (c) => t(`care.campaignKinds.${c.kind}`) },
      {
        key: 'commercial',
        title: t('care.campaigns.commercial'),
        render: (c) => (c.commercial ? <Tag color="orange">{t('care.campaigns.commercialYes')}</Tag> : ''),
      },
      { key: 'status', title: t('care.campaigns.state'), render: (c) => <CampaignStateTag campaign={c} /> },
      {
        key: 'counts',
        title: t('care.campaigns.counts'),
        render: (c) =>
          c.status === 'sent' ? (
            <Space size={4} wrap>
              <Tag color="green">
                {t('care.recipientStates.sent')}: {format.number(c.counts.sent + c.counts.queued + c.counts.replied)}
              </Tag>
              <Tag>
                {t('care.campaigns.skipped')}:{' '}
                {format.number(c.counts.skipped_no_address + c.counts.skipped_no_consent + c.counts.skipped_suppressed)}
              </Tag>
              {c.counts.replied > 0 && (
                <Tag color="purple" data-testid="campaign-replies">
                  {t('care.campaigns.replies')}: {format.number(c.counts.replied)}
                </Tag>
              )}
              {c.counts.unsubscribed > 0 && (
                <Tag color="red">
                  {t('care.recipientStates.unsubscribed')}: {format.number(c.counts.unsubscribed)}
                </Tag>
              )}
            </Space>
          ) : (
            ''
          ),
      },
      {
        key: 'when',
        title: t('care.campaigns.when'),
        render: (c) => (c.sentAt ? format.dateTime(c.sentAt) : c.scheduledAt ? format.dateTime(c.scheduledAt) : ''),
      },
    ],
    [t, format],
  );
  return (
    <div data-testid="campaigns-page">
      <PageHeader
        title={t('nav.careCampaigns')}
        description={t('care.campaigns.description')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/care/campaigns/new')}
            data-testid="campaign-create"
          >
            {t('care.campaigns.new')}
          </Button>
        }
      />
      <DataTable<Campaign>
        tableKey="care.campaigns"
        endpoint={campaignsEndpoint}
        columns={columns}
        rowKey={(c) => c.id}
        rowLabel={(c) => c.name}
        onOpen={(c) => void navigate(`/care/campaigns/${c.id}`)}
        data-testid="campaigns-table"
      />
    </div>
  );
}
