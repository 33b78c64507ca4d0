import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PartyPicker } from '../../surveys/shared/PartyPicker/PartyPicker.tsx';
import type { CycleWizardValues } from '../shared/cycleForm.ts';
import { OrgUnitSelect } from '../shared/OrgUnitSelect.tsx';

/** The wizard's form values: dates as dayjs while editing. */
export type WizardForm = Omit<CycleWizardValues, 'periodStart' | 'periodEnd' | 'opensAt'> & {
  periodStart: Dayjs;
  periodEnd: Dayjs;
  opensAt: Dayjs;
};

export function BasicsStep({ noticeDays }: { noticeDays: number }) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['name', 'zh']} label={t('people.wizard.nameZh')} rules={required}>
            <Input maxLength={200} data-testid="cycle-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['name', 'en']} label={t('people.wizard.nameEn')} rules={required}>
            <Input maxLength={200} data-testid="cycle-name-en" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="periodStart"
            label={t('people.wizard.periodStart')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="periodEnd"
            label={t('people.wizard.periodEnd')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="opensAt"
            label={t('people.wizard.opensAt')}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={t('people.wizard.opensAtHint', { days: noticeDays })}
          >
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="noticeDays"
        label={t('people.wizard.noticeDays')}
        extra={t('people.wizard.noticeDaysHint', { days: noticeDays })}
      >
        <InputNumber min={1} max={90} placeholder={String(noticeDays)} />
      </Form.Item>
      <Alert type="info" showIcon message={t('people.guards.APPRAISAL_TOO_FREQUENT.before')} />
    </>
  );
}

export function CriteriaStep({ total }: { total: number }) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('people.wizard.criteriaHint')}</Typography.Paragraph>
      <Form.List
        name="criteria"
        rules={[
          {
            validator: (_, v: unknown[] | undefined) =>
              !v || v.length === 0 ? Promise.reject(new Error(t('people.wizard.criteriaRequired'))) : Promise.resolve(),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }} data-testid={`criterion-${i}`}>
                <Form.Item name={[f.name, 'text', 'zh']} rules={required}>
                  <Input placeholder={t('people.wizard.criterionZh')} maxLength={200} />
                </Form.Item>
                <Form.Item name={[f.name, 'text', 'en']} rules={required}>
                  <Input placeholder={t('people.wizard.criterionEn')} maxLength={200} />
                </Form.Item>
                <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: t('validation.required') }]}>
                  <InputNumber min={1} max={100} addonAfter={t('people.wizard.weight')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('people.remove')} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ text: { zh: '', en: '' }, weight: 10 })}
              data-testid="criterion-add"
            >
              {t('people.wizard.addCriterion')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Paragraph
        style={{ marginTop: 12 }}
        type={total === 100 ? 'secondary' : 'warning'}
        data-testid="weight-total"
      >
        {t('people.wizard.weightTotal', { total })}
      </Typography.Paragraph>
      <Alert type="info" showIcon message={t('people.guards.CRITERIA_IMMUTABLE.before')} />
    </>
  );
}

export function ParticipantsStep() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={['participants', 'orgUnitIds']}
        label={t('people.wizard.orgUnits')}
        extra={t('people.wizard.orgUnitsHint')}
      >
        <OrgUnitSelect multiple data-testid="cycle-units" />
      </Form.Item>
      <Form.Item name={['participants', 'partyIds']} label={t('people.wizard.employees')}>
        <PartyPicker role="employee" data-testid="cycle-employees" aria-label={t('people.wizard.employees')} />
      </Form.Item>
      <Form.Item
        name="bottomBandPercent"
        label={t('people.wizard.bottomBand')}
        extra={t('people.wizard.bottomBandHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber min={0} max={50} addonAfter="%" data-testid="cycle-bottom-band" />
      </Form.Item>
      <Alert type="info" showIcon message={t('people.guards.IMPROVEMENT_PLAN_REQUIRED.before')} />
    </>
  );
}
