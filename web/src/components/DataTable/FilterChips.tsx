import type { ReactNode } from 'react';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { activeFilters, filterLabel, type FilterValue } from './tableState.ts';
import { filterParamOf, type DataColumn } from './types.ts';

/** The active filters as closable chips: "Column: value", with select and custom filters showing their label. */
export function FilterChips<T>({
  filters,
  columns,
  onClear,
}: {
  filters: Record<string, FilterValue>;
  columns: DataColumn<T>[];
  onClear: (param: string) => void;
}) {
  const { t } = useTranslation();
  const chips = Object.entries(activeFilters(filters)).map(([param, value]) => {
    const column = columns.find((c) => c.filter && filterParamOf(c) === param);
    const label = column?.title ?? t('table.search');
    let shown: ReactNode = Array.isArray(value) ? value.join(', ') : String(value);
    if (column?.filter?.type === 'select') {
      shown = filterLabel(value, column.filter.options, t('common.listSeparator'));
    } else if (column?.filter?.type === 'custom' && column.filter.display) {
      shown = column.filter.display(value);
    }
    return (
      <Tag
        key={param}
        closable
        onClose={() => onClear(param)}
        data-testid={`filter-chip-${param}`}
        closeIcon={<span aria-label={t('table.clearFilter')}>×</span>}
      >
        {label}: {shown}
      </Tag>
    );
  });
  if (chips.length === 0) {
    return null;
  }
  return (
    <Flex wrap gap={4} style={{ marginBottom: 12 }}>
      {chips}
    </Flex>
  );
}
