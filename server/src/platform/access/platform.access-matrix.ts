import type { MatrixResource, MatrixTable, OutsideTheMatrix } from './matrix.ts';

// Expected outcomes of the platform's rules (identity, audit, tokens, saved views): the user directory and the
// org-unit tree are everyone's to read and the admin's to change; the audit log is the admin's; tokens and saved
// views are their owner's (tokens also the admin's). Checked by server/test/access-matrix.test.ts.

const admin = ['admin'] as const;

const user: MatrixResource = {
  resource: 'user',
  record: "owner's user account",
  read: { route: 'GET /api/users/{id}', expect: { otherwise: 'allow' } },
  list: { route: 'GET /api/users', query: 'limit=500', expect: { otherwise: 'allow' } },
  update: {
    route: 'PATCH /api/users/{id}',
    given: 'shared',
    body: { locale: 'en', version: '{version}' },
    expect: { allow: admin, otherwise: 'deny403' },
  },
  delete: { none: 'Users are deactivated (PATCH active: false), never deleted: the audit log refers to them' },
  export: { route: 'GET /api/users/export', expect: { otherwise: 'allow' } },
  more: {
    create: {
      route: 'POST /api/users',
      body: {
        email: 'matrix-{n}@example.com',
        displayName: 'Matrix user {n}',
        password: 'matrix-pass-{n}-long',
        roles: ['agent'],
      },
      expect: { allow: admin, otherwise: 'deny403' },
    },
    stats: { route: 'GET /api/users/stats', expect: { otherwise: 'allow' } },
  },
};

const orgUnit: MatrixResource = {
  resource: 'org_unit',
  record: 'Sales East',
  read: { route: 'GET /api/org-units/{id}', expect: { otherwise: 'allow' } },
  list: { route: 'GET /api/org-units', expect: { otherwise: 'allow' } },
  update: {
    route: 'PATCH /api/org-units/{id}',
    given: 'shared',
    body: { name: 'Sales East', version: '{version}' },
    expect: { allow: admin, otherwise: 'deny403' },
  },
  delete: { none: 'Org units are never deleted (users and records refer to them)' },
  export: { none: 'No org-unit export' },
  more: {
    create: {
      route: 'POST /api/org-units',
      body: { name: 'Matrix unit {n}' },
      expect: { allow: admin, otherwise: 'deny403' },
    },
  },
};

const audit: MatrixResource = {
  resource: 'audit',
  record: "the audit entry of the customer's creation",
  read: { none: 'The log is read as a list (filter entityId)' },
  list: { route: 'GET /api/audit', query: 'entityId={customer}', expect: { allow: admin, otherwise: 'deny403' } },
  update: { none: 'Audit rows are append-only' },
  delete: { none: 'Audit rows are append-only' },
  export: {
    route: 'GET /api/audit/export',
    query: 'entityId={customer}',
    expect: { allow: admin, otherwise: 'deny403' },
  },
  more: {
    dailyCounts: {
      route: 'GET /api/audit/daily-counts',
      query: 'from=2020-01-01&to=2099-12-31',
      expect: { allow: admin, otherwise: 'deny403' },
    },
  },
};

const token: MatrixResource = {
  resource: 'token',
  record: "owner's API token",
  read: { none: 'Tokens are read in the list' },
  list: { route: 'GET /api/tokens', query: 'all=true', expect: { allow: ['admin', 'owner'], otherwise: 'absent' } },
  update: { none: 'Tokens are revoked, never edited' },
  delete: { route: 'DELETE /api/tokens/{id}', expect: { allow: ['admin', 'owner'], otherwise: 'deny404' } },
  export: { none: 'No token export' },
  more: { create: { route: 'POST /api/tokens', body: { name: 'Matrix token {n}' }, expect: { otherwise: 'allow' } } },
};

const view: MatrixResource = {
  resource: 'view',
  record: "owner's saved view of the parties table (private to them)",
  read: { none: 'Views are read in the list of one table' },
  list: { route: 'GET /api/views', query: 'table=parties', expect: { allow: ['owner'], otherwise: 'absent' } },
  update: {
    route: 'PATCH /api/views/{id}',
    body: { name: 'Matrix view {n} (renamed)', version: '{version}' },
    expect: { allow: ['owner'], otherwise: 'deny404' },
  },
  delete: { route: 'DELETE /api/views/{id}', expect: { allow: ['owner'], otherwise: 'deny404' } },
  export: { none: 'No view export' },
  more: {
    create: {
      route: 'POST /api/views',
      body: { table: 'parties', name: 'Matrix view {n}', state: {} },
      expect: { otherwise: 'allow' },
    },
  },
};

