import { lazy, Suspense, useState } from 'react';
import type { ComponentType } from 'react';
import { Flex, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import {
  BarChartOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  ExperimentOutlined,
  GiftOutlined,
  HeartOutlined,
  MessageOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import { ErrorBoundary } from '../components/feedback/ErrorBoundary.tsx';
import { PageLoading } from '../components/feedback/states.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';
import { navConfig, selectedEntry, visibleNav, type NavEntry, type NavIcon } from './nav.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

const icons: Record<NavIcon, ComponentType> = {
  me: UserOutlined,
  parties: UserSwitchOutlined,
  service: CustomerServiceOutlined,
  feedback: MessageOutlined,
  value: BarChartOutlined,
  care: GiftOutlined,
  people: TeamOutlined,
  hrcrm: ClusterOutlined,
  projects: ProjectOutlined,
  practice: ExperimentOutlined,
  insight: HeartOutlined,
  settings: SettingOutlined,
};

type MenuItem = Required<MenuProps>['items'][number];

// The search box needs antd's AutoComplete (rc-select); it loads right after the shell.
const GlobalSearch = lazy(() => import('./GlobalSearch.tsx').then((m) => ({ default: m.GlobalSearch })));
const searchPlaceholder = (
  <div style={{ width: '100%', maxWidth: 360, height: 32, border: '1px solid #d9d9d9', borderRadius: 6 }} />
);

/** The signed-in shell: module navigation, header (organisation, search, language, user) and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user, org } = useMe();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const nav = visibleNav(navConfig, user.roles);
  const selected = selectedEntry(nav, location.pathname);

  const toItem = (entry: NavEntry): MenuItem => {
    const Icon = entry.icon ? icons[entry.icon] : null;
    const icon = Icon ? <Icon /> : undefined;
    if (entry.children) {
      return { key: entry.key, icon, label: t(entry.label), children: entry.children.map(toItem) };
    }
    return {
      key: entry.key,
      icon,
      label: (
        <Link to={entry.path} data-testid={`nav-${entry.key}`}>
          {t(entry.label)}
        </Link>
      ),
    };
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="tandem-skip-link">
        {t('common.skipToContent')}
      </a>
      <Layout.Sider
        theme="light"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={220}
        className="tandem-sider"
        style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh' }}
      >
        <Link to="/" aria-label={t('app.home')}>
          <Logo compact={collapsed} />
        </Link>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            items={nav.map(toItem)}
            selectedKeys={selected ? [selected.key] : []}
            defaultOpenKeys={nav.filter((e) => e.children).map((e) => e.key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      {/* min-width 0: a wide table scrolls inside its own box instead of pushing the page past the viewport. */}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          className="tandem-header"
          style={{
            background: '#fff',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex align="center" gap={12} style={{ height: '100%' }}>
            <strong
              className="tandem-hide-narrow"
              title={org.name}
              style={{ maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              data-testid="org-name"
            >
              {org.name}
            </strong>
            <Flex flex={1} justify="center" style={{ minWidth: 0 }}>
              <Suspense fallback={searchPlaceholder}>
                <GlobalSearch />
              </Suspense>
            </Flex>
            <LanguageSwitch signedIn />
            <NotificationBell />
            <UserMenu user={user} />
          </Flex>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, outline: 'none' }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
