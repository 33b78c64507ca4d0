import { useState } from 'react';
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { consentKey, putConsent, usePartyConsent } from './api.ts';
import { consentChannels, consentSources, type PartyConsent } from './types.ts';

type Channel = (typeof consentChannels)[number];
type Values = { source: string; note?: string } & Partial<Record<Channel, 'granted' | 'withdrawn' | 'unknown'>>;

const statusColor: Record<string, string> = { granted: 'green', withdrawn: 'red', unknown: 'default' };

/** Changes consent: only the channels whose status changes are sent (the server records nothing for the same). */
function ConsentModal({ consent, onClose }: { consent: PartyConsent; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const current = Object.fromEntries(consent.channels.map((c) => [c.channel, c.status]));
  const form = useApiForm<Values>({
    submit: (v) =>
      putConsent(consent.partyId, {
        consents: consentChannels.flatMap((ch) => {
          const s = v[ch];
          return s && s !== 'unknown' && s !== current[ch] ? [{ channel: ch, status: s }] : [];
        }),
        source: v.source,
        note: v.note?.trim() || null,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: consentKey(consent.partyId) });
      void qc.invalidateQueries({ queryKey: ['party-timeline', consent.partyId] });
      onClose();
    },
  });
  return (
    <FormModal<Values>
      form={form}
      open
      title={t('care.consent.change')}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{ ...current, source: 'verbal' }}
      data-testid="consent-modal"
      okTestId="consent-save"
    >
      {consentChannels.map((ch) => (
        <Form.Item key={ch} name={ch} label={t(`care.channels.${ch}`)}>
          <Select
            data-testid={`consent-${ch}`}
            options={[
              { value: 'granted', label: t('care.consentStatuses.granted') },
              { value: 'withdrawn', label: t('care.consentStatuses.withdrawn') },
              ...(current[ch] === 'unknown' ? [{ value: 'unknown', label: t('care.consentStatuses.unknown') }] : []),
            ]}
          />
        </Form.Item>
      ))}
      <Form.Item
        name="source"
        label={t('care.consent.source')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          data-testid="consent-source"
          options={consentSources
            .filter((s) => s !== 'unsubscribe_link')
            .map((s) => ({ value: s, label: t(`care.consentSources.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('care.consent.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** Consent per channel on the party page: status, where it came from and when, suppression; change it. */
export function ConsentCard({ partyId, editable }: { partyId: string; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const q = usePartyConsent(partyId);
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <span>
          <SafetyCertificateOutlined /> {t('care.consent.title')}
        </span>
      }
      extra={
        editable &&
        q.data && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="consent-edit">
            {t('care.consent.change')}
          </Button>
        )
      }
      data-testid="party-consent"
    >
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="channel"
          loading={q.isPending}
          pagination={false}
          dataSource={q.data?.channels ?? []}
          columns={[
            { key: 'channel', title: t('care.consent.channel'), render: (_, c) => t(`care.channels.${c.channel}`) },
            {
              key: 'status',
              title: t('care.consent.status'),
              render: (_, c) => (
                <span data-testid={`consent-status-${c.channel}`}>
                  <Tag color={statusColor[c.status]}>{t(`care.consentStatuses.${c.status}`)}</Tag>
                  {c.suppressed && <Tag color="volcano">{t('care.consent.suppressed')}</Tag>}
                </span>
              ),
            },
            {
              key: 'source',
              title: t('care.consent.source'),
              render: (_, c) => (c.source ? t(`care.consentSources.${c.source}`, { defaultValue: c.source }) : '—'),
            },
            { key: 'at', title: t('care.consent.at'), render: (_, c) => (c.at ? format.dateTime(c.at) : '—') },
          ]}
        />
      )}
      {editing && q.data && <ConsentModal consent={q.data} onClose={() => setEditing(false)} />}
    </Card>
  );
}
