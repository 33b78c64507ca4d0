import { useMemo, useState } from 'react';
import { Button, Tag, Typography } from 'antd';
import { CheckOutlined, SettingOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { alertRuleKinds, alertStatuses, caseConfigurerRoles } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { Alert } from '../../../api/types.ts';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DataTable, listKey, type DataColumn } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { alertsEndpoint } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { AlertRulesModal } from './AlertRulesModal.tsx';

/** `/service/alerts`: early warnings on customers (repeated complaints, breached complaints, low satisfaction). */
export default function AlertsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useMe();
  const queryClient = useQueryClient();
  const { notify } = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const canConfigure = hasAnyRole(user, caseConfigurerRoles);
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: string; status: Alert['status'] }) =>
      api<Alert>(`${alertsEndpoint}/${id}`, { method: 'PATCH', body: { status } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listKey(alertsEndpoint) }),
    onError: notify,
  });
  const columns = useMemo(
    (): DataColumn<Alert>[] => [
      { key: 'createdAt', title: t('common.createdAt'), render: (a) => format.dateTime(a.createdAt) },
      {
        key: 'rule',
        title: t('service.alerts.rule'),
        render: (a) => (
          <Tag color={a.rule === 'low_csat' ? 'purple' : a.rule === 'breached_complaint' ? 'red' : 'orange'}>
            {t(`service.alerts.rules.${a.rule}.name`)}
          </Tag>
        ),
      },
      {
        key: 'partyName',
        title: t('service.case.party'),
        render: (a) => <Link to={`/parties/${a.partyId}`}>{a.partyName ?? a.partyId}</Link>,
      },
      {
        key: 'reason',
        title: t('service.alerts.reason'),
        render: (a) => <Typography.Text>{a.reason}</Typography.Text>,
      },
      {
        key: 'caseId',
        title: t('service.alerts.case'),
        render: (a) => (a.caseId ? <Link to={`/service/cases/${a.caseId}`}>{t('service.alerts.openCase')}</Link> : '—'),
      },
      {
        key: 'taskId',
        title: t('service.alerts.task'),
        render: (a) => (a.taskId ? <Link to="/tasks">{t('service.alerts.taskCreated')}</Link> : '—'),
      },
      { key: 'stageNote', title: t('service.alerts.stageNote'), hidden: true, render: (a) => a.stageNote ?? '' },
      {
        key: 'status',
        title: t('service.case.status'),
        filter: {
          type: 'select',
          options: alertStatuses.map((s) => ({ value: s, label: t(`service.alerts.statuses.${s}`) })),
        },
        render: (a) => (
          <Tag color={a.status === 'open' ? 'gold' : 'default'}>{t(`service.alerts.statuses.${a.status}`)}</Tag>
        ),
      },
      {
        key: 'actions',
        title: '',
        kind: 'actions',
        render: (a) =>
          a.status === 'open' ? (
            <Button
              size="small"
              icon={<CheckOutlined />}
              onClick={() => setStatus.mutate({ id: a.id, status: 'acknowledged' })}
              data-testid="alert-ack"
            >
              {t('service.alerts.acknowledge')}
            </Button>
          ) : (
            <Button
              size="small"
              type="text"
              icon={<UndoOutlined />}
              onClick={() => setStatus.mutate({ id: a.id, status: 'open' })}
            >
              {t('service.alerts.reopen')}
            </Button>
          ),
      },
    ],
    [t, format, setStatus],
  );
  return (
    <div data-testid="alerts-page">
      <PageHeader
        title={t('nav.serviceAlerts')}
        description={t('service.alerts.description', {
          rules: alertRuleKinds.map((k) => t(`service.alerts.rules.${k}.name`)).join(t('common.listSeparator')),
        })}
        actions={
          canConfigure && (
            <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="alert-rules-edit">
              {t('service.alerts.editRules')}
            </Button>
          )
        }
      />
      <DataTable<Alert>
        tableKey="service.alerts"
        endpoint={alertsEndpoint}
        columns={columns}
        rowKey={(a) => a.id}
        rowLabel={(a) => a.reason}
        syncUrl
        data-testid="alerts-table"
      />
      {canConfigure && <AlertRulesModal open={editing} onClose={() => setEditing(false)} />}
    </div>
  );
}
