import { Button, DatePicker, Drawer, Form, Input, Rate, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { invalidateReviews, postInterview, responseKinds, type QualityReview } from '../shared/api.ts';

interface Values {
  ratings: Record<string, number>;
  trust: number;
  urgentNeed?: string;
  responseKind?: 'task' | 'case';
  responseTitle?: string;
  dueOn?: Dayjs;
}

/** The interview form (step 3, with step 4's response), full width on a phone. */
export function InterviewDrawer({
  review,
  customer,
  onClose,
}: {
  review: QualityReview;
  customer: QualityReview['customers'][number];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { notify } = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('responseKind', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      postInterview(review.id, {
        partyId: customer.partyId,
        ratings: Object.fromEntries(Object.entries(v.ratings ?? {}).filter(([, n]) => n > 0)),
        trust: v.trust,
        urgentNeed: v.urgentNeed?.trim() || null,
        ...(v.responseKind && v.responseTitle && v.dueOn
          ? { response: { kind: v.responseKind, title: v.responseTitle, dueOn: v.dueOn.format('YYYY-MM-DD') } }
          : {}),
      }),
    onSuccess: () => {
      void invalidateReviews(qc);
      onClose();
    },
    onError: notify,
  });
  const label = (i: QualityReview['indicators'][number]) => (i18n.language === 'zh-CN' ? i.nameZh : i.nameEn);
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('qualityReview.interviewOf', { name: customer.displayName })}
      width="min(100vw, 480px)"
      data-testid="interview-drawer"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {review.indicators.map((i) => (
          <Form.Item key={i.key} name={['ratings', i.key]} label={label(i)}>
            <Rate data-testid={`rate-${i.key}`} />
          </Form.Item>
        ))}
        <Form.Item
          name="trust"
          label={t('qualityReview.trust')}
          extra={t('qualityReview.trustHint')}
          rules={[{ required: true, message: t('qualityReview.trustRequired') }]}
        >
          <Rate data-testid="rate-trust" />
        </Form.Item>
        <Form.Item name="urgentNeed" label={t('qualityReview.urgentNeed')}>
          <Input.TextArea rows={2} data-testid="urgent-need" />
        </Form.Item>
        <Typography.Text type="secondary">{t('qualityReview.response')}</Typography.Text>
        <Form.Item name="responseKind">
          <Select
            allowClear
            placeholder={t('qualityReview.responseKind')}
            options={responseKinds.map((k) => ({ value: k, label: t(`qualityReview.responseKinds.${k}`) }))}
          />
        </Form.Item>
        {kind ? (
          <>
            <Form.Item name="responseTitle" rules={[{ required: true, max: 300 }]}>
              <Input placeholder={t('qualityReview.responseTitle')} />
            </Form.Item>
            <Form.Item name="dueOn" rules={[{ required: true }]}>
              <DatePicker placeholder={t('qualityReview.dueOn')} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={save.isPending} data-testid="interview-save">
          {t('qualityReview.saveInterview')}
        </Button>
      </Form>
    </Drawer>
  );
}
