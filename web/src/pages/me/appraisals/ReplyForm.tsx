import { Alert, Button, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useNow } from '../../../hooks/useNow.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { appraisalsKey, patchAppraisal } from '../../people/shared/api.ts';
import { GuardAlert } from '../../people/shared/labels.tsx';
import { REPLY_DAYS, type Appraisal } from '../../people/shared/types.ts';
import { useGuardedForm } from '../../people/shared/useGuardedForm.ts';

/** Your reply to a closed appraisal, kept with it; taken within 14 days of the close. */
export function ReplyForm({ appraisal: a }: { appraisal: Appraisal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const qc = useQueryClient();
  const now = useNow(60_000);
  const form = useGuardedForm<{ reply: string }, Appraisal>({
    submit: (v) => patchAppraisal(a.id, { reply: v.reply.trim(), version: a.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: appraisalsKey });
      void toast.success(t('people.mine.replied'));
    },
    onConflict: () => void qc.invalidateQueries({ queryKey: appraisalsKey }),
  });
  const open = a.replyUntil !== null && new Date(a.replyUntil).getTime() > now.getTime();
  return (
    <div style={{ marginTop: 16 }} data-testid="my-reply">
      <Typography.Title level={5}>{t('people.appraisals.reply')}</Typography.Title>
      {a.reply && (
        <Alert
          type="info"
          data-testid="my-reply-text"
          message={a.reply}
          description={a.repliedAt ? t('people.mine.repliedAt', { date: format.dateTime(a.repliedAt) }) : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      {open ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('people.mine.replyUntil', { date: format.dateTime(a.replyUntil), days: REPLY_DAYS })}
          </Typography.Paragraph>
          {form.guardError ? <GuardAlert error={form.guardError} /> : <FormError message={form.formError} />}
          <Form form={form.form} layout="vertical" onFinish={form.onFinish} initialValues={{ reply: a.reply ?? '' }}>
            <Form.Item name="reply" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input.TextArea
                rows={3}
                maxLength={4000}
                data-testid="my-reply-input"
                aria-label={t('people.appraisals.reply')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={form.submitting} data-testid="my-reply-save">
              {t('people.mine.sendReply')}
            </Button>
          </Form>
        </>
      ) : (
        !a.reply && (
          <Typography.Text type="secondary">{t('people.mine.replyClosed', { days: REPLY_DAYS })}</Typography.Text>
        )
      )}
    </div>
  );
}
