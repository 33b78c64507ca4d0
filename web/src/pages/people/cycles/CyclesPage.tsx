import { Button, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useCycles } from '../shared/api.ts';
import { CycleStatusTag, useLocalized } from '../shared/labels.tsx';
import { peopleHrRoles, type AppraisalCycle } from '../shared/types.ts';

/** `/people/cycles`: appraisal cycles, newest period first; HR starts new ones. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const name = useLocalized();
  const me = useMe();
  const cycles = useCycles();
  const hr = hasAnyRole(me.user, peopleHrRoles);
  return (
    <div data-testid="cycles-page">
      <PageHeader
        title={t('nav.peopleCycles')}
        description={t('people.cycles.description')}
        actions={
          hr && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/people/cycles/new')}
              data-testid="cycle-create"
            >
              {t('people.cycles.create')}
            </Button>
          )
        }
      />
      {cycles.isError ? (
        <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : (
        <Table<AppraisalCycle>
          rowKey="id"
          loading={cycles.isPending}
          dataSource={[...(cycles.data?.items ?? [])].sort((a, b) => b.periodStart.localeCompare(a.periodStart))}
          onRow={(c) => ({ onClick: () => void navigate(`/people/cycles/${c.id}`), style: { cursor: 'pointer' } })}
          data-testid="cycles-table"
          columns={[
            { title: t('people.cycles.name'), render: (_, c) => name(c.name) },
            {
              title: t('people.cycles.period'),
              render: (_, c) => `${format.date(c.periodStart)} – ${format.date(c.periodEnd)}`,
            },
            { title: t('people.cycles.status'), render: (_, c) => <CycleStatusTag status={c.status} /> },
            { title: t('people.cycles.opensAt'), render: (_, c) => format.dateTime(c.opensAt) },
            { title: t('people.cycles.participants'), align: 'right', render: (_, c) => c.appraisalCount },
          ]}
        />
      )}
    </div>
  );
}
