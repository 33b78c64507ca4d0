import { DatePicker, Flex, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { caseTypes } from '@tandem/server/api';

export const groupings = ['rootCause', 'type', 'assignee', 'orgUnit'] as const;
export type Grouping = (typeof groupings)[number];

export interface MetricsFilterValues {
  range: [Dayjs, Dayjs];
  groupBy: Grouping;
  /** A case type, or all. */
  type: string | undefined;
}

/** The date range, the grouping and the case type of the metrics. */
export function MetricsFilters({
  value,
  onChange,
}: {
  value: MetricsFilterValues;
  onChange: (change: Partial<MetricsFilterValues>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker
        value={value.range}
        allowClear={false}
        onChange={(v) => v?.[0] && v[1] && onChange({ range: [v[0], v[1]] })}
        aria-label={t('service.metrics.range')}
        data-testid="metrics-range"
      />
      <Segmented<Grouping>
        value={value.groupBy}
        onChange={(groupBy) => onChange({ groupBy })}
        options={groupings.map((g) => ({ value: g, label: t(`service.metrics.groupBy.${g}`) }))}
        data-testid="metrics-group-by"
      />
      <Select
        allowClear
        value={value.type}
        onChange={(type: string | undefined) => onChange({ type })}
        placeholder={t('service.metrics.allTypes')}
        options={caseTypes.map((v) => ({ value: v, label: t(`service.types.${v}`) }))}
        style={{ minWidth: 160 }}
        aria-label={t('service.case.type')}
      />
    </Flex>
  );
}
