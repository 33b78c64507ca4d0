import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Page, User } from '../../../api/types.ts';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue.ts';

/** Several owners, found by searching users (names of already chosen ones come with the search results). */
export function OwnerSelect({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useQuery({
    queryKey: ['user-select', q],
    queryFn: ({ signal }) => api<Page<User>>('/api/users', { query: { q, limit: 20, active: true }, signal }),
  });
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = (results.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const labelled = [
    ...options,
    ...value
      .filter((id) => !options.some((o) => o.value === id))
      .map((id) => ({ value: id, label: known[id] ?? id.slice(0, 8) })),
  ];
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setSearch}
      value={value}
      options={labelled}
      onChange={(ids: string[]) => {
        setKnown((k) => ({ ...k, ...Object.fromEntries(options.map((o) => [o.value, o.label])) }));
        onChange(ids);
      }}
      style={{ minWidth: 220 }}
      placeholder={t('value.segments.chooseOwners')}
      aria-label={t('value.segments.fields.owner')}
      data-testid="segment-cond-value"
    />
  );
}
