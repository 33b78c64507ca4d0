import { useMemo } from 'react';
import { Drawer } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SegmentTag } from '../shared/SegmentTag.tsx';
import { segmentLabel } from '../shared/labels.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { rfmCustomersEndpoint, type RfmParams } from '../shared/api.ts';
import { PartyName } from '../shared/PartyName.tsx';
import type { RfmCustomer } from '../shared/types.ts';

/** The scored customers of one segment (the API lists by segment; a clicked cell opens the segment it shows). */
export function RfmCustomersDrawer({
  segment,
  cell,
  params,
  currency,
  onClose,
}: {
  segment: string | null;
  cell: { r: number; f: number } | null;
  params: RfmParams;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const columns = useMemo<DataColumn<RfmCustomer>[]>(
    () => [
      { key: 'partyId', title: t('value.customer'), render: (c) => <PartyName id={c.partyId} /> },
      {
        key: 'segment',
        title: t('value.rfm.segment'),
        render: (c) => <SegmentTag segment={c.segment} />,
      },
      { key: 'recencyDays', title: t('value.rfm.recencyDays'), align: 'right' },
      { key: 'frequency', title: t('value.rfm.frequency'), align: 'right' },
      {
        key: 'monetary',
        title: t('value.rfm.monetary'),
        align: 'right',
        render: (c) => format.money(Number(c.monetary), currency),
      },
      {
        key: 'scores',
        title: t('value.rfm.scores'),
        render: (c) => (
          <span style={{ fontWeight: cell && c.r === cell.r && c.f === cell.f ? 600 : undefined }}>
            R{c.r} F{c.f} M{c.m}
          </span>
        ),
      },
    ],
    [t, format, currency, cell],
  );
  return (
    <Drawer
      open={segment !== null}
      onClose={onClose}
      width={820}
      title={
        segment
          ? cell
            ? t('value.rfm.cellTitle', { segment: segmentLabel(t, segment), r: cell.r, f: cell.f })
            : segmentLabel(t, segment)
          : ''
      }
      destroyOnHidden
      data-testid="rfm-customers"
    >
      {segment && (
        <DataTable<RfmCustomer>
          tableKey="value.rfm.customers"
          endpoint={rfmCustomersEndpoint}
          fixedParams={{ ...params, segment }}
          columns={columns}
          rowKey={(c) => c.partyId}
          onOpen={(c) => void navigate(`/parties/${c.partyId}`)}
          data-testid="rfm-customers-table"
        />
      )}
    </Drawer>
  );
}
