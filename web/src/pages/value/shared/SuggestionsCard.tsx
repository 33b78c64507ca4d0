import { Card, List, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useSuggestions } from './api.ts';
import { formatShare } from './labels.ts';

/** Cross-sell on the party page: what customers who bought what this one bought also bought, and this one has not. */
export function SuggestionsCard({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useSuggestions(partyId);
  const items = q.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <span>
          <BulbOutlined /> {t('value.suggestions.title')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="party-suggestions"
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <List
          size="small"
          loading={q.isPending}
          dataSource={items}
          locale={{ emptyText: t('value.suggestions.none') }}
          renderItem={(s) => (
            <List.Item data-testid="party-suggestion">
              <List.Item.Meta
                title={
                  <span>
                    {s.name} {s.category && <Tag>{s.category}</Tag>}
                  </span>
                }
                description={t('value.suggestions.because', { product: s.because.name })}
              />
              <Typography.Text type="secondary">
                {t('value.suggestions.stats', {
                  confidence: formatShare(s.confidence, format.locale),
                  lift: format.number(Math.round(s.lift * 100) / 100),
                })}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
