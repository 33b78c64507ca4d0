import { Form, Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { roles } from '@tandem/server/api';
import { toTreeSelect, useOrgUnits } from '../useOrgUnits.ts';
import { supportedLanguages } from '../../../../i18n/language.ts';

/** Fields shared by "new user" and the user's profile form. */
export function UserFields({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const { tree } = useOrgUnits();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
        <Input maxLength={200} data-testid="user-displayName" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('users.email')}
        rules={[required, { type: 'email', message: t('validation.invalid_format') }]}
      >
        <Input type="email" autoComplete="off" data-testid="user-email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={mode === 'create' ? t('users.password') : t('users.newPassword')}
        extra={mode === 'edit' ? t('users.newPasswordHint') : t('users.passwordHint')}
        rules={[...(mode === 'create' ? [required] : []), { min: 10, message: t('validation.passwordLength') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[{ ...required, type: 'array', min: 1, message: t('validation.rolesRequired') }]}
      >
        <Select
          mode="multiple"
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          data-testid="user-roles"
        />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('users.orgUnit')}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          treeData={toTreeSelect(tree)}
          placeholder={t('users.noOrgUnit')}
          data-testid="user-orgUnit"
        />
      </Form.Item>
      <Form.Item name="locale" label={t('users.locale')}>
        <Select
          allowClear
          placeholder={t('users.localeDefault')}
          options={supportedLanguages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
      </Form.Item>
    </>
  );
}
