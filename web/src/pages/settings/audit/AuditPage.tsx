import { useMemo } from 'react';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/types.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { userFilter } from '../../../components/UserSelect/userFilter.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { AuditChanges } from './AuditChanges.tsx';
import { DailyCounts } from './DailyCounts.tsx';
import { actionLabel, auditActions, entityTypeLabel, entityTypes } from '../shared/auditLabels.ts';

const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  revoke: 'red',
  login_failed: 'orange',
};

/** `/settings/audit`: who changed what, filterable, with before/after of each change. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const columns = useMemo<DataColumn<AuditEntry>[]>(
    () => [
      { key: 'at', title: t('audit.at'), render: (e) => <time dateTime={e.at}>{format.dateTime(e.at)}</time> },
      {
        key: 'actorName',
        title: t('audit.actor'),
        filter: userFilter({ label: t('audit.actor'), param: 'actorId', 'data-testid': 'filter-actor' }),
        render: (e) =>
          e.actorName ?? <Typography.Text type="secondary">{t(`audit.actorTypes.${e.actorType}`)}</Typography.Text>,
      },
      {
        key: 'action',
        title: t('audit.action'),
        filter: { type: 'select', options: auditActions.map((a) => ({ value: a, label: actionLabel(a, t, i18n) })) },
        render: (e) => <Tag color={actionColors[e.action] ?? 'default'}>{actionLabel(e.action, t, i18n)}</Tag>,
      },
      {
        key: 'entityType',
        title: t('audit.entityType'),
        filter: { type: 'select', options: entityTypes.map((e) => ({ value: e, label: entityTypeLabel(e, t, i18n) })) },
        render: (e) => entityTypeLabel(e.entityType, t, i18n),
      },
      {
        key: 'entityId',
        title: t('audit.entityId'),
        filter: { type: 'text' },
        render: (e) =>
          e.entityId ? (
            <Typography.Text code copyable={{ text: e.entityId }}>
              {e.entityId.slice(0, 8)}
            </Typography.Text>
          ) : (
            '—'
          ),
      },
      { key: 'ip', title: 'IP', hidden: true, render: (e) => e.ip ?? '—' },
      { key: 'requestId', title: t('audit.request'), hidden: true, render: (e) => e.requestId ?? '—' },
    ],
    [t, i18n, format],
  );
  return (
    <div data-testid="audit-page">
      <PageHeader title={t('nav.audit')} description={t('audit.description')} />
      <DailyCounts />
      <DataTable<AuditEntry>
        tableKey="settings.audit"
        endpoint="/api/audit"
        exportEndpoint="/api/audit/export"
        columns={columns}
        rowKey={(e) => e.id}
        rowLabel={(e) =>
          `${actionLabel(e.action, t, i18n)} ${entityTypeLabel(e.entityType, t, i18n)} ${format.dateTime(e.at)}`
        }
        expandable={(e) => <AuditChanges entry={e} />}
        syncUrl
        data-testid="audit-table"
      />
    </div>
  );
}
