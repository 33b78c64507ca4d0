import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { nextKey } from '../../shared/builder.ts';

/** Options of a choice question or rows of a matrix: key plus zh/en text, added and removed in place. */
export function KeyedList({
  name,
  prefix,
  label,
  min,
}: {
  name: number;
  prefix: 'o' | 'r';
  label: string;
  min: number;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const listName = prefix === 'o' ? 'options' : 'rows';
  return (
    <Form.List name={[name, listName]}>
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{label}</Typography.Text>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="top" style={{ marginTop: 6 }}>
              <Col flex="90px">
                <Form.Item
                  name={[f.name, 'key']}
                  style={{ marginBottom: 0 }}
                  rules={[{ pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('surveys.builder.keyRule') }]}
                >
                  <Input aria-label={t('surveys.builder.key')} placeholder={t('surveys.builder.key')} />
                </Form.Item>
              </Col>
              <Col flex="1 1 160px">
                <Form.Item
                  name={[f.name, 'text', 'zh']}
                  style={{ marginBottom: 0 }}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input lang="zh-CN" placeholder="中文" aria-label={`${label} ${i + 1} 中文`} />
                </Form.Item>
              </Col>
              <Col flex="1 1 160px">
                <Form.Item
                  name={[f.name, 'text', 'en']}
                  style={{ marginBottom: 0 }}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input lang="en" placeholder="English" aria-label={`${label} ${i + 1} English`} />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={fields.length <= min}
                  onClick={() => remove(f.name)}
                  aria-label={t('surveys.builder.removeItem')}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() => {
              const existing = (
                (form.getFieldValue(['questions', name, listName]) as { key?: string }[] | undefined) ?? []
              ).map((o) => o.key);
              add({ key: nextKey(prefix, existing), text: { zh: '', en: '' } });
            }}
          >
            {t('surveys.builder.addItem')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
