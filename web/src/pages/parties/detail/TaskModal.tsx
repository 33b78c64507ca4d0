import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { taskKinds } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { CreateTask, Task } from '../../../api/types.ts';
import { invalidateParties } from '../shared/api.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';

type Values = Omit<CreateTask, 'partyId' | 'dueAt'> & { dueAt: Dayjs };

/** Tomorrow at 09:00 local time: the usual follow-up slot. */
const defaultDue = () => dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);

/** "Add task": a follow-up for this party (assigned to you unless you pick someone). */
export function TaskModal({ partyId, open, onClose }: { partyId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const modal = useApiForm<Values, Task>({
    submit: ({ dueAt, assigneeId, ...v }) =>
      api<Task>('/api/tasks', {
        method: 'POST',
        body: { ...v, partyId, dueAt: dueAt.toISOString(), assigneeId: assigneeId ?? undefined } satisfies CreateTask,
      }),
    onSuccess: () => {
      void toast.success(t('tasks.created'));
      invalidateParties(queryClient, partyId);
      close();
    },
  });
  const close = () => {
    modal.clear();
    onClose();
  };
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      form={modal}
      open={open}
      title={t('tasks.add')}
      onCancel={close}
      okTestId="task-save"
      data-testid="task-modal"
      initialValues={{ kind: 'call_back', dueAt: defaultDue() }}
    >
      <Form.Item name="kind" label={t('tasks.kind')} rules={[required]}>
        <Select data-testid="task-kind" options={taskKinds.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('tasks.title')} rules={[required]}>
        <Input maxLength={300} data-testid="task-title" />
      </Form.Item>
      <Form.Item name="dueAt" label={t('tasks.dueAt')} rules={[required]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          data-testid="task-due"
        />
      </Form.Item>
      <Form.Item name="assigneeId" label={t('tasks.assignee')} extra={t('tasks.assigneeHint')}>
        <UserSelect />
      </Form.Item>
      <Form.Item name="notes" label={t('tasks.notes')}>
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
    </FormModal>
  );
}
