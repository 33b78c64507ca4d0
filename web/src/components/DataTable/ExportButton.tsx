import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from './tableState.ts';

const formats: { key: string; label: string; format: ExportFormat }[] = [
  { key: 'xlsx', label: 'table.exportXlsx', format: { format: 'xlsx' } },
  { key: 'csv', label: 'table.exportCsv', format: { format: 'csv' } },
  { key: 'csv-gb18030', label: 'table.exportCsvGb', format: { format: 'csv', encoding: 'gb18030' } },
];

/** Starts a download of `urlFor(format)` (the server streams the file with the session cookie). */
export function ExportButton({ urlFor }: { urlFor: (format: ExportFormat) => string }) {
  const { t } = useTranslation();
  const download = (format: ExportFormat) => {
    const link = document.createElement('a');
    link.href = urlFor(format);
    link.download = '';
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: formats.map((f) => ({
          key: f.key,
          label: <span data-testid={`export-${f.key}`}>{t(f.label)}</span>,
          onClick: () => download(f.format),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="export">
        {t('table.export')}
      </Button>
    </Dropdown>
  );
}