// Notifications are their user's alone: another user's is not found, and lists, counts and marks touch only one's own.
const notification: MatrixResource = {
  resource: 'notification',
  record: "owner's notification of a task the admin gave them on the customer",
  read: { none: 'Notifications are read in the list' },
  list: { route: 'GET /api/notifications', query: 'limit=100', expect: { allow: ['owner'], otherwise: 'absent' } },
  update: { route: 'POST /api/notifications/{id}/read', expect: { allow: ['owner'], otherwise: 'deny404' } },
  delete: { none: 'Notifications are marked read, never deleted' },
  export: { none: 'No notification export' },
  more: {
    count: { route: 'GET /api/notifications/count', expect: { otherwise: 'allow' } },
    readAll: { route: 'POST /api/notifications/read-all', expect: { otherwise: 'allow' } },
  },
};

export const platformAccessMatrix: MatrixTable = {
  file: 'platform/access/platform.access-matrix.ts',
  rules: [
    'platform/identity/identity.routes.ts',
    'platform/audit/audit.routes.ts',
    'platform/export/export.routes.ts',
    'platform/auth/tokens.service.ts',
    'platform/views/views.service.ts',
    'platform/notify/notify.service.ts',
  ],
  resources: [user, orgUnit, audit, token, view, notification],
};

/**
 * Routes outside the matrix, each with its reason: signing in and out, the caller's own account and invitations
 * (nobody else's record is reachable through them), and the public routes whose access is a secret in the URL.
 */
export const outsideTheMatrix: readonly OutsideTheMatrix[] = [
  { route: 'GET /api/health', reason: 'Public liveness check: no data' },
  { route: 'POST /api/auth/login', reason: 'Public: signing in' },
  { route: 'POST /api/auth/logout', reason: "Ends the caller's own session" },
  { route: 'GET /api/auth/me', reason: "The caller's own user" },
  { route: 'PATCH /api/auth/me', reason: "The caller's own language and display name" },
  { route: 'GET /api/auth/sessions', reason: "The caller's own sessions only" },
  { route: 'DELETE /api/auth/sessions/{id}', reason: "One of the caller's own sessions (404 for anyone else's)" },
  { route: 'POST /api/auth/sessions/sign-out-others', reason: "The caller's own other sessions" },
  { route: 'POST /api/auth/password', reason: "The caller's own password, with the current one" },
  { route: 'GET /api/notifications/settings', reason: "The caller's own digest setting" },
  { route: 'PUT /api/notifications/settings', reason: "The caller's own digest setting" },
  { route: 'GET /api/me/surveys', reason: "The caller's own invitations, through their linked party" },
  { route: 'POST /api/me/surveys/{id}/link', reason: "A new link for the caller's own invitation (404 otherwise)" },
  { route: 'GET /api/public/surveys/{token}', reason: 'Public: the answer link is the secret' },
  { route: 'POST /api/public/surveys/{token}/responses', reason: 'Public: the answer link is the secret' },
  { route: 'GET /api/public/case-feedback/{token}', reason: 'Public: the satisfaction link is the secret' },
  { route: 'POST /api/public/case-feedback/{token}', reason: 'Public: the satisfaction link is the secret' },
  { route: 'GET /api/public/grievances/{code}', reason: 'Public: the anonymous follow-up code is the secret' },
  {
    route: 'POST /api/public/grievances/{code}/messages',
    reason: 'Public: the anonymous follow-up code is the secret',
  },
  { route: 'GET /api/public/unsubscribe', reason: 'Public: the signed unsubscribe token is the secret' },
  { route: 'POST /api/public/unsubscribe', reason: 'Public: the signed unsubscribe token is the secret' },
  { route: 'POST /api/public/referrals/{code}', reason: 'Public: the signed referral code is the credential' },
  { route: 'GET /api/public/referrals/{code}', reason: 'Public: the signed referral code is the credential' },
  { route: 'POST /api/public/mentions/inbound', reason: "Public: the organisation's inbound token is the credential" },
  {
    route: 'POST /api/public/mail-inbound/{token}',
    reason: "Public: the organisation's inbound-mail token (in the path) is the credential",
  },
];
