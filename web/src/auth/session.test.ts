import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { dropSession, endedBySignOut, signOutStarted } from './session.ts';

// Sign-in opens without `?next=` after a sign-out on purpose, and with it after an expired session (RequireAuth).
describe('how a session ended', () => {
  it('a 401 on its own is an expired session', () => {
    dropSession(new QueryClient());
    expect(endedBySignOut()).toBe(false);
  });

  it('a 401 another request meets while signing out is the sign-out, before and after the sign-out answers', () => {
    const client = new QueryClient();
    signOutStarted();
    dropSession(client); // a page's refetch answered 401 first
    expect(endedBySignOut()).toBe(true);
    dropSession(client, 'signedOut');
    expect(endedBySignOut()).toBe(true);
    // The sign-out is over: a later 401 (a new session that expired) is an expiry again.
    dropSession(client);
    expect(endedBySignOut()).toBe(false);
  });
});
