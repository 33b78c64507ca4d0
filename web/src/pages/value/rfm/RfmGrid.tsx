import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat.ts';
import { segmentLabel } from '../shared/labels.ts';
import { segmentColor, textOn, type RfmCell } from '../shared/rfm.ts';

/** R × F grid: F from 5 (top) to 1, R from 1 (left) to 5; each cell coloured by its segment, clickable. */
export function RfmGrid({
  rows,
  currency,
  onOpen,
}: {
  rows: RfmCell[][];
  currency: string;
  onOpen: (cell: RfmCell) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: '32px repeat(5, minmax(72px, 1fr))', gap: 4 }}
      data-testid="rfm-grid"
    >
      {rows.map((row, i) => (
        <div key={`row-${row[0]?.f ?? i}`} style={{ display: 'contents' }}>
          <Typography.Text type="secondary" style={{ alignSelf: 'center', textAlign: 'center' }}>
            F{row[0]?.f}
          </Typography.Text>
          {row.map((cell) => {
            const bg = segmentColor(cell.segment);
            return (
              <Tooltip
                key={`${cell.r}-${cell.f}`}
                title={t('value.rfm.cellTip', {
                  r: cell.r,
                  f: cell.f,
                  segment: segmentLabel(t, cell.segment),
                  customers: cell.customers,
                  revenue: format.money(cell.revenue, currency),
                })}
              >
                <button
                  type="button"
                  onClick={() => onOpen(cell)}
                  disabled={cell.customers === 0}
                  data-testid={`rfm-cell-${cell.r}-${cell.f}`}
                  aria-label={t('value.rfm.cellAria', {
                    r: cell.r,
                    f: cell.f,
                    segment: segmentLabel(t, cell.segment),
                    customers: cell.customers,
                  })}
                  style={{
                    background: bg,
                    color: textOn(bg),
                    opacity: cell.customers === 0 ? 0.35 : 1,
                    border: 0,
                    borderRadius: 6,
                    minHeight: 64,
                    padding: 6,
                    cursor: cell.customers === 0 ? 'default' : 'pointer',
                    textAlign: 'left',
                  }}
                >
                  <div style={{ fontSize: 18, fontWeight: 600 }}>{format.number(cell.customers)}</div>
                  <div style={{ fontSize: 11, lineHeight: 1.2 }}>{segmentLabel(t, cell.segment)}</div>
                </button>
              </Tooltip>
            );
          })}
        </div>
      ))}
      <span />
      {[1, 2, 3, 4, 5].map((r) => (
        <Typography.Text key={r} type="secondary" style={{ textAlign: 'center' }}>
          R{r}
        </Typography.Text>
      ))}
    </div>
  );
}
