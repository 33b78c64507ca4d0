import { Button, Card, Space, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SegmentTag } from '../shared/SegmentTag.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { formatShare } from '../shared/labels.ts';
import type { RfmRule, RfmRules, RfmSummary } from '../shared/types.ts';

type SegmentRow = RfmSummary['segments'][number];
const range = ([lo, hi]: [number, number]) => (lo === hi ? `${lo}` : `${lo}–${hi}`);

/** Customers and revenue per segment; a row opens the segment's customers. */
export function SegmentsCard({ data, onOpen }: { data: RfmSummary; onOpen: (segment: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = data.currency ?? 'CNY';
  const columns = [
    {
      key: 'segment',
      title: t('value.rfm.segment'),
      render: (_: unknown, s: SegmentRow) => <SegmentTag segment={s.segment} />,
    },
    {
      key: 'customers',
      title: t('value.rfm.customers'),
      align: 'right' as const,
      render: (_: unknown, s: SegmentRow) =>
        `${format.number(s.customers)} (${formatShare(data.customers ? s.customers / data.customers : null, format.locale)})`,
    },
    {
      key: 'revenue',
      title: t('value.rfm.revenue'),
      align: 'right' as const,
      render: (_: unknown, s: SegmentRow) => format.money(Number(s.revenue), currency),
    },
  ];
  return (
    <Card title={t('value.rfm.segmentsTitle')} size="small" style={{ marginBottom: 16 }}>
      <Table<SegmentRow>
        size="small"
        rowKey="segment"
        columns={columns}
        dataSource={data.segments.filter((s) => s.customers > 0)}
        pagination={false}
        onRow={(s) => ({ onClick: () => onOpen(s.segment), style: { cursor: 'pointer' } })}
        data-testid="rfm-segments"
      />
    </Card>
  );
}

/** The organisation's segment rules in order (the first a customer matches names their segment). */
export function RulesCard({ rules, onEdit }: { rules: RfmRules; onEdit?: () => void }) {
  const { t } = useTranslation();
  const columns = [
    { key: 'i', title: '#', render: (_: unknown, _r: RfmRule, i: number) => i + 1, width: 40 },
    {
      key: 'segment',
      title: t('value.rfm.segment'),
      render: (_: unknown, r: RfmRule) => <SegmentTag segment={r.segment} />,
    },
    { key: 'r', title: 'R', render: (_: unknown, r: RfmRule) => range(r.r) },
    { key: 'f', title: 'F', render: (_: unknown, r: RfmRule) => range(r.f) },
    { key: 'm', title: 'M', render: (_: unknown, r: RfmRule) => range(r.m) },
  ];
  return (
    <Card
      title={t('value.rfm.rulesTitle')}
      size="small"
      extra={
        <Space>
          <Typography.Text type="secondary">
            {rules.isDefault ? t('value.rfm.rulesDefault') : t('value.rfm.rulesCustom')}
          </Typography.Text>
          {onEdit && (
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="rfm-rules-edit">
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<RfmRule>
        size="small"
        rowKey="segment"
        columns={columns}
        dataSource={rules.rules}
        pagination={false}
        data-testid="rfm-rules"
      />
    </Card>
  );
}
