import { Avatar, Button, Dropdown, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types.ts';
import { useLogout } from '../auth/session.ts';

/** The signed-in user with a menu holding sign-out. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, {
      // The sign-in page ignores the still-cached session for this one navigation.
      onSettled: () => void navigate('/sign-in', { replace: true, state: { signedOut: true } }),
    });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div>
                <div>{user.displayName}</div>
                <Typography.Text type="secondary">{user.email}</Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'sign-out', icon: <LogoutOutlined />, label: <span data-testid="sign-out">{t('header.signOut')}</span>, onClick: signOut },
        ],
      }}
    >
      <Button type="text" aria-label={t('header.userMenu')} data-testid="user-menu" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1668dc' }} />
        <span className="tandem-hide-narrow">{user.displayName}</span>
      </Button>
    </Dropdown>
  );
}
