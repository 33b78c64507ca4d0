import { useEffect, useEffectEvent } from 'react';
import { Button, Form, Input, Space } from 'antd';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { OrgUnit } from '../../../api/types.ts';
import { VersionConflictModal } from '../../../components/feedback/VersionConflictModal.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { orgUnitsKey } from '../shared/useOrgUnits.ts';
import { useToast } from '../../../components/feedback/toast.tsx';

interface Values {
  name: string;
  managerUserId: string | null;
}

/** Rename a unit and set its manager; a stale version offers reload-and-compare. */
export function OrgUnitForm({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const message = useToast();
  const queryClient = useQueryClient();
  const edit = useApiForm<Values, OrgUnit>({
    submit: (values) =>
      api<OrgUnit>(`/api/org-units/${unit.id}`, { method: 'PATCH', body: { ...values, version: unit.version } }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: orgUnitsKey });
    },
    onConflict: () => void queryClient.invalidateQueries({ queryKey: orgUnitsKey }),
  });
  const { form } = edit;
  const refreshing = useIsFetching({ queryKey: orgUnitsKey }) > 0;
  // New server data refills the form, except while a conflict shows both versions side by side.
  const refill = useEffectEvent((u: OrgUnit) => {
    if (edit.conflict === null) {
      form.setFieldsValue({ name: u.name, managerUserId: u.managerUserId });
    }
  });
  useEffect(() => refill(unit), [unit]);

  return (
    <>
      <FormError message={edit.formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={edit.onFinish}
        initialValues={{ name: unit.name, managerUserId: unit.managerUserId }}
      >
        <Form.Item
          name="name"
          label={t('orgUnits.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} data-testid="org-unit-name" />
        </Form.Item>
        <Form.Item name="managerUserId" label={t('orgUnits.manager')}>
          <UserSelect placeholder={t('orgUnits.noManager')} data-testid="org-unit-manager" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={edit.submitting} data-testid="org-unit-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue({ name: unit.name, managerUserId: unit.managerUserId })}>
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      <VersionConflictModal
        open={edit.conflict !== null}
        fields={[
          { name: 'name', label: t('orgUnits.name') },
          { name: 'managerUserId', label: t('orgUnits.manager') },
        ]}
        mine={(edit.conflict ?? {}) as unknown as Record<string, unknown>}
        current={refreshing ? undefined : unit}
        onCancel={edit.clearConflict}
        onReload={() => {
          form.setFieldsValue({ name: unit.name, managerUserId: unit.managerUserId });
          edit.clearConflict();
        }}
      />
    </>
  );
}
