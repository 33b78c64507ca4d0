import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QualityReview } from '../shared/api.ts';

const color = { not_started: 'default', in_progress: 'processing', done: 'success' } as const;

/** The eight steps as a loop: a ring of steps around the cycle's progress (step 8 leads back to step 1). */
export function StepLoop({ review }: { review: QualityReview }) {
  const { t } = useTranslation();
  // In percent of a square box as wide as its card (at most 300 px), so the ring fits a 375 px phone.
  const radius = 34;
  return (
    <div
      data-testid="step-loop"
      role="list"
      aria-label={t('qualityReview.loop')}
      style={{ position: 'relative', width: '100%', maxWidth: 300, aspectRatio: '1', margin: '0 auto' }}
    >
      <div style={{ position: 'absolute', left: '50%', top: '50%', transform: 'translate(-50%, -50%)' }}>
        <Progress type="circle" size={80} percent={Math.round(review.progress * 100)} />
      </div>
      {review.steps.map((s, i) => {
        const angle = (i / review.steps.length) * 2 * Math.PI - Math.PI / 2;
        const x = 50 + radius * Math.cos(angle);
        const y = 50 + radius * Math.sin(angle);
        return (
          <div
            key={s.step}
            role="listitem"
            data-testid={`step-${s.number}`}
            data-state={s.state}
            style={{
              position: 'absolute',
              left: `${x}%`,
              top: `${y}%`,
              transform: 'translate(-50%, -50%)',
              maxWidth: '32%',
            }}
          >
            <Tooltip title={`${t(`qualityReview.stepStates.${s.state}`)} · ${s.count}`}>
              <Tag
                color={color[s.state]}
                style={{
                  margin: 0,
                  whiteSpace: 'normal',
                  overflowWrap: 'anywhere',
                  maxWidth: 84,
                  textAlign: 'center',
                  fontSize: 11,
                  lineHeight: '16px',
                }}
              >
                {s.number}. {t(`qualityReview.steps.${s.step}`)}
              </Tag>
            </Tooltip>
          </div>
        );
      })}
    </div>
  );
}
