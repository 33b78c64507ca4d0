import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** Family and given name of a person, side by side (the display name is its own field). */
export function PersonNameFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="familyName" label={t('parties.familyName')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="givenName" label={t('parties.givenName')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}
