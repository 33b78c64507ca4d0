import { useMemo } from 'react';
import { Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../api/types.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { StageTag } from '../../parties/shared/labels.tsx';
import { useOrgUnits } from '../../settings/shared/useOrgUnits.ts';
import { employeeStages } from '../shared/types.ts';

/** The employment facts a list row carries: the employee role's (full access) or the directory's. */
function employmentOf(p: Party) {
  const role = p.roles.find((r) => r.role === 'employee');
  const e = role?.employment;
  return {
    stage: role?.stage ?? null,
    orgUnitId: e?.orgUnitId ?? p.directory?.orgUnitId ?? null,
    managerId: e?.managerId ?? p.directory?.managerId ?? null,
    jobTitle: e?.jobTitle ?? p.directory?.jobTitle ?? null,
    grade: e?.grade ?? null,
    employeeNo: e?.employeeNo ?? null,
  };
}

/** `/people/directory`: employees with their unit, manager, title and grade; the file opens on a click. */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orgUnits = useOrgUnits();
  const columns = useMemo<DataColumn<Party>[]>(() => {
    const dash = <Typography.Text type="secondary">—</Typography.Text>;
    return [
      { key: 'displayName', title: t('people.directory.name'), sortable: true, render: (p) => p.displayName },
      { key: 'employeeNo', title: t('people.file.employeeNo'), render: (p) => employmentOf(p).employeeNo ?? dash },
      { key: 'jobTitle', title: t('people.file.jobTitle'), render: (p) => employmentOf(p).jobTitle ?? dash },
      {
        key: 'orgUnit',
        title: t('people.file.orgUnit'),
        render: (p) => orgUnits.pathOf(employmentOf(p).orgUnitId) || dash,
      },
      {
        key: 'manager',
        title: t('people.file.manager'),
        render: (p) => {
          const id = employmentOf(p).managerId;
          return id ? <UserName id={id} /> : dash;
        },
      },
      { key: 'grade', title: t('people.file.grade'), render: (p) => employmentOf(p).grade ?? dash },
      {
        key: 'stage',
        title: t('people.file.stage'),
        filter: {
          type: 'select',
          options: employeeStages.map((s) => ({ value: s, label: t(`parties.stages.${s}`) })),
        },
        render: (p) => {
          const stage = employmentOf(p).stage;
          return stage ? <StageTag stage={stage} /> : dash;
        },
      },
    ];
  }, [t, orgUnits]);

  return (
    <div data-testid="people-directory">
      <PageHeader title={t('nav.peopleDirectory')} description={t('people.directory.description')} />
      <DataTable<Party>
        tableKey="people-directory"
        endpoint="/api/parties"
        fixedParams={{ role: 'employee' }}
        columns={columns}
        rowKey={(p) => p.id}
        rowLabel={(p) => p.displayName}
        onOpen={(p) => void navigate(`/people/employees/${p.id}`)}
        defaultSort="displayName"
        searchParam="q"
        syncUrl
        data-testid="people-directory-table"
      />
    </div>
  );
}
