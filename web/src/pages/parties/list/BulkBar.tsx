import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { partyRoles, stagesOf, type BulkPartiesOutcome, type BulkPartyAction } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { invalidateParties } from '../shared/api.ts';
import { SelectionActions } from './SelectionActions.tsx';

type Kind = BulkPartyAction['kind'];
const kinds: Kind[] = ['assign_owner', 'assign_backup', 'add_tag', 'remove_tag', 'move_stage', 'delete'];

interface Values {
  userId?: string | null;
  tag?: string;
  role?: (typeof partyRoles)[number];
  stage?: string;
  reason?: string;
}

/** The action the form describes, in the API's shape. */
export function toAction(kind: Kind, v: Values): BulkPartyAction {
  switch (kind) {
    case 'assign_owner':
      return { kind, ownerId: v.userId ?? null, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) };
    case 'assign_backup':
      return { kind, backupOwnerId: v.userId ?? null };
    case 'add_tag':
    case 'remove_tag':
      return { kind, tag: (v.tag ?? '').trim() };
    case 'move_stage':
      return { kind, role: v.role ?? 'customer', stage: v.stage ?? '', reason: (v.reason ?? '').trim() };
    case 'delete':
      return { kind };
  }
}

/** Above a list with selected rows: how many, one action for all of them, and what happened to each. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | null>(null);
  const [outcome, setOutcome] = useState<BulkPartiesOutcome | null>(null);
  if (!ids.length && !outcome) {
    return null;
  }
  return (
    <div data-testid="bulk-bar" style={{ marginBottom: 12 }}>
      {ids.length > 0 && (
        <Space wrap>
          <Typography.Text strong data-testid="bulk-count">
            {t('bulk.selected', { count: ids.length })}
          </Typography.Text>
          {kinds.map((k) => (
            <Button key={k} danger={k === 'delete'} onClick={() => setKind(k)} data-testid={`bulk-${k}`}>
              {t(`bulk.kinds.${k}`)}
            </Button>
          ))}
          <SelectionActions ids={ids} />
          <Button type="link" onClick={onDone} data-testid="bulk-clear">
            {t('bulk.clear')}
          </Button>
        </Space>
      )}
      {outcome && <OutcomeNote outcome={outcome} onClose={() => setOutcome(null)} />}
      {kind && (
        <BulkDialog
          kind={kind}
          ids={ids}
          onClose={() => setKind(null)}
          onDone={(o) => {
            setKind(null);
            setOutcome(o);
            onDone();
          }}
        />
      )}
    </div>
  );
}

function OutcomeNote({ outcome, onClose }: { outcome: BulkPartiesOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = outcome.results.filter((r) => r.status === 'failed');
  return (
    <Alert
      closable
      onClose={onClose}
      style={{ marginTop: 8 }}
      type={outcome.failed ? 'warning' : 'success'}
      showIcon
      data-testid="bulk-outcome"
      message={t('bulk.outcome', { changed: outcome.changed, unchanged: outcome.unchanged, failed: outcome.failed })}
      description={
        failed.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {failed.slice(0, 20).map((r) => (
              <li key={r.id}>{r.error?.message ?? r.error?.code}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

function BulkDialog({
  kind,
  ids,
  onClose,
  onDone,
}: {
  kind: Kind;
  ids: string[];
  onClose: () => void;
  onDone: (o: BulkPartiesOutcome) => void;
}) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form) ?? 'customer';
  const run = useMutation({
    mutationFn: (v: Values) =>
      api<BulkPartiesOutcome>('/api/parties/bulk', { method: 'POST', body: { ids, action: toAction(kind, v) } }),
    onSuccess: (o) => {
      invalidateParties(queryClient);
      onDone(o);
    },
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Modal
      open
      title={t(`bulk.kinds.${kind}`) + ' · ' + t('bulk.selected', { count: ids.length })}
      okText={t('bulk.run')}
      okButtonProps={{ danger: kind === 'delete', loading: run.isPending, 'data-testid': 'bulk-run' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {run.error && (
        <Alert type="error" showIcon role="alert" message={describe(run.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ role: 'customer' }}>
        {(kind === 'assign_owner' || kind === 'assign_backup') && (
          <Form.Item name="userId" label={t(kind === 'assign_owner' ? 'parties.owner' : 'parties.backupOwner')}>
            <UserSelect aria-label={t('parties.owner')} />
          </Form.Item>
        )}
        {(kind === 'add_tag' || kind === 'remove_tag') && (
          <Form.Item name="tag" label={t('parties.tags')} rules={required}>
            <Input maxLength={50} data-testid="bulk-tag" />
          </Form.Item>
        )}
        {kind === 'move_stage' && (
          <>
            <Form.Item name="role" label={t('parties.role')}>
              <Select options={partyRoles.map((r) => ({ value: r, label: t(`parties.roles.${r}`) }))} />
            </Form.Item>
            <Form.Item name="stage" label={t('parties.newStage')} rules={required}>
              <Select
                data-testid="bulk-stage"
                options={stagesOf(role).map((s) => ({ value: s, label: t(`parties.stages.${s}`) }))}
              />
            </Form.Item>
          </>
        )}
        {(kind === 'move_stage' || kind === 'assign_owner') && (
          <Form.Item name="reason" label={t('parties.reason')} rules={kind === 'move_stage' ? required : []}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="bulk-reason" />
          </Form.Item>
        )}
        {kind === 'delete' && (
          <Typography.Paragraph>{t('bulk.deleteHint', { count: ids.length })}</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
