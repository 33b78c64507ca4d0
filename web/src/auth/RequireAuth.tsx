import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { QueryError } from '../components/feedback/QueryError.tsx';
import { PageLoading } from '../components/feedback/states.tsx';
import { signInUrl } from './next.ts';
import { endedBySignOut, useSession } from './session.ts';

/** Renders the protected routes for a signed-in user; anybody else goes to sign-in with `?next=`. */
export function RequireAuth() {
  const { data, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) {
    return <PageLoading />;
  }
  if (error) {
    return <QueryError error={error} onRetry={() => void refetch()} fullPage />;
  }
  if (!data) {
    return <Navigate to={endedBySignOut() ? '/sign-in' : signInUrl(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}
