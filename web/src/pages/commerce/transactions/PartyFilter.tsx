import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Page, Party } from '../../../api/types.ts';
import { partiesEndpoint, partyKey } from '../../parties/shared/api.ts';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue.ts';

/** One party, found by a server-side search (name, email, phone). */
export function PartyFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDebouncedValue(q, 250);
  const search = useQuery({
    queryKey: ['party-filter', term],
    queryFn: ({ signal }) => api<Page<Party>>(partiesEndpoint, { query: { q: term || undefined, limit: 20 }, signal }),
    staleTime: 30_000,
  });
  const chosen = usePartyOrNone(value);
  const options = (search.data?.items ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  if (value && chosen.data && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: chosen.data.displayName });
  }
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      style={{ width: 240 }}
      value={value ?? undefined}
      onSearch={setQ}
      onChange={(v: string | undefined) => onChange(v ?? null)}
      options={options}
      loading={search.isFetching}
      placeholder={t('value.transactions.partySearch')}
      aria-label={t('value.transactions.party')}
    />
  );
}

function usePartyOrNone(id: string | null) {
  return useQuery({
    queryKey: partyKey(id ?? ''),
    queryFn: ({ signal }) => api<Party>(`${partiesEndpoint}/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function PartyName({ id }: { id: string }) {
  const party = usePartyOrNone(id);
  return <>{party.data?.displayName ?? '…'}</>;
}
