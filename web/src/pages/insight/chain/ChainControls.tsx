import { DatePicker, InputNumber, Segmented, Select, Space, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ChainParams } from '../shared/api.ts';
import { chainLevels, customerMetrics, employeeMetrics } from '../shared/types.ts';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Level, employee and customer metric, lag (± months: positive, the employee score leads) and the period. */
export function ChainControls({ value, onChange }: { value: ChainParams; onChange: (v: ChainParams) => void }) {
  const { t } = useTranslation();
  const to = value.to ? dayjs(value.to).subtract(1, 'day') : dayjs();
  const from = value.from ? dayjs(value.from) : to.subtract(364, 'day');
  return (
    <Space wrap>
      <Segmented
        value={value.level}
        onChange={(level) => onChange({ ...value, level: String(level) })}
        options={chainLevels.map((l) => ({ value: l, label: t(`insight.chain.levels.${l}`) }))}
        data-testid="chain-level"
      />
      <Select
        value={value.employeeMetric}
        onChange={(employeeMetric: string) => onChange({ ...value, employeeMetric })}
        options={employeeMetrics.map((m) => ({ value: m, label: t(`insight.chain.employeeMetrics.${m}`) }))}
        style={{ minWidth: 140 }}
        aria-label={t('insight.chain.employeeMetric')}
        data-testid="chain-employee-metric"
      />
      <Select
        value={value.customerMetric}
        onChange={(customerMetric: string) => onChange({ ...value, customerMetric })}
        options={customerMetrics.map((m) => ({ value: m, label: t(`insight.chain.customerMetrics.${m}`) }))}
        style={{ minWidth: 160 }}
        aria-label={t('insight.chain.customerMetric')}
        data-testid="chain-customer-metric"
      />
      <Tooltip title={t('insight.chain.lagHelp')}>
        <InputNumber
          value={value.lagMonths}
          min={-24}
          max={24}
          precision={0}
          addonBefore={t('insight.chain.lag')}
          addonAfter={t('insight.chain.months')}
          onChange={(v) => onChange({ ...value, lagMonths: typeof v === 'number' ? v : 0 })}
          style={{ width: 200 }}
          data-testid="chain-lag"
        />
      </Tooltip>
      <DatePicker.RangePicker
        value={[from, to]}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(v) => {
          if (v?.[0] && v[1]) {
            onChange({ ...value, from: day(v[0]), to: day(v[1].add(1, 'day')) });
          }
        }}
        data-testid="chain-period"
      />
    </Space>
  );
}
