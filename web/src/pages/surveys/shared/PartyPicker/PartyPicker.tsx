import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import type { Page, Party, PartyRoleName } from '../../../../api/types.ts';
import { partiesEndpoint } from '../../../parties/shared/api.ts';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Offer parties with this role first (customers for customer surveys, employees for employee ones). */
  role?: PartyRoleName;
  /** Names of parties picked before (the search result no longer lists them). */
  known?: Record<string, string>;
  onNames?: (names: Record<string, string>) => void;
  disabled?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** Picks parties by a server-side search (name, email, phone, tag); shows names of the chosen ones. */
export function PartyPicker({ value = [], onChange, role, known = {}, onNames, disabled, ...rest }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [names, setNames] = useState<Record<string, string>>(known);
  const search = useQuery({
    queryKey: ['party-picker', role, q],
    queryFn: ({ signal }) =>
      api<Page<Party>>(partiesEndpoint, { query: { q: q || undefined, role, limit: 20 }, signal }),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const found = (search.data?.items ?? []).map((p) => ({ value: p.id, label: p.displayName }));
    const picked = value
      .filter((id) => !found.some((o) => o.value === id))
      .map((id) => ({ value: id, label: names[id] ?? known[id] ?? id }));
    return [...picked, ...found];
  }, [search.data, value, names, known]);
  return (
    <Select
      mode="multiple"
      value={value}
      disabled={disabled}
      showSearch
      filterOption={false}
      onSearch={(v) => setQ(v.trim())}
      onChange={(ids: string[], chosen) => {
        const list = Array.isArray(chosen) ? chosen : [chosen];
        const next = {
          ...names,
          ...Object.fromEntries(
            list.flatMap((o) => (o && typeof o.label === 'string' && o.value ? [[String(o.value), o.label]] : [])),
          ),
        };
        setNames(next);
        onNames?.(next);
        onChange?.(ids);
      }}
      options={options}
      loading={search.isFetching}
      placeholder={t('surveys.audience.searchParties')}
      notFoundContent={search.isFetching ? t('common.loading') : t('common.noMatches')}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
    />
  );
}
