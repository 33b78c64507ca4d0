import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Flex, Grid, List, Popover, Spin, Tooltip, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../api/types.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { badgeText, notificationLink, notificationMessage } from '../pages/me/shared/notificationFormat.ts';
import { useMarkRead, useNotifications, useUnreadCount } from '../pages/me/shared/notifications.ts';

/** One row: the message links to the record (and marks it read); unread rows have a "mark read" button. */
function Row({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { one } = useMarkRead();
  const msg = notificationMessage(n);
  const unread = !n.readAt;
  const open = () => {
    if (unread) {
      one.mutate(n.id);
    }
    onOpen();
  };
  return (
    <List.Item
      data-testid={`notification-${n.id}`}
      data-unread={unread ? 'true' : 'false'}
      style={{ alignItems: 'flex-start', paddingInline: 4 }}
      actions={
        unread
          ? [
              <Tooltip key="read" title={t('notifications.markRead')}>
                <Button
                  size="small"
                  type="text"
                  icon={<CheckOutlined />}
                  aria-label={t('notifications.markRead')}
                  data-testid={`notification-read-${n.id}`}
                  onClick={() => one.mutate(n.id)}
                />
              </Tooltip>,
            ]
          : []
      }
    >
      <Link to={notificationLink(n)} onClick={open} data-testid={`notification-link-${n.id}`}>
        <Typography.Text strong={unread}>{t(msg.key, msg.values)}</Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fmt.relative(n.createdAt)}
          </Typography.Text>
        </div>
      </Link>
    </List.Item>
  );
}

function Panel({ onOpen, sheet }: { onOpen: () => void; sheet: boolean }) {
  const { t } = useTranslation();
  const list = useNotifications(true);
  const { all } = useMarkRead();
  const items = list.data?.items ?? [];
  return (
    <div data-testid="notification-panel" style={{ width: sheet ? '100%' : 360 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={!items.some((n) => !n.readAt)}
          loading={all.isPending}
          onClick={() => all.mutate()}
          data-testid="notification-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {list.isLoading ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          style={sheet ? undefined : { maxHeight: 'min(420px, 60vh)', overflowY: 'auto' }}
          renderItem={(n) => <Row n={n} onOpen={onOpen} />}
        />
      )}
    </div>
  );
}

/**
 * The header's bell: unread count (polled each minute) and the newest notifications — a popover under the bell, or
 * on a phone (narrower than antd's `sm`, 576 px) a sheet from the bottom, which leaves the header (search, language)
 * in view and never runs off the screen's edge as a popover anchored to the bell would.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const sheet = !Grid.useBreakpoint().sm;
  const unread = useUnreadCount().data ?? 0;
  const close = () => setOpen(false);
  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell', { count: unread })}
      data-testid="notification-bell"
      style={{ paddingInline: 6 }}
      onClick={sheet ? () => setOpen(true) : undefined}
    >
      <Badge count={unread} overflowCount={99} size="small" data-testid="notification-badge" title={badgeText(unread)}>
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  if (sheet) {
    return (
      <>
        {bell}
        <Drawer placement="bottom" height="70vh" open={open} onClose={close} closable={false} destroyOnHidden>
          <Panel onOpen={close} sheet />
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      content={<Panel onOpen={close} sheet={false} />}
    >
      {bell}
    </Popover>
  );
}
