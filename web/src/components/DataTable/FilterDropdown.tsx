import { useState } from 'react';
import { Button, Checkbox, Flex, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { filterValues, type FilterValue } from './tableState.ts';
import type { ColumnFilter } from './types.ts';

interface Props {
  filter: ColumnFilter;
  label: string;
  value: FilterValue;
  onChange: (value: FilterValue) => void;
  close: () => void;
}

/** The dropdown under a column's filter icon: apply sets the filter, reset clears it. */
export function FilterDropdown({ filter, label, value, onChange, close }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FilterValue>(value ?? null);
  const apply = (v: FilterValue) => {
    onChange(v === '' || (Array.isArray(v) && v.length === 0) ? null : v);
    close();
  };
  let editor;
  switch (filter.type) {
    case 'text':
      editor = (
        <Input
          autoFocus
          aria-label={t('table.filterBy', { name: label })}
          placeholder={t('table.filterBy', { name: label })}
          value={typeof draft === 'string' ? draft : ''}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={() => apply(draft)}
          data-testid={`filter-input-${filter.param ?? 'value'}`}
        />
      );
      break;
    case 'select':
      editor = filter.multiple ? (
        <Checkbox.Group
          aria-label={t('table.filterBy', { name: label })}
          value={filterValues(draft)}
          onChange={(vs) => setDraft(vs.map(String))}
          data-testid={`filter-multi-${filter.param ?? 'value'}`}
        >
          <Space direction="vertical">
            {filter.options.map((o) => (
              <Checkbox key={o.value} value={o.value}>
                {o.label}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      ) : (
        <Radio.Group
          aria-label={t('table.filterBy', { name: label })}
          value={draft}
          onChange={(e) => apply(e.target.value as string)}
        >
          <Space direction="vertical">
            {filter.options.map((o) => (
              <Radio key={o.value} value={o.value}>
                {o.label}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
      break;
    case 'custom':
      editor = filter.render(draft, setDraft);
      break;
  }
  return (
    <div
      style={{ padding: 8, minWidth: 220 }}
      onKeyDown={(e) => e.key === 'Escape' && close()}
      role="dialog"
      aria-label={t('table.filterBy', { name: label })}
    >
      <div style={{ marginBottom: 8 }}>{editor}</div>
      <Flex justify="space-between" gap={8}>
        <Button size="small" onClick={() => apply(null)}>
          {t('common.reset')}
        </Button>
        <Button size="small" type="primary" onClick={() => apply(draft)} data-testid="filter-apply">
          {t('common.apply')}
        </Button>
      </Flex>
    </div>
  );
}
