import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { peopleKey, putPayBands, usePayBands } from '../shared/api.ts';
import type { PayBand } from '../shared/types.ts';

interface Values {
  bands: PayBand[];
}
const money = /^\d{1,12}(\.\d{1,2})?$/;

/** Pay bands per grade (min, mid, max monthly pay): the midpoint is the compa-ratio's denominator. */
export function PayBandsCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const bands = usePayBands();
  const form = useApiForm<Values, { items: PayBand[] }>({
    submit: (v) => putPayBands(v.bands.map((b) => ({ ...b, grade: b.grade.trim() }))),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: peopleKey });
      void toast.success(t('people.saved'));
    },
  });
  if (bands.isPending) {
    return <PageLoading minHeight={200} />;
  }
  if (bands.isError) {
    return <QueryError error={bands.error} onRetry={() => void bands.refetch()} />;
  }
  const moneyRule = [
    { required: true, message: t('validation.required') },
    { pattern: money, message: t('people.settings.moneyFormat') },
  ];
  return (
    <Card size="small" title={t('people.settings.payBands')} data-testid="pay-bands">
      <Typography.Paragraph type="secondary">{t('people.settings.payBandsHint')}</Typography.Paragraph>
      <FormError message={form.formError} />
      <Form<Values> form={form.form} onFinish={form.onFinish} initialValues={{ bands: bands.data.items }}>
        <Form.List name="bands">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item
                    name={[f.name, 'grade']}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                  >
                    <Input placeholder={t('people.file.grade')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'min']} rules={moneyRule}>
                    <Input placeholder={t('people.settings.min')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'mid']} rules={moneyRule}>
                    <Input placeholder={t('people.settings.mid')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'max']} rules={moneyRule}>
                    <Input placeholder={t('people.settings.max')} style={{ width: 140 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('people.remove')} />
                </Space>
              ))}
              <div>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ grade: '', min: '', mid: '', max: '' })}
                >
                  {t('people.settings.addBand')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Button
          type="primary"
          htmlType="submit"
          loading={form.submitting}
          style={{ marginTop: 12 }}
          data-testid="pay-bands-save"
        >
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
