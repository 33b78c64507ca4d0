import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { api, setCsrfToken } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import type { Locale, LoginResponse, MeResponse, Role, SessionUser } from '../api/types.ts';

export const meKey = ['auth', 'me'] as const;

/** The current session, or null when signed out. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await api<MeResponse>('/api/auth/me', { expectUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    // Switch before the shell renders; a null locale keeps the language detected from the browser.
    if (me.user.locale && me.user.locale !== i18n.language) {
      await i18n.changeLanguage(me.user.locale);
    }
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Infinity, gcTime: Infinity });
}

/** The signed-in session; only for components rendered inside RequireAuth. */
export function useMe(): MeResponse {
  const { data } = useSession();
  if (!data) {
    throw new Error('useMe() used outside RequireAuth');
  }
  return data;
}

export function hasRole(user: Pick<SessionUser, 'roles'> | null | undefined, role: Role): boolean {
  return Boolean(user?.roles.includes(role));
}

/** Whether the user holds one of `roles` (a role list the server exports through its api.ts). */
export function hasAnyRole(user: Pick<SessionUser, 'roles'> | null | undefined, roles: readonly Role[]): boolean {
  return Boolean(user?.roles.some((r) => roles.includes(r)));
}

let signedOutOnPurpose = false;
// Set while a sign-out is under way: another request that meets a 401 meanwhile (a page's refetch, the notification
// poll) met the sign-out itself, not an expired session, so sign-in must not open with `?next=` to the old page.
let signingOut = false;

/** Marks a sign-out under way (until `dropSession(…, 'signedOut')` or the next sign-in). */
export function signOutStarted(): void {
  signingOut = true;
}

/** True when the session ended by signing out (sign-in then opens without `?next=`), false when it expired. */
export function endedBySignOut(): boolean {
  return signedOutOnPurpose;
}

/** Forgets everything cached for the old session and marks it signed out. */
export function dropSession(queryClient: QueryClient, reason: 'expired' | 'signedOut' = 'expired'): void {
  signedOutOnPurpose = reason === 'signedOut' || signingOut;
  if (reason === 'signedOut') {
    signingOut = false;
  }
  setCsrfToken(null);
  queryClient.cancelQueries().catch(() => undefined);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      const login = await api<LoginResponse>('/api/auth/login', {
        method: 'POST',
        body: input,
        expectUnauthenticated: true,
      });
      setCsrfToken(login.csrfToken);
      signedOutOnPurpose = false;
      signingOut = false;
      return fetchMe();
    },
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, me);
    },
  });
}

/** Ends the session on the server and locally (RequireAuth then shows sign-in). */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => {
      signOutStarted();
      return api<void>('/api/auth/logout', { method: 'POST', expectUnauthenticated: true });
    },
    onSettled: () => dropSession(queryClient, 'signedOut'),
  });
}

/** Saves the user's language choice on the server. */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api<{ user: SessionUser }>('/api/auth/me', { method: 'PATCH', body: { locale } }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<MeResponse | null>(meKey, (old) => (old ? { ...old, user } : old));
    },
  });
}
