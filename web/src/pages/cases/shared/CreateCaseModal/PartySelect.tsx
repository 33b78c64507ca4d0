import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import type { Page, Party } from '../../../../api/types.ts';
import { partiesEndpoint } from '../../../parties/shared/api.ts';
import { useDebouncedValue } from '../../../../hooks/useDebouncedValue.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** Picks one party by a server-side search (name, email, phone, tag); customers first by default. */
export function PartySelect({ value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useQuery({
    queryKey: ['party-select', q],
    queryFn: ({ signal }) => api<Page<Party>>(partiesEndpoint, { query: { q: q || undefined, limit: 20 }, signal }),
    staleTime: 30_000,
  });
  const selected = useQuery({
    queryKey: ['parties', value],
    queryFn: ({ signal }) => api<Party>(`${partiesEndpoint}/${value}`, { signal }),
    enabled: Boolean(value),
    staleTime: 60_000,
  });
  const options = (results.data?.items ?? []).map((p) => ({
    value: p.id,
    label: [p.displayName, p.emails[0]].filter(Boolean).join(' · '),
  }));
  if (value && selected.data && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: selected.data.displayName });
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
      placeholder={t('service.case.pickParty')}
      notFoundContent={results.isFetching ? t('common.loading') : t('common.noMatches')}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
      style={{ width: '100%' }}
    />
  );
}
