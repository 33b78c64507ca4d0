import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  admin: 'red',
  executive: 'gold',
  manager: 'blue',
  hr: 'purple',
  marketing: 'magenta',
  agent: 'cyan',
  employee: 'default',
};

/** Role names as tags, translated. */
export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={colors[r] ?? 'default'}>
          {t(`roles.${r}`)}
        </Tag>
      ))}
    </>
  );
}
