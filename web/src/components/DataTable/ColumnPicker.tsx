import { Button, Checkbox, Dropdown, Space } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  columns: { key: string; title: string }[];
  visible: string[];
  onChange: (keys: string[] | null) => void;
}

/** Show or hide columns; at least one stays visible. */
export function ColumnPicker({ columns, visible, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (key: string, on: boolean) => {
    const next = on ? [...visible, key] : visible.filter((k) => k !== key);
    if (next.length > 0) {
      onChange(next);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      popupRender={() => (
        <div className="ant-dropdown-menu" style={{ padding: 12 }} role="group" aria-label={t('table.columns')}>
          <Space direction="vertical">
            {columns.map((c) => (
              <Checkbox
                key={c.key}
                checked={visible.includes(c.key)}
                onChange={(e) => toggle(c.key, e.target.checked)}
                data-testid={`column-toggle-${c.key}`}
              >
                {c.title}
              </Checkbox>
            ))}
            <Button size="small" type="link" onClick={() => onChange(null)} style={{ padding: 0 }}>
              {t('table.defaultColumns')}
            </Button>
          </Space>
        </div>
      )}
    >
      <Button icon={<SettingOutlined />} data-testid="column-picker">
        {t('table.columns')}
      </Button>
    </Dropdown>
  );
}
