import { useEffect, useEffectEvent } from 'react';
import { Col, Form, Input, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Party, UpdateParty } from '../../../api/types.ts';
import { genders } from '@tandem/server/api';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { VersionConflictModal, type ConflictField } from '../../../components/feedback/VersionConflictModal.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { PersonNameFields } from '../shared/PersonNameFields/PersonNameFields.tsx';
import { invalidateParties, partyKey } from '../shared/api.ts';

type Address = NonNullable<Party['address']>;
type Values = Pick<
  Party,
  'displayName' | 'givenName' | 'familyName' | 'emails' | 'phones' | 'tags' | 'ownerId' | 'backupOwnerId'
> & { gender: Gender | null; address: Address; reason?: string };
type Gender = (typeof genders)[number];
const addressParts = ['text', 'city', 'region', 'country', 'postalCode'] as const;

/** The address as the server takes it: parts the form does not show kept, empty parts dropped, nothing left → null. */
function addressInput(before: Party['address'], edited: Address): Address | null {
  const merged = { ...before, ...edited };
  const kept = Object.entries(merged).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  return kept.length ? Object.fromEntries(kept.map(([k, v]) => [k, v.trim()])) : null;
}

const user = (v: unknown) => <UserName id={typeof v === 'string' ? v : null} />;
const conflictFieldsOf = (t: TFunction): ConflictField[] => [
  { name: 'displayName', label: t('parties.displayName') },
  { name: 'emails', label: t('parties.emails') },
  { name: 'phones', label: t('parties.phones') },
  { name: 'tags', label: t('parties.tags') },
  { name: 'ownerId', label: t('parties.owner'), format: user },
  { name: 'backupOwnerId', label: t('parties.backupOwner'), format: user },
  { name: 'gender', label: t('parties.gender') },
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
  gender: (genders as readonly string[]).includes(p.gender ?? '') ? (p.gender as Gender) : null,
  address: Object.fromEntries(addressParts.map((k) => [k, p.address?.[k] ?? ''])),
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
        body: {
          ...v,
          address: addressInput(party.address, v.address),
          reason: v.reason || undefined,
          version: party.version,
        } satisfies UpdateParty,
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
      <Form.Item name="gender" label={t('parties.gender')}>
        <Select
          allowClear
          aria-label={t('parties.gender')}
          data-testid="party-edit-gender"
          options={genders.map((g) => ({ value: g, label: t(`parties.genders.${g}`) }))}
        />
      </Form.Item>
      <AddressFields />
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

/** The address: the free text imports bring, and its main parts (each checked by the server, errors on the field). */
function AddressFields() {
  const { t } = useTranslation();
  const part = (k: (typeof addressParts)[number], max = 200) => (
    <Form.Item name={['address', k]} label={t(`parties.addressParts.${k}`)}>
      <Input maxLength={max} data-testid={`party-edit-address-${k}`} />
    </Form.Item>
  );
  return (
    <>
      {part('text')}
      <Row gutter={12}>
        <Col span={6}>{part('city')}</Col>
        <Col span={6}>{part('region')}</Col>
        <Col span={6}>{part('country')}</Col>
        <Col span={6}>{part('postalCode', 20)}</Col>
      </Row>
    </>
  );
}
