import { Button, Tag, Typography } from 'antd';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { alertStatuses } from '@tandem/server/api';
import type { Alert } from '../../../api/types.ts';
import type { DataColumn } from '../../../components/DataTable/index.ts';

interface Deps {
  t: TFunction;
  dateTime: (v: string) => string;
  /** Acknowledges an open alert or reopens an acknowledged one. */
  setStatus: (alert: Alert, status: Alert['status']) => void;
}

/** Columns of the alert list: the rule, the customer, what it links to and its status. */
export function alertColumns({ t, dateTime, setStatus }: Deps): DataColumn<Alert>[] {
  return [
    { key: 'createdAt', title: t('common.createdAt'), render: (a) => dateTime(a.createdAt) },
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
            onClick={() => setStatus(a, 'acknowledged')}
            data-testid="alert-ack"
          >
            {t('service.alerts.acknowledge')}
          </Button>
        ) : (
          <Button size="small" type="text" icon={<UndoOutlined />} onClick={() => setStatus(a, 'open')}>
            {t('service.alerts.reopen')}
          </Button>
        ),
    },
  ];
}
