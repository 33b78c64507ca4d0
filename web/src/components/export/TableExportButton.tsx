import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../feedback/useErrorMessage.ts';
import { downloadCsv, downloadXlsx } from './download.ts';
import type { ExportTable } from './tableExport.ts';

/** CSV / XLSX download of a table the page holds; `table()` builds the rows at click time. */
export function TableExportButton({
  table,
  'data-testid': testId,
}: {
  table: () => ExportTable;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const { notify } = useErrorMessage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'xlsx',
            label: <span data-testid={`${testId ?? 'table-export'}-xlsx`}>{t('table.exportXlsx')}</span>,
            onClick: () => void downloadXlsx(table()).catch(notify),
          },
          {
            key: 'csv',
            label: <span data-testid={`${testId ?? 'table-export'}-csv`}>{t('table.exportCsv')}</span>,
            onClick: () => downloadCsv(table()),
          },
        ],
      }}
    >
      <Button size="small" icon={<DownloadOutlined />} data-testid={testId ?? 'table-export'}>
        {t('table.export')}
      </Button>
    </Dropdown>
  );
}
