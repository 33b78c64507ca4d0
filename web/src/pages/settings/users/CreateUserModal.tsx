import { Form, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { CreateUser, User } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';
import { FormError } from '../../../components/forms/FormError.tsx';
import { HiddenSubmit } from '../../../components/forms/HiddenSubmit.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserFields } from '../shared/UserFields/UserFields.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';

/** "New user": creates the account with its roles; server validation lands on the fields. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useToast();
  const queryClient = useQueryClient();
  const { form, onFinish, submitting, formError, reset } = useApiForm<CreateUser, User>({
    submit: (values) =>
      api<User>('/api/users', {
        method: 'POST',
        body: { ...values, orgUnitId: values.orgUnitId ?? null, locale: values.locale ?? null },
      }),
    onSuccess: (user) => {
      void message.success(t('users.created', { name: user.displayName }));
      void queryClient.invalidateQueries({ queryKey: listKey('/api/users') });
      void queryClient.invalidateQueries({ queryKey: ['users', 'stats'] });
      close();
    },
  });
  const close = () => {
    form.resetFields();
    reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'user-save' }}
      destroyOnHidden
      forceRender
    >
      <FormError message={formError} />
      <Form<CreateUser>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ roles: ['employee'] }}
        data-testid="user-form"
      >
        <UserFields mode="create" />
        <HiddenSubmit />
      </Form>
    </Modal>
  );
}
