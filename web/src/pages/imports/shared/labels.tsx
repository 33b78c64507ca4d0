import { Tag } from 'antd';
import type { TFunction, i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from './roles.ts';

const statusColors: Record<ImportStatus, string> = {
  uploaded: 'default',
  queued: 'processing',
  running: 'processing',
  completed: 'success',
  failed: 'error',
  reverted: 'warning',
};

export function ImportStatusTag({ status, dryRun }: { status: ImportStatus; dryRun?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={statusColors[status]} data-testid="import-status">
        {t(`imports.statuses.${status}`)}
      </Tag>
      {dryRun && <Tag>{t('imports.dryRunTag')}</Tag>}
    </>
  );
}

/**
 * A target field in the user's language: `imports.fields.<key>` when translated, custom fields by
 * their key, and anything the server adds later as its API name.
 */
export function fieldLabel(key: string, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  if (key.startsWith('custom.')) {
    return t('imports.customField', { key: key.slice('custom.'.length) });
  }
  return i18n.exists(`imports.fields.${key}`) ? t(`imports.fields.${key}`) : key;
}
