import { useEffect, useEffectEvent } from 'react';
import { Col, Form, Input, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Party, UpdateParty } from '../../../api/types.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { VersionConflictModal, type ConflictField } from '../../../components/feedback/VersionConflictModal.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { PersonNameFields } from '../shared/PersonNameFields/PersonNameFields.tsx';
import { invalidateParties, partyKey } from '../shared/api.ts';

type Values = Pick<
  Party,
  'displayName' | 'givenName' | 'familyName' | 'emails' | 'phones' | 'tags' | 'ownerId' | 'backupOwnerId'
> & { reason?: string };

const user = (v: unknown) => <UserName id={typeof v === 'string' ? v : null} />;
const conflictFieldsOf = (t: TFunction): ConflictField[] => [
  { name: 'displayName', label: t('parties.displayName') },
  { name: 'emails', label: t('parties.emails') },
  { name: 'phones', label: t('parties.phones') },
  { name: 'tags', label: t('parties.tags') },
  { name: 'ownerId', label: t('parties.owner'), format: user },
  { name: 'backupOwnerId', label: t('parties.backupOwner'), format: user },
];

const toValues = (p: Party): Values => ({
  displayName: p.displayName,
  givenName: p.givenName,
  familyName: p.familyName,
  emails: p.emails,
  phones: p.phones,
  tags: p.tags ?? [],
  ownerId: p.ownerId ?? null,
  backupOwnerId: p.backupOwnerId ?? null,
});

/** Edits names, contacts, tags and owners with the party's version; a 409 shows both versions side by side. */
export function EditPartyModal({
  party,
  refreshing,
  open,
  onClose,
  onConflict,
}: {
  party: Party;
  refreshing: boolean;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const edit = useApiForm<Values, Party>({
    submit: (v) =>
      api<Party>(`/api/parties/${party.id}`, {
        method: 'PATCH',
        body: { ...v, reason: v.reason || undefined, version: party.version } satisfies UpdateParty,
      }),
    onSuccess: (p) => {
      queryClient.setQueryData(partyKey(p.id), p);
      invalidateParties(queryClient, p.id);
      void toast.success(t('common.saved'));
      onClose();
    },
    onConflict,
  });
  const { form } = edit;
  // Filled when the dialog opens, not on every refetch: a refetch during a conflict must not overwrite the edits.
  const fill = useEffectEvent(() => form.setFieldsValue(toValues(party)));
  useEffect(() => {
    if (open) {
      fill();
    }
  }, [open]);

  const conflictFields = conflictFieldsOf(t);
  return (
    <>
      <FormModal<Values>
        form={edit}
        open={open}
        title={t('parties.edit')}
        okText={t('common.save')}
        onCancel={() => {
          edit.reset();
          onClose();
        }}
        okTestId="party-edit-save"
        width={640}
        destroyOnHidden={false}
      >
        <EditPartyFields person={party.kind === 'person'} />
      </FormModal>
      <VersionConflictModal
        open={edit.conflict !== null}
        fields={conflictFields}
        mine={edit.conflict ?? {}}
        current={refreshing ? undefined : party}
        onCancel={edit.clearConflict}
        onReload={() => {
          form.setFieldsValue(toValues(party));
          edit.clearConflict();
        }}
      />
    </>
  );
}

/** Names, contacts, tags, the two owners and why they changed. */
function EditPartyFields({ person }: { person: boolean }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name="displayName" label={t('parties.displayName')} rules={[required]}>
        <Input maxLength={200} data-testid="party-edit-displayName" />
      </Form.Item>
      {person && <PersonNameFields />}
      <Form.Item name="emails" label={t('parties.emails')} extra={t('parties.multiHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', ' ']} aria-label={t('parties.emails')} />
      </Form.Item>
      <Form.Item name="phones" label={t('parties.phones')} extra={t('parties.multiHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',']} aria-label={t('parties.phones')} />
      </Form.Item>
      <Form.Item name="tags" label={t('parties.tags')}>
        <Select mode="tags" open={false} tokenSeparators={[',']} aria-label={t('parties.tags')} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="ownerId" label={t('parties.owner')}>
            <UserSelect aria-label={t('parties.owner')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="backupOwnerId" label={t('parties.backupOwner')}>
            <UserSelect aria-label={t('parties.backupOwner')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('parties.ownerReason')}>
        <Input maxLength={1000} />
      </Form.Item>
    </>
  );
}
