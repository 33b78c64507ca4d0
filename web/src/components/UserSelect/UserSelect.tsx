import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page, User } from '../../api/types.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';

interface UserSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  'aria-label'?: string;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** Picks a user by searching the server (never loads all users). */
export function UserSelect({ value, onChange, placeholder, id, ...rest }: UserSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useQuery({
    queryKey: ['user-select', q],
    queryFn: ({ signal }) => api<Page<User>>('/api/users', { query: { q, limit: 20, active: true }, signal }),
  });
  const selected = useQuery({
    queryKey: ['users', value],
    queryFn: () => api<User>(`/api/users/${value}`),
    enabled: Boolean(value),
    staleTime: 60_000,
  });
  const options = (results.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` }));
  if (value && selected.data && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: `${selected.data.displayName} <${selected.data.email}>` });
  }
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      onSearch={setSearch}
      loading={results.isFetching}
      options={options}
      placeholder={placeholder ?? t('users.pick')}
      notFoundContent={results.isError ? t('errors.UNKNOWN') : t('common.noMatches')}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
      style={{ minWidth: 220, width: '100%' }}
    />
  );
}
