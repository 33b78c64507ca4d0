import { Card, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SegmentTag } from '../shared/SegmentTag.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useSegmentPreview } from '../shared/api.ts';
import { valueClassLabel } from '../shared/labels.ts';
import type { SegmentMember, SegmentRule } from '../shared/types.ts';

/** The rule's live count and first members while it is edited (nothing is saved). */
export function LivePreview({ rule }: { rule: SegmentRule | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const debounced = useDebouncedValue(rule, 400);
  const q = useSegmentPreview(debounced);
  const columns = [
    {
      key: 'name',
      title: t('value.customer'),
      render: (_: unknown, m: SegmentMember) => <Link to={`/parties/${m.id}`}>{m.displayName}</Link>,
    },
    {
      key: 'rfm',
      title: t('value.rfm.segment'),
      render: (_: unknown, m: SegmentMember) => (m.rfmSegment ? <SegmentTag segment={m.rfmSegment} /> : '—'),
    },
    {
      key: 'class',
      title: t('value.segments.valueClass'),
      render: (_: unknown, m: SegmentMember) => valueClassLabel(t, m.valueClass),
    },
    {
      key: 'last',
      title: t('value.segments.lastPurchase'),
      render: (_: unknown, m: SegmentMember) => (m.lastPurchaseOn ? format.date(m.lastPurchaseOn) : '—'),
    },
  ];
  return (
    <Card title={t('value.segments.preview')} size="small" data-testid="segment-preview">
      {rule === null ? (
        <Typography.Text type="secondary">{t('value.segments.incomplete')}</Typography.Text>
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <div data-testid="segment-count" data-count={q.data && !q.isPlaceholderData ? q.data.count : undefined}>
            <Statistic
              title={t('value.segments.liveCount')}
              value={q.data ? format.number(q.data.count) : '…'}
              loading={!q.data}
            />
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
            {q.data?.valueSnapshotAsOf
              ? t('value.segments.snapshotAsOf', { date: format.date(q.data.valueSnapshotAsOf) })
              : t('value.segments.noSnapshot')}
          </Typography.Paragraph>
          <Table<SegmentMember>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={q.data?.sample ?? []}
            pagination={false}
            loading={q.isFetching}
            data-testid="segment-sample"
          />
        </>
      )}
    </Card>
  );
}
