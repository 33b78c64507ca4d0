import { useState } from 'react';
import { AutoComplete, Input, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { SearchResult } from '../api/types.ts';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';

/** Header search over `GET /api/search`; choosing a result opens its `url`. */
export function GlobalSearch() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const search = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api<{ items: SearchResult[] }>('/api/search', { query: { q, limit: 10 }, signal }),
    enabled: q.length > 0,
  });
  const open = (url: string) => {
    setText('');
    if (url.startsWith('/')) {
      void navigate(url);
    } else {
      window.location.assign(url);
    }
  };
  const typeLabel = (type: string) => (i18n.exists(`search.types.${type}`) ? t(`search.types.${type}`) : type);
  const options = (search.data?.items ?? []).map((r) => ({
    value: r.url,
    key: `${r.type}:${r.id}`,
    label: (
      <div data-testid="search-result" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <Tag style={{ marginInlineEnd: 0 }}>{typeLabel(r.type)}</Tag>
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {r.title}
          {r.subtitle && <Typography.Text type="secondary"> · {r.subtitle}</Typography.Text>}
        </span>
      </div>
    ),
  }));
  let notFound: string | undefined;
  if (q && search.isError) {
    notFound = t('search.failed');
  } else if (q && search.isSuccess) {
    notFound = t('search.none');
  }
  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(url: string) => open(url)}
      // Enter opens the highlighted result, the first one by default.
      defaultActiveFirstOption
      notFoundContent={notFound}
      style={{ width: '100%', maxWidth: 360 }}
      popupMatchSelectWidth={360}
    >
      <Input.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        loading={search.isFetching}
        // Enter before any result is listed (or with none): the parties list, searched the same way.
        onSearch={(value) => {
          if (value.trim() && options.length === 0) {
            open(`/parties?q=${encodeURIComponent(value.trim())}`);
          }
        }}
        data-testid="global-search"
      />
    </AutoComplete>
  );
}
