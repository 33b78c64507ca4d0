import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Quadrant } from '../../../api/types.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { quadrantColors } from './mapCharts.ts';

/** The relationship quadrants as a 2×2: our initiative across, their participation up. */
export function QuadrantGrid({ totals }: { totals: Record<Quadrant, number> }) {
  const { t, i18n } = useTranslation();
  const cell = (q: Quadrant) => (
    <div
      key={q}
      style={{
        background: `${quadrantColors[q]}22`,
        border: `1px solid ${quadrantColors[q]}`,
        borderRadius: 6,
        padding: 12,
        textAlign: 'center',
      }}
      data-testid={`quadrant-${q}`}
    >
      <Typography.Title level={3} style={{ margin: 0 }}>
        {formatNumber(totals[q], i18n.language)}
      </Typography.Title>
      <Typography.Text>{t(`parties.quadrants.${q}`)}</Typography.Text>
    </div>
  );
  return (
    <div>
      <Typography.Text type="secondary">↑ {t('parties.participation')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, margin: '4px 0' }}>
        {cell('reactive')}
        {cell('partnership')}
        {cell('basic')}
        {cell('proactive')}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'right' }}>
        {t('parties.initiative')} →
      </Typography.Text>
    </div>
  );
}
