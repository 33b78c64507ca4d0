import { Avatar, Button, Dropdown } from 'antd';
import { FormOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types.ts';
import { useLogout } from '../auth/session.ts';

/** The signed-in user with a menu holding their own pages (surveys, account) and sign-out. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const signOut = () => logout.mutate();
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
                <div style={{ color: 'rgba(0,0,0,0.45)' }}>{user.email}</div>
              </div>
            ),
          },
          { type: 'divider' },
          {
            key: 'my-surveys',
            icon: <FormOutlined />,
            label: <span data-testid="menu-my-surveys">{t('nav.mySurveys')}</span>,
            onClick: () => void navigate('/me/surveys'),
          },
          {
            key: 'my-account',
            icon: <SettingOutlined />,
            label: <span data-testid="menu-my-account">{t('nav.myAccount')}</span>,
            onClick: () => void navigate('/me/account'),
          },
          { type: 'divider' },
          {
            key: 'sign-out',
            icon: <LogoutOutlined />,
            label: <span data-testid="sign-out">{t('header.signOut')}</span>,
            onClick: signOut,
          },
        ],
      }}
    >
      <Button
        type="text"
        aria-label={t('header.userMenu')}
        data-testid="user-menu"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1668dc' }} />
        <span className="tandem-hide-narrow">{user.displayName}</span>
      </Button>
    </Dropdown>
  );
}
