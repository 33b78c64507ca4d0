import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Starts a download of `urlFor(format)` (the server streams the file with the session cookie). */
export function ExportButton({ urlFor }: { urlFor: (format: 'csv' | 'xlsx') => string }) {
  const { t } = useTranslation();
  const download = (format: 'csv' | 'xlsx') => {
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
        items: [
          { key: 'csv', label: t('table.exportCsv'), onClick: () => download('csv') },
          { key: 'xlsx', label: t('table.exportXlsx'), onClick: () => download('xlsx') },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="export">
        {t('table.export')}
      </Button>
    </Dropdown>
  );
}
