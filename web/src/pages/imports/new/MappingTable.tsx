import { Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../api/types.ts';
import { fieldLabel } from '../shared/labels.tsx';
import type { ColumnMapping } from './mapping.ts';

interface Props {
  preview: ImportPreview;
  columns: ColumnMapping[];
  onChange: (header: string, target: string | null) => void;
  missing: string[][];
  doubled: string[];
}

const IGNORE = '__ignore__';

/** The first rows of the file with one mapping select per column (automatic ones marked). */
export function MappingTable({ preview, columns, onChange, missing, doubled }: Props) {
  const { t, i18n } = useTranslation();
  const required = new Set(missing.flat());
  const options = [
    { value: IGNORE, label: t('imports.ignore') },
    ...preview.fields.map((f) => ({
      value: f.key,
      label: `${fieldLabel(f.key, t, i18n)}${required.has(f.key) ? ' *' : ''}`,
      title: f.key,
    })),
  ];
  const rows = preview.sample.map((cells, i) => ({ key: i, cells }));
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      data-testid="mapping-table"
      columns={columns.map((c, i) => ({
        key: c.header,
        title: (
          <Flex vertical gap={4} style={{ minWidth: 170 }}>
            <Flex gap={4} align="center" justify="space-between">
              <Typography.Text strong>{c.header}</Typography.Text>
              {c.auto && (
                <Tooltip title={t('imports.autoMappedHint')}>
                  <Tag color="green" icon={<CheckCircleFilled />} data-testid={`mapping-auto-${c.header}`}>
                    {t('imports.autoMapped')}
                  </Tag>
                </Tooltip>
              )}
            </Flex>
            <Select
              size="small"
              showSearch
              optionFilterProp="label"
              value={c.target ?? IGNORE}
              status={c.target && doubled.includes(c.target) ? 'warning' : undefined}
              onChange={(v: string) => onChange(c.header, v === IGNORE ? null : v)}
              options={options}
              aria-label={t('imports.mapColumn', { header: c.header })}
              data-testid={`mapping-${c.header}`}
              data-target={c.target ?? ''}
              popupMatchSelectWidth={false}
            />
          </Flex>
        ),
        render: (_: unknown, r: { cells: string[] }) => (
          <Typography.Text type={c.target ? undefined : 'secondary'} ellipsis style={{ maxWidth: 220 }}>
            {r.cells[i] ?? ''}
          </Typography.Text>
        ),
      }))}
    />
  );
}
