import { Alert, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { remedies, rootCauses } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { Case, ResolveInput, ResolveResult } from '../../../api/types.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { amountRule } from '../../../components/forms/amount.ts';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { caseEventsKey, casesEndpoint, invalidateCase } from '../shared/api.ts';

type Values = Omit<ResolveInput, 'version'>;

/** Resolve with the root cause (competition, the customer, our error, other) and the remedy. */
export function ResolveModal({
  c,
  open,
  onClose,
  onResolved,
}: {
  c: Case;
  open: boolean;
  onClose: () => void;
  onResolved: (r: ResolveResult) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const modal = useApiForm<Values, ResolveResult>({
    submit: (v) =>
      api<ResolveResult>(`${casesEndpoint}/${c.id}/resolve`, {
        method: 'POST',
        body: { ...v, remedyCost: v.remedyCost ?? null, version: c.version },
      }),
    onSuccess: (r) => {
      queryClient.setQueryData(['cases', c.id], r.case);
      void queryClient.invalidateQueries({ queryKey: caseEventsKey(c.id) });
      invalidateCase(queryClient, r.case);
      modal.clear();
      onResolved(r);
    },
    onConflict: () => invalidateCase(queryClient, c),
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      form={modal}
      open={open}
      title={t('service.resolve.title')}
      okText={t('service.detail.resolve')}
      onCancel={() => {
        modal.reset();
        onClose();
      }}
      okTestId="resolve-save"
      width={600}
      destroyOnHidden={false}
      data-testid="resolve-modal"
      initialValues={{ remedy: 'none' }}
      notice={
        modal.conflict && (
          <Alert
            type="warning"
            showIcon
            closable
            onClose={modal.clearConflict}
            message={t('service.resolve.conflict')}
            style={{ marginBottom: 16 }}
          />
        )
      }
    >
      <Form.Item
        name="rootCause"
        label={t('service.case.rootCause')}
        rules={[required]}
        extra={t('service.resolve.rootCauseHint')}
      >
        <Radio.Group data-testid="resolve-root-cause">
          {rootCauses.map((r) => (
            <Radio.Button key={r} value={r} data-testid={`root-cause-${r}`}>
              {t(`service.rootCauses.${r}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="rootCauseDetail" label={t('service.resolve.rootCauseDetail')}>
        <Input.TextArea rows={2} maxLength={5000} data-testid="resolve-root-cause-detail" />
      </Form.Item>
      <RemedyFields />
    </FormModal>
  );
}

/** The remedy (material, psychological, both, none) with its detail and cost. */
function RemedyFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item
        name="remedy"
        label={t('service.resolve.remedy')}
        rules={[required]}
        extra={t('service.resolve.remedyHint')}
      >
        <Radio.Group data-testid="resolve-remedy">
          {remedies.map((r) => (
            <Radio.Button key={r} value={r} data-testid={`remedy-${r}`}>
              {t(`service.remedies.${r}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="remedyDetail" label={t('service.resolve.remedyDetail')}>
            <Input maxLength={5000} data-testid="resolve-remedy-detail" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="remedyCost" label={t('service.resolve.remedyCost')} rules={[amountRule(t)]}>
            <InputNumber style={{ width: '100%' }} addonAfter="¥" data-testid="resolve-remedy-cost" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
