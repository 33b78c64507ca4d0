import { useState } from 'react';
import { Card, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useRecipients } from '../shared/api.ts';
import { recipientStates, type Campaign } from '../shared/types.ts';

const stateColors: Record<string, string> = {
  queued: 'blue',
  sent: 'green',
  failed: 'red',
  replied: 'purple',
  unsubscribed: 'volcano',
};

/** Counts per recipient state and the recipients themselves (filter by state). */
export function ResultsCard({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, setState] = useState<string | undefined>();
  const q = useRecipients(campaign.id, state, true);
  return (
    <Card size="small" title={t('care.results.title')} style={{ marginBottom: 16 }} data-testid="campaign-results">
      <Space size={[4, 8]} wrap style={{ marginBottom: 12 }} data-testid="campaign-counts">
        {recipientStates.map((s) => (
          <Tag key={s} color={stateColors[s]} data-testid={`count-${s}`}>
            {t(`care.recipientStates.${s}`)}: {format.number(campaign.counts[s])}
          </Tag>
        ))}
      </Space>
      <Select
        allowClear
        value={state}
        onChange={setState}
        placeholder={t('care.results.allStates')}
        options={recipientStates.map((s) => ({ value: s, label: t(`care.recipientStates.${s}`) }))}
        style={{ width: 220, marginBottom: 8, display: 'block' }}
        aria-label={t('care.results.state')}
      />
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="partyId"
          loading={q.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={q.data?.items ?? []}
          data-testid="recipients-table"
          columns={[
            {
              key: 'name',
              title: t('care.results.recipient'),
              render: (_, r) => <Link to={`/parties/${r.partyId}`}>{r.displayName}</Link>,
            },
            { key: 'address', title: t('care.results.address'), render: (_, r) => r.address ?? '—' },
            { key: 'locale', title: t('care.results.language'), render: (_, r) => r.locale ?? '—' },
            {
              key: 'state',
              title: t('care.results.state'),
              render: (_, r) => (
                <Tag color={stateColors[r.state]} data-testid="recipient-state">
                  {t(`care.recipientStates.${r.state}`)}
                </Tag>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
