import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** zh and en side by side for one localized field. */
export function Bilingual({
  name,
  label,
  required,
  testId,
  textarea,
}: {
  name: (string | number)[];
  label: string;
  required?: boolean;
  testId?: string;
  textarea?: boolean;
}) {
  const { t } = useTranslation();
  const rules = required ? [{ required: true, whitespace: true, message: t('validation.required') }] : [];
  const Field = textarea ? Input.TextArea : Input;
  return (
    <Row gutter={8}>
      <Col xs={24} md={12}>
        <Form.Item name={[...name, 'zh']} label={`${label} · 中文`} rules={rules} style={{ marginBottom: 12 }}>
          <Field
            lang="zh-CN"
            maxLength={2000}
            data-testid={testId ? `${testId}-zh` : undefined}
            {...(textarea ? { autoSize: { minRows: 1, maxRows: 4 } } : {})}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[...name, 'en']} label={`${label} · English`} rules={rules} style={{ marginBottom: 12 }}>
          <Field
            lang="en"
            maxLength={2000}
            data-testid={testId ? `${testId}-en` : undefined}
            {...(textarea ? { autoSize: { minRows: 1, maxRows: 4 } } : {})}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
