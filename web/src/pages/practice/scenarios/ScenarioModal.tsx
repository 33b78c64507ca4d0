import { Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PracticeScenario } from '@tandem/server/api';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useSaveScenario } from '../shared/api.ts';

const parts = ['title', 'brief', 'customerSide', 'staffSide'] as const;
type Values = Record<`${(typeof parts)[number]}${'Zh' | 'En'}`, string>;

/** Adds or changes a scenario: every text in both languages. */
export function ScenarioModal({
  open,
  scenario,
  onClose,
}: {
  open: boolean;
  scenario: PracticeScenario | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveScenario();
  const { notify } = useErrorMessage();
  const initial = scenario
    ? (Object.fromEntries(
        parts.flatMap((p) => [
          [`${p}Zh`, scenario[p].zh],
          [`${p}En`, scenario[p].en],
        ]),
      ) as Values)
    : undefined;
  const submit = (v: Values) => {
    const body = Object.fromEntries(parts.map((p) => [p, { zh: v[`${p}Zh`], en: v[`${p}En`] }]));
    save.mutate(
      { id: scenario?.id, body: scenario ? { ...body, version: scenario.version } : body },
      { onSuccess: onClose, onError: notify },
    );
  };
  return (
    <Modal
      open={open}
      width={760}
      title={scenario ? t('practice.editScenario') : t('practice.newScenario')}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} preserve={false}>
        {parts.map((p) => (
          <Row gutter={12} key={p}>
            {(['Zh', 'En'] as const).map((l) => (
              <Col span={12} key={l}>
                <Form.Item
                  name={`${p}${l}`}
                  label={`${t(`practice.fields.${p}`)} (${l === 'Zh' ? '中文' : 'English'})`}
                  rules={[{ required: true, whitespace: true }]}
                >
                  {p === 'title' ? (
                    <Input data-testid={`scenario-${p}-${l}`} />
                  ) : (
                    <Input.TextArea rows={3} data-testid={`scenario-${p}-${l}`} />
                  )}
                </Form.Item>
              </Col>
            ))}
          </Row>
        ))}
      </Form>
    </Modal>
  );
}
