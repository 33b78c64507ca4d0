import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QuadrantBadge } from '../../parties/shared/labels.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import type { HrAssessment } from './types.ts';

/** "Reactive → Partnership (by 30 Jun)" on the HR quadrant scale, and Kotler's level → target apart from it. */
export function TypeTags({ assessment, levels = true }: { assessment: HrAssessment | null; levels?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const a = assessment;
  return (
    <Space direction="vertical" size={2} data-testid="type-tags">
      <Space size={4} wrap>
        <QuadrantBadge quadrant={a?.quadrant ?? null} />
        {a?.targetQuadrant && (
          <>
            <span aria-label={t('parties.toTarget')}>→</span>
            <span data-testid="target-quadrant">
              <QuadrantBadge quadrant={a.targetQuadrant} />
            </span>
            {a.targetQuadrantBy && (
              <Typography.Text type="secondary">
                {t('parties.targetByDate', { date: format.date(a.targetQuadrantBy) })}
              </Typography.Text>
            )}
          </>
        )}
      </Space>
      {levels && (a?.level || a?.targetLevel) && (
        <Typography.Text type="secondary">
          {t('parties.levelScale')}: {a.level ? t(`parties.levels.${a.level}`) : '—'} →{' '}
          {a.targetLevel ? t(`parties.levels.${a.targetLevel}`) : '—'}
        </Typography.Text>
      )}
    </Space>
  );
}
