import { Select } from 'antd';
import { filterValues } from './tableState.ts';
import type { ColumnFilter } from './types.ts';

/**
 * A filter by several free-text values (tags): typed in, Enter or a comma ends one; the server matches any of them
 * (docs/domain.md "Lists and filters").
 */
export function tagsFilter({
  label,
  param,
  placeholder,
}: {
  label: string;
  param?: string;
  placeholder?: string;
}): ColumnFilter {
  return {
    type: 'custom',
    param,
    render: (value, onChange) => (
      <Select
        mode="tags"
        open={false}
        suffixIcon={null}
        tokenSeparators={[',', '，']}
        value={filterValues(value)}
        onChange={(vs: string[]) => onChange(vs.map((v) => v.trim()).filter(Boolean))}
        aria-label={label}
        placeholder={placeholder}
        style={{ minWidth: 220, width: '100%' }}
        data-testid={`filter-tags-${param ?? 'value'}`}
      />
    ),
    display: (value) => filterValues(value).join(', '),
  };
}
