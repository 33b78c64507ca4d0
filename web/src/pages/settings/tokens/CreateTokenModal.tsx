import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { ApiTokenCreated } from '../../../api/types.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';

/** "New token": names it; the token itself shows once, in TokenCreatedModal. */
export function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: ApiTokenCreated) => void;
}) {
  const { t } = useTranslation();
  const create = useApiForm<{ name: string }, ApiTokenCreated>({
    submit: (values) => api<ApiTokenCreated>('/api/tokens', { method: 'POST', body: values }),
    onSuccess: (token) => {
      create.form.resetFields();
      onCreated(token);
    },
  });
  return (
    <FormModal<{ name: string }>
      form={create}
      open={open}
      title={t('tokens.create')}
      onCancel={() => {
        onClose();
        create.reset();
      }}
      destroyOnHidden={false}
    >
      <Form.Item
        name="name"
        label={t('tokens.name')}
        extra={t('tokens.nameHint')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={100} autoFocus data-testid="token-name" />
      </Form.Item>
    </FormModal>
  );
}
