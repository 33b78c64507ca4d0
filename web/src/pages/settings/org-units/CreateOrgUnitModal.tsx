import { Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { CreateOrgUnit, OrgUnit } from '../../../api/types.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { orgUnitsKey } from '../shared/useOrgUnits.ts';
import { useToast } from '../../../components/feedback/toast.tsx';

interface Props {
  /** Undefined: closed. Null: a top-level unit. */
  parent: OrgUnit | null | undefined;
  onClose: (created?: OrgUnit) => void;
}

/** New org unit, at the top level or under `parent`. */
export function CreateOrgUnitModal({ parent, onClose }: Props) {
  const { t } = useTranslation();
  const message = useToast();
  const queryClient = useQueryClient();
  const create = useApiForm<CreateOrgUnit, OrgUnit>({
    submit: (values) =>
      api<OrgUnit>('/api/org-units', { method: 'POST', body: { ...values, parentId: parent?.id ?? null } }),
    onSuccess: (unit) => {
      void message.success(t('orgUnits.created', { name: unit.name }));
      void queryClient.invalidateQueries({ queryKey: orgUnitsKey });
      close(unit);
    },
  });
  const close = (unit?: OrgUnit) => {
    create.clear();
    onClose(unit);
  };
  return (
    <FormModal<CreateOrgUnit>
      form={create}
      open={parent !== undefined}
      title={parent ? t('orgUnits.createChildOf', { name: parent.name }) : t('orgUnits.createRoot')}
      onCancel={() => close()}
      destroyOnHidden={false}
    >
      <Form.Item
        name="name"
        label={t('orgUnits.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} autoFocus data-testid="org-unit-new-name" />
      </Form.Item>
      <Form.Item name="managerUserId" label={t('orgUnits.manager')}>
        <UserSelect placeholder={t('orgUnits.noManager')} />
      </Form.Item>
    </FormModal>
  );
}
