import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OwnSession } from '../../../api/types.ts';
import { useLogout } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useEndSessions, useSessions } from '../shared/api.ts';
import { describeDevice } from '../shared/userAgent.ts';

function deviceName(userAgent: string | null, t: TFunction): string {
  const { browser, os } = describeDevice(userAgent);
  if (browser && os) {
    return t('me.account.deviceOn', { browser, os });
  }
  return browser ?? os ?? t('me.account.unknownDevice');
}

function sessionColumns(
  t: TFunction,
  format: ReturnType<typeof useFormat>,
  endOne: (s: OwnSession) => void,
): TableColumnsType<OwnSession> {
  return [
    {
      key: 'device',
      title: t('me.account.device'),
      render: (_v, s) => (
        <Space size={6} wrap>
          <Tooltip title={s.userAgent ?? undefined}>
            <span data-testid="session-device">{deviceName(s.userAgent, t)}</span>
          </Tooltip>
          {s.current && <Tag color="blue">{t('me.account.thisDevice')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'ip',
      title: 'IP',
      render: (_v, s) => (s.ip ? <Typography.Text code>{s.ip}</Typography.Text> : '—'),
    },
    { key: 'created', title: t('me.account.signedInAt'), render: (_v, s) => format.dateTime(s.createdAt) },
    {
      key: 'seen',
      title: t('me.account.lastSeen'),
      render: (_v, s) => <Tooltip title={format.dateTime(s.lastSeenAt)}>{format.relative(s.lastSeenAt)}</Tooltip>,
    },
    { key: 'expires', title: t('me.account.expires'), render: (_v, s) => format.dateTime(s.expiresAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_v, s) => (
        <Popconfirm
          title={s.current ? t('me.account.signOutThis') : t('me.account.signOutConfirm')}
          onConfirm={() => endOne(s)}
          okText={t('me.account.signOut')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
        >
          <Button size="small" icon={<LogoutOutlined />} data-testid="session-end">
            {t('me.account.signOut')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
}

/** The user's sessions (devices): where and when, this one marked; sign one out, or all the others. */
export function SessionsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const sessions = useSessions();
  const { one, others } = useEndSessions();
  const logout = useLogout();
  const hasOthers = (sessions.data ?? []).some((s) => !s.current);

  const endOne = (s: OwnSession) =>
    s.current
      ? logout.mutate()
      : one.mutate(s.id, { onSuccess: () => void toast.success(t('me.account.sessionEnded')), onError: notify });
  const endOthers = () =>
    others.mutate(undefined, { onSuccess: () => void toast.success(t('me.account.othersEnded')), onError: notify });

  return (
    <Card
      size="small"
      title={t('me.account.sessions')}
      style={{ marginTop: 16 }}
      extra={
        <Popconfirm
          title={t('me.account.signOutOthersConfirm')}
          onConfirm={endOthers}
          okText={t('me.account.signOutOthers')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          disabled={!hasOthers}
        >
          <Button
            danger
            size="small"
            disabled={!hasOthers}
            loading={others.isPending}
            data-testid="sessions-end-others"
          >
            {t('me.account.signOutOthers')}
          </Button>
        </Popconfirm>
      }
      data-testid="account-sessions"
    >
      {sessions.error ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table<OwnSession>
          size="small"
          rowKey="id"
          loading={sessions.isPending}
          dataSource={sessions.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(s) => ({ 'data-testid': s.current ? 'session-current' : 'session-other' }) as object}
          columns={sessionColumns(t, format, endOne)}
        />
      )}
    </Card>
  );
}
