import { useState } from 'react';
import { Select } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page, User } from '../../api/types.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';

interface UsersSelectProps {
  value: string[];
  onChange: (ids: string[]) => void;
  'aria-label'?: string;
  'data-testid'?: string;
}

const labelOf = (u: User) => `${u.displayName} <${u.email}>`;

/** Picks several users by searching the server (never loads all users); the chosen ones keep their names. */
export function UsersSelect({ value, onChange, ...rest }: UsersSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useQuery({
    queryKey: ['user-select', q],
    queryFn: ({ signal }) => api<Page<User>>('/api/users', { query: { q, limit: 20, active: true }, signal }),
  });
  const chosen = useQueries({
    queries: value.map((id) => ({
      queryKey: ['users', id],
      queryFn: () => api<User>(`/api/users/${id}`),
      staleTime: 60_000,
    })),
  });
  const options = (results.data?.items ?? []).map((u) => ({ value: u.id, label: labelOf(u) }));
  for (const c of chosen) {
    if (c.data && !options.some((o) => o.value === c.data.id)) {
      options.unshift({ value: c.data.id, label: labelOf(c.data) });
    }
  }
  return (
    <Select
      mode="multiple"
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(vs: string[]) => onChange(vs)}
      onSearch={setSearch}
      loading={results.isFetching}
      options={options}
      placeholder={t('users.pick')}
      notFoundContent={results.isError ? t('errors.UNKNOWN') : t('common.noMatches')}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
      style={{ minWidth: 260, width: '100%' }}
      // Inside a table's filter dropdown: a click on an option must not count as a click outside it.
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
    />
  );
}
