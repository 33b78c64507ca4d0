import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { invalidateHrCrm, recordDelivery, useGroupName, useHrGroups } from '../shared/api.ts';
import type { HrService } from '../shared/types.ts';

interface Values {
  groupKey: string;
  deliveredOn: Dayjs;
  quantity?: number | null;
  note?: string | null;
}

/** Records that a service was delivered to one of the groups it serves. */
export function DeliveryModal({ service, onClose }: { service: HrService; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const groups = useHrGroups();
  const nameOf = useGroupName();
  const form = useApiForm<Values>({
    submit: (v) =>
      recordDelivery(service.id, {
        groupKey: v.groupKey,
        deliveredOn: v.deliveredOn.format('YYYY-MM-DD'),
        ...(v.quantity ? { quantity: v.quantity } : {}),
        note: v.note?.trim() || null,
      }),
    onSuccess: () => {
      invalidateHrCrm(qc);
      onClose();
    },
  });
  const served = new Set(service.groups.map((g) => g.groupKey));
  const options = (groups.data?.items ?? [])
    .filter((g) => served.size === 0 || served.has(g.key))
    .map((g) => ({ value: g.key, label: nameOf(g) }));
  return (
    <FormModal<Values>
      form={form}
      open
      title={t('hrcrm.recordDeliveryOf', { name: i18n.language === 'zh-CN' ? service.nameZh : service.nameEn })}
      okText={t('hrcrm.recordDelivery')}
      onCancel={onClose}
      initialValues={{ deliveredOn: dayjs(), groupKey: options.length === 1 ? options[0]?.value : undefined }}
      data-testid="delivery-modal"
      okTestId="delivery-save"
    >
      <Form.Item
        name="groupKey"
        label={t('hrcrm.group')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={options} data-testid="delivery-group" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item
            name="deliveredOn"
            label={t('hrcrm.deliveredOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="quantity" label={t('hrcrm.quantity')}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('hrcrm.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
