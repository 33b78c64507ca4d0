import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { RequireRole } from './auth/RequireRole.tsx';
import { PageLoading } from './components/feedback/states.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { HomeRedirect } from './pages/home/HomeRedirect.tsx';

// One chunk per page: the initial bundle holds only the shell.
const SignInPage = lazy(() => import('./pages/sign-in/SignInPage.tsx'));
const SettingsOverviewPage = lazy(() => import('./pages/settings-overview/SettingsOverviewPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const UserDetailPage = lazy(() => import('./pages/user-detail/UserDetailPage.tsx'));
const OrgUnitsPage = lazy(() => import('./pages/org-units/OrgUnitsPage.tsx'));
const TokensPage = lazy(() => import('./pages/tokens/TokensPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const PartiesPage = lazy(() => import('./pages/parties/PartiesPage.tsx'));
const PartyBoardPage = lazy(() => import('./pages/party-board/PartyBoardPage.tsx'));
const PartyDetailPage = lazy(() => import('./pages/party-detail/PartyDetailPage.tsx'));
const RelationshipMapPage = lazy(() => import('./pages/relationship-map/RelationshipMapPage.tsx'));
const TasksPage = lazy(() => import('./pages/tasks/TasksPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage.tsx'));

const admin = (page: ReactNode) => <RequireRole roles={['admin']}>{page}</RequireRole>;

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<PageLoading minHeight="100vh" />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'parties', element: <PartiesPage /> },
          { path: 'parties/board', element: <PartyBoardPage /> },
          { path: 'parties/relationship-map', element: <RelationshipMapPage /> },
          { path: 'parties/:id', element: <PartyDetailPage /> },
          { path: 'tasks', element: <TasksPage /> },
          { path: 'settings', element: <SettingsOverviewPage /> },
          { path: 'settings/users', element: admin(<UsersPage />) },
          { path: 'settings/users/:id', element: admin(<UserDetailPage />) },
          { path: 'settings/org-units', element: admin(<OrgUnitsPage />) },
          { path: 'settings/tokens', element: <TokensPage /> },
          { path: 'settings/audit', element: admin(<AuditPage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
