import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { interactionChannels, interactionDirections, sentiments } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { CreateInteraction, Interaction } from '../../../api/types.ts';
import { invalidateParties } from '../shared/api.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';

type Values = Omit<CreateInteraction, 'partyId' | 'occurredAt'> & { occurredAt?: Dayjs };

/** "Log interaction": a call, visit, message… with this party. */
export function InteractionModal({ partyId, open, onClose }: { partyId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const modal = useApiForm<Values, Interaction>({
    submit: ({ occurredAt, ...v }) =>
      api<Interaction>('/api/interactions', {
        method: 'POST',
        body: { ...v, partyId, occurredAt: occurredAt?.toISOString() } satisfies CreateInteraction,
      }),
    onSuccess: () => {
      void toast.success(t('interactions.logged'));
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
      title={t('interactions.log')}
      okText={t('common.save')}
      onCancel={close}
      okTestId="interaction-save"
      data-testid="interaction-modal"
      initialValues={{ channel: 'phone', direction: 'outbound', occurredAt: dayjs() }}
    >
      <Form.Item name="channel" label={t('interactions.channel')} rules={[required]}>
        <Select
          data-testid="interaction-channel"
          options={interactionChannels.map((c) => ({ value: c, label: t(`interactions.channels.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="direction" label={t('interactions.direction')}>
        <Radio.Group
          optionType="button"
          options={interactionDirections.map((d) => ({ value: d, label: t(`interactions.directions.${d}`) }))}
        />
      </Form.Item>
      <Form.Item name="occurredAt" label={t('interactions.occurredAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="subject" label={t('interactions.subject')} rules={[required]}>
        <Input maxLength={300} data-testid="interaction-subject" />
      </Form.Item>
      <Form.Item name="body" label={t('interactions.body')}>
        <Input.TextArea rows={3} maxLength={20000} data-testid="interaction-body" />
      </Form.Item>
      <Form.Item name="outcome" label={t('interactions.outcome')}>
        <Input maxLength={2000} />
      </Form.Item>
      <Form.Item name="sentiment" label={t('interactions.sentiment')}>
        <Radio.Group
          optionType="button"
          options={sentiments.map((s) => ({ value: s, label: t(`interactions.sentiments.${s}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
