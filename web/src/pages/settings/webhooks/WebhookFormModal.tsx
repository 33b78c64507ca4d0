import { useEffect } from 'react';
import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { webhookEventFilters } from '@tandem/server/api';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import {
  createWebhook,
  updateWebhook,
  type Webhook,
  type WebhookValues,
  type WebhookWithSecret,
} from '../shared/api.ts';

const blank: WebhookValues = { url: '', description: '', events: [], enabled: true, allowPrivate: false };

/** Add an endpoint (its secret then shows once) or edit one: address, events, enabled, private addresses. */
export function WebhookFormModal({
  open,
  editing,
  onClose,
  onCreated,
  onSaved,
}: {
  open: boolean;
  editing: Webhook | null;
  onClose: () => void;
  onCreated: (w: WebhookWithSecret) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm<WebhookValues, Webhook | WebhookWithSecret>({
    submit: (values) => (editing ? updateWebhook(editing, values) : createWebhook(values)),
    onSuccess: (result) => {
      form.clear();
      if ('secret' in result) {
        onCreated(result);
      } else {
        onSaved();
      }
    },
  });
  const { form: instance } = form;
  useEffect(() => {
    if (open) {
      instance.setFieldsValue(editing ? { ...editing, description: editing.description } : blank);
    }
  }, [open, editing, instance]);
  return (
    <FormModal<WebhookValues>
      form={form}
      open={open}
      title={editing ? t('webhooks.edit') : t('webhooks.create')}
      onCancel={() => {
        onClose();
        form.clear();
      }}
      destroyOnHidden={false}
      okTestId="webhook-save"
    >
      <Form.Item
        name="url"
        label={t('webhooks.url')}
        extra={t('webhooks.urlHint')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={2000} autoFocus placeholder="https://example.com/tandem" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item name="description" label={t('webhooks.descriptionLabel')}>
        <Input maxLength={200} data-testid="webhook-description" />
      </Form.Item>
      <Form.Item name="events" label={t('webhooks.events')} extra={t('webhooks.eventsHint')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('webhooks.allEvents')}
          options={webhookEventFilters.map((e) => ({ value: e, label: e }))}
          data-testid="webhook-events"
        />
      </Form.Item>
      <Form.Item name="enabled" label={t('webhooks.enabled')} valuePropName="checked">
        <Switch data-testid="webhook-enabled" />
      </Form.Item>
      <Form.Item
        name="allowPrivate"
        label={t('webhooks.allowPrivate')}
        extra={t('webhooks.allowPrivateHint')}
        valuePropName="checked"
      >
        <Switch data-testid="webhook-allow-private" />
      </Form.Item>
    </FormModal>
  );
}
