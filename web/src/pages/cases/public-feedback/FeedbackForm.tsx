import { useState } from 'react';
import { Button, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedbackInput } from '../../../api/types.ts';

interface Props {
  /** The case the customer is asked about. */
  subject: string;
  /** The last submit failed for a reason worth another try. */
  failed: boolean;
  submitting: boolean;
  onSubmit: (body: FeedbackInput) => void;
}

/** One question, five big score buttons and an optional comment: made for a phone. */
export function FeedbackForm({ subject, failed, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('service.feedback.about')}
      </Typography.Paragraph>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="feedback-subject">
        {subject}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 17, fontWeight: 500 }} id="feedback-question">
        {t('service.feedback.question')}
      </Typography.Paragraph>
      <div className="tandem-feedback-scores" role="radiogroup" aria-labelledby="feedback-question">
        {[1, 2, 3, 4, 5].map((n) => (
          <Button
            key={n}
            type={score === n ? 'primary' : 'default'}
            role="radio"
            aria-checked={score === n}
            onClick={() => setScore(n)}
            data-testid={`feedback-score-${n}`}
          >
            {n}
          </Button>
        ))}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 6 }}>
        <Typography.Text type="secondary">{t('service.feedback.low')}</Typography.Text>
        <Typography.Text type="secondary">{t('service.feedback.high')}</Typography.Text>
      </div>
      <Input.TextArea
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={2000}
        placeholder={t('service.feedback.comment')}
        aria-label={t('service.feedback.comment')}
        style={{ marginTop: 20 }}
        data-testid="feedback-comment"
      />
      {failed && (
        <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 12 }}>
          {t('service.feedback.failed.text')}
        </Typography.Paragraph>
      )}
      <Button
        type="primary"
        size="large"
        block
        disabled={score === null}
        loading={submitting}
        onClick={() => score !== null && onSubmit({ score, comment: comment.trim() || undefined })}
        style={{ marginTop: 16, height: 48 }}
        data-testid="feedback-submit"
      >
        {t('service.feedback.submit')}
      </Button>
    </div>
  );
}
