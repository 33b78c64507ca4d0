import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Form, Input, List, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Party, UpdateParty } from '../../../api/types.ts';
import { EmptyState } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { invalidateParties, partyKey } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { LongText } from '../../../components/LongText/LongText.tsx';

type Depth = 'facts' | 'preferences';
type FactValue = string | number | boolean | null;
const topics = ['feelings', 'worries', 'life_event', 'other'] as const;

const show = (v: FactValue) => (v === null ? '—' : typeof v === 'boolean' ? (v ? '✓' : '✗') : String(v));

/** PATCHes the profile part with the party's version and updates the cached record. */
function useProfilePatch(party: Party) {
  const { t } = useTranslation();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profile: NonNullable<UpdateParty['profile']>) =>
      api<Party>(`/api/parties/${party.id}`, { method: 'PATCH', body: { profile, version: party.version } }),
    onSuccess: (p) => {
      queryClient.setQueryData(partyKey(p.id), p);
      invalidateParties(queryClient, p.id);
      void toast.success(t('common.saved'));
    },
    onError: (e) => {
      notify(e);
      invalidateParties(queryClient, party.id);
    },
  });
}

function DepthEditor({ party, depth, onClose }: { party: Party; depth: Depth | null; onClose: () => void }) {
  const { t } = useTranslation();
  const patch = useProfilePatch(party);
  const [form] = Form.useForm<{ entries: { key: string; value: string }[] }>();
  const initial = depth
    ? Object.entries(party.profile?.[depth] ?? {}).map(([key, value]) => ({
        key,
        value: value === null ? '' : String(value),
      }))
    : [];
  const save = ({ entries }: { entries?: { key: string; value: string }[] }) => {
    if (!depth) {
      return;
    }
    const record = Object.fromEntries(
      (entries ?? []).filter((e) => e.key?.trim()).map((e) => [e.key.trim(), e.value ?? '']),
    );
    patch.mutate({ [depth]: record }, { onSuccess: onClose });
  };
  return (
    <Modal
      open={depth !== null}
      title={depth ? t(`parties.profile.${depth}`) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={patch.isPending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{depth && t(`parties.profile.${depth}Hint`)}</Typography.Paragraph>
      <Form form={form} onFinish={save} initialValues={{ entries: initial }} preserve={false}>
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item
                    name={[f.name, 'key']}
                    rules={[{ required: true, message: t('validation.required') }]}
                    style={{ flex: 1 }}
                  >
                    <Input
                      placeholder={t('parties.profile.key')}
                      aria-label={t('parties.profile.key')}
                      maxLength={100}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} style={{ flex: 2 }}>
                    <Input
                      placeholder={t('parties.profile.value')}
                      aria-label={t('parties.profile.value')}
                      maxLength={2000}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
                {t('parties.profile.addEntry')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function CareNotes({ party, editable }: { party: Party; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const patch = useProfilePatch(party);
  const [form] = Form.useForm<{ note: string; topic?: (typeof topics)[number] }>();
  const care = party.profile?.care ?? [];
  const add = (v: { note: string; topic?: (typeof topics)[number] }) =>
    patch.mutate(
      {
        care: [
          ...care.map((c) => ({ id: c.id, at: c.at, note: c.note, topic: c.topic as (typeof topics)[number] | null })),
          { note: v.note, topic: v.topic ?? null },
        ],
      },
      { onSuccess: () => form.resetFields() },
    );
  return (
    <>
      {editable && (
        <Form form={form} layout="inline" onFinish={add} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item
            name="note"
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            style={{ flex: 1, minWidth: 240 }}
          >
            <Input.TextArea
              autoSize
              placeholder={t('parties.profile.notePlaceholder')}
              aria-label={t('parties.careNote')}
              maxLength={4000}
            />
          </Form.Item>
          <Form.Item name="topic">
            <Select
              allowClear
              placeholder={t('parties.profile.topic')}
              aria-label={t('parties.profile.topic')}
              style={{ width: 140 }}
              options={topics.map((x) => ({ value: x, label: t(`parties.profile.topics.${x}`) }))}
            />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={patch.isPending}>
            {t('parties.profile.addNote')}
          </Button>
        </Form>
      )}
      {care.length === 0 ? (
        <EmptyState description={t('parties.profile.noCare')} />
      ) : (
        <List
          size="small"
          dataSource={[...care].sort((a, b) => b.at.localeCompare(a.at))}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space>
                  <Typography.Text type="secondary">{format.date(c.at)}</Typography.Text>
                  {c.topic && <Tag>{t(`parties.profile.topics.${c.topic}`, { defaultValue: c.topic })}</Tag>}
                </Space>
                <LongText text={c.note} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** The customer file in three depths: objective facts, subjective preferences, dated care notes. */
export function ProfileCard({ party, editable }: { party: Party; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Depth | null>(null);
  const depthTab = (depth: Depth) => {
    const entries = Object.entries(party.profile?.[depth] ?? {});
    return (
      <>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t(`parties.profile.${depth}Hint`)}</Typography.Text>
          {editable && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(depth)}
              data-testid={`edit-${depth}`}
            >
              {t('common.edit')}
            </Button>
          )}
        </Flex>
        {entries.length === 0 ? (
          <EmptyState />
        ) : (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={entries.map(([k, v]) => ({
              key: k,
              label: k,
              children: typeof v === 'string' ? <LongText text={v} lines={3} /> : show(v),
            }))}
          />
        )}
      </>
    );
  };
  return (
    <Card title={t('parties.profile.title')} size="small" style={{ marginBottom: 16 }} data-testid="party-profile">
      <Tabs
        size="small"
        items={[
          { key: 'facts', label: t('parties.profile.facts'), children: depthTab('facts') },
          { key: 'preferences', label: t('parties.profile.preferences'), children: depthTab('preferences') },
          { key: 'care', label: t('parties.profile.care'), children: <CareNotes party={party} editable={editable} /> },
        ]}
      />
      <DepthEditor party={party} depth={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
