import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { PartyPicker } from '../../surveys/shared/PartyPicker/PartyPicker.tsx';
import { pdcaKey, savePdcaCycle } from '../shared/api.ts';
import { OrgUnitSelect } from '../shared/OrgUnitSelect.tsx';
import { pdcaMoves } from '../shared/charts.ts';
import { toPdcaBody } from '../shared/programForm.ts';
import type { PdcaCycle, PdcaMeasure } from '../shared/types.ts';

interface Values {
  title: string;
  orgUnitId?: string | null;
  owner?: string[];
  goal: string;
  measures?: PdcaMeasure[];
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  status?: PdcaCycle['status'];
  notes?: string | null;
}

/** A PDCA cycle: goal, measures (target and actual), unit, owner, dates; on edit also its status. */
export function PdcaModal({ cycle, onClose }: { cycle: PdcaCycle | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<Values, PdcaCycle>({
    submit: (v) =>
      savePdcaCycle(
        cycle?.id ?? null,
        toPdcaBody(
          { ...v, startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn?.format('YYYY-MM-DD') ?? null },
          cycle,
        ),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pdcaKey });
      onClose();
    },
    onConflict: () => void qc.invalidateQueries({ queryKey: pdcaKey }),
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormModal<Values>
      form={form}
      open
      width={720}
      title={cycle ? cycle.title : t('people.pdca.create')}
      okText={cycle ? t('common.save') : undefined}
      onCancel={onClose}
      initialValues={
        cycle
          ? {
              ...cycle,
              owner: cycle.ownerPartyId ? [cycle.ownerPartyId] : [],
              startsOn: dayjs(cycle.startsOn),
              endsOn: cycle.endsOn ? dayjs(cycle.endsOn) : null,
            }
          : { measures: [], startsOn: dayjs(), endsOn: dayjs().add(3, 'month') }
      }
      data-testid="pdca-modal"
      okTestId="pdca-save"
    >
      <Form.Item name="title" label={t('people.pdca.title')} rules={required}>
        <Input maxLength={200} data-testid="pdca-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="orgUnitId" label={t('people.file.orgUnit')}>
            <OrgUnitSelect disabled={Boolean(cycle)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="owner"
            label={t('people.pdca.owner')}
            rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
          >
            <PartyPicker role="employee" aria-label={t('people.pdca.owner')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="goal" label={t('people.pdca.goal')} rules={required}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="pdca-goal" />
      </Form.Item>
      <MeasuresField />
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item
            name="startsOn"
            label={t('people.pdca.startsOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="endsOn" label={t('people.pdca.endsOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {cycle && (
        <Form.Item name="status" label={t('people.cycles.status')}>
          <Select
            options={[cycle.status, ...pdcaMoves(cycle.status)].map((s) => ({
              value: s,
              label: t(`people.pdcaStatus.${s}`),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item name="notes" label={t('people.file.note')}>
        <Input.TextArea rows={2} maxLength={10000} />
      </Form.Item>
    </FormModal>
  );
}

function MeasuresField() {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Form.List name="measures">
      {(fields, { add, remove }) => (
        <Form.Item label={t('people.pdca.measures')}>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'text']} rules={required}>
                <Input placeholder={t('people.pdca.measure')} maxLength={200} />
              </Form.Item>
              <Form.Item name={[f.name, 'target']}>
                <Input placeholder={t('people.pdca.target')} maxLength={100} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'actual']}>
                <Input placeholder={t('people.pdca.actual')} maxLength={100} style={{ width: 120 }} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('people.remove')} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
            {t('people.pdca.addMeasure')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}
