import { Button, Card, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { caseConfigurerRoles, casePriorities } from '@tandem/server/api';
import type { SlaPolicy } from '../../../api/types.ts';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useDurationUnits } from '../shared/useDurationUnits.ts';
import { formatBusinessMinutes } from '../shared/metrics.ts';
import { useSlaPolicies } from '../shared/api.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';

/** `/service/sla-policies`: business calendars and targets that give cases their due times. */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useDurationUnits();
  const { user } = useMe();
  const policies = useSlaPolicies();
  const canEdit = hasAnyRole(user, caseConfigurerRoles);
  return (
    <div data-testid="sla-policies-page">
      <PageHeader
        title={t('nav.serviceSlaPolicies')}
        description={t('service.policy.description')}
        actions={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/service/sla-policies/new')}
              data-testid="policy-create"
            >
              {t('service.policy.create')}
            </Button>
          )
        }
      />
      {policies.isError ? (
        <QueryError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <Card size="small">
          <Table<SlaPolicy>
            rowKey="id"
            size="small"
            loading={policies.isPending}
            pagination={false}
            dataSource={policies.data?.items ?? []}
            onRow={(p) => ({
              onClick: () => void navigate(`/service/sla-policies/${p.id}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              {
                key: 'name',
                title: t('service.policy.name'),
                render: (_, p) => (
                  <>
                    {p.name} {p.isDefault && <Tag color="blue">{t('service.sla.default')}</Tag>}
                  </>
                ),
              },
              { key: 'tz', title: t('service.policy.timeZone'), render: (_, p) => p.timeZone },
              ...casePriorities.map((pr) => ({
                key: pr,
                title: t(`service.priorities.${pr}`),
                render: (_: unknown, p: SlaPolicy) =>
                  `${formatBusinessMinutes(p.targets[pr].firstResponseMinutes, units)} / ${formatBusinessMinutes(p.targets[pr].resolveMinutes, units)}`,
              })),
            ]}
          />
        </Card>
      )}
    </div>
  );
}
