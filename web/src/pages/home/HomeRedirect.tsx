import { Navigate } from 'react-router-dom';
import { useMe } from '../../auth/session.ts';
import { homePath, navConfig, visibleNav } from '../../layout/nav.ts';

/** `/` opens the first module the user can see. */
export function HomeRedirect() {
  const { user } = useMe();
  return <Navigate to={homePath(visibleNav(navConfig, user.roles), user.roles)} replace />;
}
