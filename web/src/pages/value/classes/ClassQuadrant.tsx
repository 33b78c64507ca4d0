import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat.ts';
import { valueClassLabel } from '../shared/labels.ts';
import type { ValueClasses } from '../shared/types.ts';

type ClassRow = ValueClasses['loyaltyProfitability'][number] | ValueClasses['revenueCost'][number];

const colors: Record<string, string> = {
  true_friend: '#d9f7be',
  butterfly: '#fff1b8',
  barnacle: '#ffd8bf',
  stranger: '#f0f0f0',
  high_revenue_low_cost: '#d9f7be',
  high_revenue_high_cost: '#fff1b8',
  low_revenue_low_cost: '#f0f0f0',
  low_revenue_high_cost: '#ffd8bf',
};

/**
 * A 2 × 2 of value classes: `layout` names the top row then the bottom row, left to right; each cell shows its
 * customers, revenue and profit, and opens the class's customers.
 */
export function ClassQuadrant({
  rows,
  layout,
  xAxis,
  yAxis,
  currency,
  onOpen,
  'data-testid': testId,
}: {
  rows: ClassRow[];
  layout: [string, string, string, string];
  xAxis: string;
  yAxis: string;
  currency: string;
  onOpen: (cls: string) => void;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const byClass = new Map<string, ClassRow>(rows.map((r) => [r.class, r]));
  return (
    <div data-testid={testId}>
      <div style={{ display: 'grid', gridTemplateColumns: '24px 1fr 1fr', gap: 6 }}>
        <Typography.Text
          type="secondary"
          style={{ gridRow: 'span 2', writingMode: 'vertical-rl', transform: 'rotate(180deg)', textAlign: 'center' }}
        >
          {yAxis} →
        </Typography.Text>
        {layout.map((cls) => {
          const row = byClass.get(cls);
          const customers = row?.customers ?? 0;
          return (
            <button
              key={cls}
              type="button"
              disabled={customers === 0}
              onClick={() => onOpen(cls)}
              data-testid={`value-class-${cls}`}
              data-count={customers}
              style={{
                background: colors[cls] ?? '#f0f0f0',
                border: 0,
                borderRadius: 6,
                minHeight: 96,
                padding: 10,
                textAlign: 'left',
                cursor: customers === 0 ? 'default' : 'pointer',
                opacity: customers === 0 ? 0.55 : 1,
                color: '#1f1f1f',
              }}
            >
              <div style={{ fontWeight: 600 }}>{valueClassLabel(t, cls)}</div>
              <div style={{ fontSize: 20, fontWeight: 600 }}>{format.number(customers)}</div>
              <div style={{ fontSize: 12 }}>
                {t('value.classesPage.revenue')}: {format.money(Number(row?.revenue ?? 0), currency)}
              </div>
              <div style={{ fontSize: 12 }}>
                {t('value.classesPage.profit')}: {format.money(Number(row?.profit ?? 0), currency)}
              </div>
            </button>
          );
        })}
        <span />
        <Typography.Text type="secondary" style={{ gridColumn: 'span 2', textAlign: 'center' }}>
          {xAxis} →
        </Typography.Text>
      </div>
    </div>
  );
}
