import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Space } from 'antd';
import { EyeInvisibleOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { hasCode } from '../../../api/errors.ts';
import type { CreateGrievance, GrievanceCreated } from '../../../api/types.ts';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { GrievanceSent } from './GrievanceSent.tsx';

/** `/service/grievance`: an employee raises a grievance with HR, by name or anonymously. */
export default function GrievancePage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<GrievanceCreated | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const { form, onFinish, submitting, formError, reset } = useApiForm<CreateGrievance, GrievanceCreated>({
    submit: async (v) => {
      try {
        return await api<GrievanceCreated>('/api/grievances', { method: 'POST', body: v });
      } catch (error) {
        if (hasCode(error, 'FORBIDDEN')) {
          setForbidden(error instanceof Error ? error.message : '');
        }
        throw error;
      }
    },
    onSuccess: (r) => {
      form.resetFields();
      setCreated(r);
    },
  });
  const anonymous = Form.useWatch('anonymous', form) ?? false;

  if (created) {
    return (
      <GrievanceSent
        created={created}
        onAnother={() => {
          reset();
          setCreated(null);
        }}
      />
    );
  }

  return (
    <div data-testid="grievance-page" style={{ maxWidth: 760 }}>
      <PageHeader title={t('nav.serviceGrievance')} description={t('service.grievance.description')} />
      {forbidden && (
        <Alert
          type="warning"
          showIcon
          message={t('service.grievance.notEmployee')}
          description={forbidden}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <FormError message={forbidden ? null : formError} />
        <Form<CreateGrievance> form={form} layout="vertical" onFinish={onFinish} initialValues={{ anonymous: false }}>
          <Form.Item
            name="subject"
            label={t('service.case.subject')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input maxLength={300} data-testid="grievance-subject" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('service.grievance.whatHappened')}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={t('service.grievance.descriptionHint')}
          >
            <Input.TextArea rows={6} maxLength={20000} data-testid="grievance-description" />
          </Form.Item>
          <Form.Item name="anonymous" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="grievance-anonymous">
              <Space size={6}>
                <EyeInvisibleOutlined aria-hidden />
                {t('service.grievance.anonymous')}
              </Space>
            </Checkbox>
          </Form.Item>
          <Alert
            type={anonymous ? 'warning' : 'info'}
            showIcon
            icon={anonymous ? <EyeInvisibleOutlined /> : <LockOutlined />}
            style={{ marginBottom: 16 }}
            message={anonymous ? t('service.grievance.anonymousTitle') : t('service.grievance.namedTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {(anonymous ? ['stored', 'notStored', 'code', 'careful'] : ['who', 'confidential', 'replies']).map(
                  (k) => (
                    <li key={k}>{t(`service.grievance.${anonymous ? 'anon' : 'named'}.${k}`)}</li>
                  ),
                )}
              </ul>
            }
            data-testid="grievance-explanation"
          />
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="grievance-submit">
            {t('service.grievance.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
