import { useState } from 'react';
import { Button, InputNumber, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useOccasions } from '../shared/api.ts';
import type { CareOccasion } from '../shared/types.ts';
import { SuggestionsDrawer } from './SuggestionsDrawer.tsx';

/** `/care/occasions`: the year's occasions (lunar ones marked, computed by the server's calendar library). */
export default function OccasionsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [open, setOpen] = useState<CareOccasion | null>(null);
  const q = useOccasions(year);
  const zh = i18n.language === 'zh-CN';
  return (
    <div data-testid="occasions-page">
      <PageHeader
        title={t('nav.careOccasions')}
        description={t('care.occasions.description')}
        actions={
          <InputNumber
            min={1904}
            max={2099}
            value={year}
            onChange={(v) => v && setYear(v)}
            aria-label={t('care.occasions.year')}
            data-testid="occasions-year"
          />
        }
      />
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<CareOccasion>
          rowKey="key"
          size="small"
          loading={q.isPending}
          pagination={false}
          dataSource={q.data?.items ?? []}
          data-testid="occasions-table"
          columns={[
            {
              key: 'date',
              title: t('care.occasions.date'),
              render: (_, o) => (o.date ? format.date(o.date) : t('care.occasions.perCustomer')),
            },
            {
              key: 'name',
              title: t('care.occasions.name'),
              render: (_, o) => (
                <Space>
                  <span data-testid="occasion-name">{zh ? o.nameZh : o.nameEn}</span>
                  {o.lunar && <Tag color="gold">{t('care.occasions.lunar')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'categories',
              title: t('care.occasions.categories'),
              render: (_, o) => o.categories.map((c) => <Tag key={c}>{c}</Tag>),
            },
            {
              key: 'actions',
              title: '',
              render: (_, o) => (
                <Button size="small" onClick={() => setOpen(o)} data-testid="occasion-suggestions-open">
                  {t('care.occasions.suggestions')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <SuggestionsDrawer occasion={open} year={year} onClose={() => setOpen(null)} />
    </div>
  );
}
