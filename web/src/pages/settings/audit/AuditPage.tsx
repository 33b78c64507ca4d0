import { Fragment, useMemo } from 'react';
import { DatePicker, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../../api/types.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { userFilter } from '../../../components/UserSelect/userFilter.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { AuditChanges, Shown, useAuditTranslate } from './AuditChanges.tsx';
import { describeChanges, recordPath, type Translate } from './describe.ts';
import { DailyCounts } from './DailyCounts.tsx';
import { actionLabel, auditActions, entityTypeLabel, entityTypes } from '../shared/auditLabels.ts';

const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  revoke: 'red',
  login_failed: 'orange',
};

/** The first changes of an entry, one line each ("Stage: New → Developing"); the expanded row has them all. */
function ChangeSummary({ entry, tr }: { entry: AuditEntry; tr: Translate }) {
  const lines = describeChanges(entry, tr);
  if (lines.length === 0) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <Typography.Text style={{ fontSize: 12 }} data-testid="audit-summary">
      {lines.slice(0, 2).map((l, i) => (
        <Fragment key={l.field}>
          {i > 0 && <br />}
          {l.label}:{' '}
          {l.before.kind !== 'none' && (
            <>
              <Shown value={l.before} /> →{' '}
            </>
          )}
          <Shown value={l.after} />
        </Fragment>
      ))}
      {lines.length > 2 && <Typography.Text type="secondary"> …</Typography.Text>}
    </Typography.Text>
  );
}

/** `/settings/audit`: who changed what, in plain language, filterable by record, actor, action and date. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const tr = useAuditTranslate();
  const columns = useMemo<DataColumn<AuditEntry>[]>(
    () => [
      {
        key: 'at',
        title: t('audit.at'),
        filter: {
          type: 'custom',
          param: 'from',
          render: (value, onChange) => (
            <DatePicker
              value={typeof value === 'string' ? dayjs(value) : null}
              onChange={(d) => onChange(d ? d.startOf('day').toISOString() : null)}
              aria-label={t('audit.since')}
              placeholder={t('audit.since')}
              data-testid="filter-audit-since"
            />
          ),
          display: (v) => t('audit.sinceValue', { date: format.date(String(v)) }),
        },
        render: (e) => <time dateTime={e.at}>{format.dateTime(e.at)}</time>,
      },
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
        render: (e) => {
          if (!e.entityId) {
            return '—';
          }
          const path = recordPath(e.entityType, e.entityId);
          const short = e.entityId.slice(0, 8);
          return (
            <Typography.Text code copyable={{ text: e.entityId }}>
              {path ? <Link to={path}>{short}</Link> : short}
            </Typography.Text>
          );
        },
      },
      {
        key: 'changes',
        title: t('audit.changes'),
        exportable: false,
        render: (e) => <ChangeSummary entry={e} tr={tr} />,
      },
      { key: 'ip', title: 'IP', hidden: true, render: (e) => e.ip ?? '—' },
      { key: 'requestId', title: t('audit.request'), hidden: true, render: (e) => e.requestId ?? '—' },
    ],
    [t, i18n, format, tr],
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
