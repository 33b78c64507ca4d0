import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { CreateUser, User } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserFields } from '../shared/UserFields/UserFields.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';

/** "New user": creates the account with its roles; server validation lands on the fields. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useToast();
  const queryClient = useQueryClient();
  const modal = useApiForm<CreateUser, User>({
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
    modal.clear();
    onClose();
  };
  return (
    <FormModal<CreateUser>
      form={modal}
      open={open}
      title={t('users.create')}
      onCancel={close}
      okTestId="user-save"
      formTestId="user-form"
      initialValues={{ roles: ['employee'] }}
    >
      <UserFields mode="create" />
    </FormModal>
  );
}
