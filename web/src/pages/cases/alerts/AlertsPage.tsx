import { useMemo, useState } from 'react';
import { Button } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { alertRuleKinds, caseConfigurerRoles } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { Alert } from '../../../api/types.ts';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DataTable, listKey } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { alertsEndpoint } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { alertColumns } from './alertColumns.tsx';
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
    () =>
      alertColumns({
        t,
        dateTime: format.dateTime,
        setStatus: (a, status) => setStatus.mutate({ id: a.id, status }),
      }),
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
