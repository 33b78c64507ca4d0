import { useMemo } from 'react';
import { Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SegmentTag } from '../shared/SegmentTag.tsx';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { segmentsEndpoint, useSegmentCount } from '../shared/api.ts';
import { valueClassLabel } from '../shared/labels.ts';
import type { SegmentMember } from '../shared/types.ts';

/** The saved segment's members now (those the reader may see), by name or by value. */
export function SegmentMembers({ segmentId }: { segmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const count = useSegmentCount(segmentId);
  const columns = useMemo<DataColumn<SegmentMember>[]>(
    () => [
      { key: 'displayName', title: t('value.customer') },
      {
        key: 'rfmSegment',
        title: t('value.rfm.segment'),
        render: (m) => (m.rfmSegment ? <SegmentTag segment={m.rfmSegment} /> : '—'),
      },
      { key: 'valueClass', title: t('value.segments.valueClass'), render: (m) => valueClassLabel(t, m.valueClass) },
      {
        key: 'monetary',
        title: t('value.rfm.monetary'),
        align: 'right',
        render: (m) => (m.monetary === null ? '—' : format.number(Number(m.monetary))),
      },
      {
        key: 'clv',
        title: t('value.clv.clv'),
        align: 'right',
        render: (m) => (m.clv === null ? '—' : format.number(Math.round(Number(m.clv)))),
      },
      {
        key: 'lastPurchaseOn',
        title: t('value.segments.lastPurchase'),
        render: (m) => (m.lastPurchaseOn ? format.date(m.lastPurchaseOn) : '—'),
      },
    ],
    [t, format],
  );
  return (
    <Card
      title={t('value.segments.membersTitle', { count: count.data?.count ?? 0 })}
      size="small"
      data-testid="segment-members"
    >
      <DataTable<SegmentMember>
        tableKey="value.segments.members"
        endpoint={`${segmentsEndpoint}/${segmentId}/members`}
        columns={columns}
        rowKey={(m) => m.id}
        rowLabel={(m) => m.displayName}
        onOpen={(m) => void navigate(`/parties/${m.id}`)}
        data-testid="segment-members-table"
      />
    </Card>
  );
}
