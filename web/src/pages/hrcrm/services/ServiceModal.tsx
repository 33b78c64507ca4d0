import { Button, Col, Form, Input, Row, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { invalidateHrCrm, saveService, useGroupName, useHrGroups } from '../shared/api.ts';
import { measureKinds, type HrService, type MeasureKind } from '../shared/types.ts';

interface GroupRow {
  groupKey: string;
  expectedValue?: string | null;
  measure: { kind: MeasureKind; ref?: string | null };
}

interface Values {
  nameZh: string;
  nameEn: string;
  description?: string | null;
  ownerUserId?: string | null;
  active: boolean;
  groups: GroupRow[];
}

/** The groups a service serves: for each, the value it should get and how its delivery is measured. */
function ServedGroupsField() {
  const { t } = useTranslation();
  const groups = useHrGroups();
  const nameOf = useGroupName();
  const groupOptions = (groups.data?.items ?? []).map((g) => ({ value: g.key, label: nameOf(g) }));
  return (
    <Form.List name="groups">
      {(fields, { add, remove }) => (
        <div data-testid="service-groups">
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item
                name={[field.name, 'groupKey']}
                label={t('hrcrm.group')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select style={{ width: 180 }} options={groupOptions} data-testid="service-group-key" />
              </Form.Item>
              <Form.Item name={[field.name, 'expectedValue']} label={t('hrcrm.expectedValue')}>
                <Input style={{ width: 200 }} maxLength={500} data-testid="service-expected-value" />
              </Form.Item>
              <Form.Item name={[field.name, 'measure', 'kind']} label={t('hrcrm.measure')}>
                <Select
                  style={{ width: 160 }}
                  options={measureKinds.map((k) => ({ value: k, label: t(`hrcrm.measureKinds.${k}`) }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'measure', 'ref']} label={t('hrcrm.measureRef')}>
                <Input style={{ width: 140 }} maxLength={200} />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ measure: { kind: 'none' } })}
            data-testid="service-add-group"
          >
            {t('hrcrm.addServedGroup')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** A service of the catalogue (正推法): what it is, who owns it, and for each group it serves the value and its measure. */
export function ServiceModal({ service, onClose }: { service: HrService | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<Values>({
    submit: (v) =>
      saveService(service?.id ?? null, {
        nameZh: v.nameZh.trim(),
        nameEn: v.nameEn.trim(),
        description: v.description?.trim() || null,
        ownerUserId: v.ownerUserId ?? null,
        active: v.active,
        groups: (v.groups ?? []).map((g) => ({
          groupKey: g.groupKey,
          expectedValue: g.expectedValue?.trim() || null,
          measure: { kind: g.measure.kind, ref: g.measure.kind === 'none' ? null : g.measure.ref?.trim() || null },
        })),
      }),
    onSuccess: () => {
      invalidateHrCrm(qc);
      onClose();
    },
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormModal<Values>
      form={form}
      open
      width={820}
      title={service ? t('hrcrm.editService') : t('hrcrm.newService')}
      okText={service ? t('common.save') : undefined}
      onCancel={onClose}
      initialValues={
        service
          ? { ...service, groups: service.groups.map((g) => ({ ...g, measure: { ...g.measure } })) }
          : { active: true, groups: [] }
      }
      data-testid="service-modal"
      okTestId="service-save"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="nameZh" label={t('hrcrm.nameZh')} rules={required}>
            <Input maxLength={200} data-testid="service-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('hrcrm.nameEn')} rules={required}>
            <Input maxLength={200} data-testid="service-name-en" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('hrcrm.description')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="ownerUserId" label={t('hrcrm.owner')}>
            <UserSelect aria-label={t('hrcrm.owner')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="active" label={t('hrcrm.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <ServedGroupsField />
    </FormModal>
  );
}
