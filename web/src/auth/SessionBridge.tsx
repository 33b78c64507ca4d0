import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthenticatedHandler } from '../api/client.ts';
import { dropSession } from './session.ts';

/** Wires the API client's 401 handling to the session: any 401 drops it and RequireAuth sends the user to sign-in. */
export function SessionBridge() {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => dropSession(queryClient));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);
  return null;
}
