import { useState } from 'react';
import { Alert, Button, Drawer, Select, Space, Table, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { invalidateCare, putOccasionCategories, useSuggestions } from '../shared/api.ts';
import { campaignRoles, occasionEditorRoles, type CareOccasion } from '../shared/types.ts';

/** The categories that sell for an occasion (suggestions read them); a stale version answers 409. */
function CategoriesEditor({ occasion }: { occasion: CareOccasion }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { describe } = useErrorMessage();
  const [categories, setCategories] = useState(occasion.categories);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = () => {
    setSaving(true);
    setError(null);
    putOccasionCategories(occasion.key, { categories, version: occasion.categoriesVersion })
      .then(() => invalidateCare(qc))
      .catch((e: unknown) => setError(describe(e)))
      .finally(() => setSaving(false));
  };
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Typography.Text strong>{t('care.occasions.categories')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          mode="tags"
          value={categories}
          onChange={setCategories}
          style={{ width: '100%' }}
          tokenSeparators={[',', '，']}
          aria-label={t('care.occasions.categories')}
          data-testid="occasion-categories"
        />
        <Button onClick={save} loading={saving} data-testid="occasion-categories-save">
          {t('common.save')}
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}

/** An occasion's suggested customers (who bought around it before, or its categories) and a campaign to them. */
export function SuggestionsDrawer({
  occasion,
  year,
  onClose,
}: {
  occasion: CareOccasion | null;
  year: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { user } = useMe();
  const q = useSuggestions(occasion?.key ?? null, year);
  const name = occasion ? (i18n.language === 'zh-CN' ? occasion.nameZh : occasion.nameEn) : '';
  const ids = q.data?.items.map((s) => s.partyId) ?? [];
  return (
    <Drawer
      open={Boolean(occasion)}
      width={680}
      title={t('care.occasions.suggestionsTitle', { name, year })}
      onClose={onClose}
      destroyOnHidden
    >
      {occasion && hasAnyRole(user, occasionEditorRoles) && (
        <CategoriesEditor key={occasion.categoriesVersion ?? 0} occasion={occasion} />
      )}
      {hasAnyRole(user, campaignRoles) && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!ids.length}
          style={{ marginBottom: 12 }}
          onClick={() =>
            void navigate('/care/campaigns/new', { state: { partyIds: ids, name: `${name} ${year}`, kind: 'care' } })
          }
          data-testid="occasion-start-campaign"
        >
          {t('care.occasions.startCampaign', { count: ids.length })}
        </Button>
      )}
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="partyId"
          loading={q.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: q.data?.note ? t('care.occasions.noSuggestions') : undefined }}
          data-testid="occasion-suggestions"
          columns={[
            {
              key: 'party',
              title: t('care.occasions.customer'),
              render: (_, s) => <Link to={`/parties/${s.partyId}`}>{s.displayName}</Link>,
            },
            { key: 'reason', title: t('care.occasions.reason'), render: (_, s) => s.reason },
            {
              key: 'last',
              title: t('care.occasions.lastPurchase'),
              render: (_, s) => (s.lastPurchaseOn ? format.date(s.lastPurchaseOn) : '—'),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
