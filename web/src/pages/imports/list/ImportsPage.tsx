import { useMemo } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../api/types.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { ImportStatusTag } from '../shared/labels.tsx';
import { RevertButton } from '../shared/RevertButton/RevertButton.tsx';
import { importEntities, importStatuses } from '../shared/roles.ts';
import { importsEndpoint } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';

/** `/settings/imports`: the import history (yours; admins see everyone's) and the way to a new import. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const columns = useMemo<DataColumn<ImportJob>[]>(
    () => [
      { key: 'createdAt', title: t('imports.when'), render: (j) => format.dateTime(j.createdAt) },
      {
        key: 'entity',
        title: t('imports.entity'),
        filter: {
          type: 'select',
          options: importEntities.map((e) => ({ value: e, label: t(`imports.entities.${e}`) })),
        },
        render: (j) => t(`imports.entities.${j.entity}`),
      },
      {
        key: 'fileName',
        title: t('imports.file'),
        render: (j) => (
          <Typography.Text ellipsis style={{ maxWidth: 260 }}>
            {j.fileName}
          </Typography.Text>
        ),
      },
      {
        key: 'status',
        title: t('imports.status'),
        filter: {
          type: 'select',
          options: importStatuses.map((s) => ({ value: s, label: t(`imports.statuses.${s}`) })),
        },
        render: (j) => <ImportStatusTag status={j.status} dryRun={j.dryRun} />,
      },
      {
        key: 'counts',
        title: t('imports.countsLabel'),
        render: (j) =>
          j.status === 'uploaded'
            ? '—'
            : t('imports.countsSummary', {
                total: format.number(j.counts.total ?? j.counts.processed),
                created: j.counts.created,
                updated: j.counts.updated,
                failed: j.counts.failed,
                duplicates: j.counts.duplicates,
              }),
      },
      { key: 'createdBy', title: t('imports.who'), render: (j) => <UserName id={j.createdBy} /> },
      {
        key: 'actions',
        title: t('common.actions'),
        kind: 'actions',
        render: (j) => <RevertButton job={j} size="small" />,
      },
    ],
    [t, format],
  );
  return (
    <div data-testid="imports-page">
      <PageHeader
        title={t('imports.title')}
        description={t('imports.description')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/settings/imports/new')}
            data-testid="import-new"
          >
            {t('imports.new')}
          </Button>
        }
      />
      <DataTable<ImportJob>
        tableKey="imports"
        endpoint={importsEndpoint}
        columns={columns}
        rowKey={(j) => j.id}
        rowLabel={(j) => j.fileName}
        onOpen={(j) => void navigate(`/settings/imports/${j.id}`)}
        defaultSort={null}
        syncUrl
        data-testid="imports-table"
      />
    </div>
  );
}
