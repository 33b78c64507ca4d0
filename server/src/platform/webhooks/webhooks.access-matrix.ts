import type { MatrixResource, MatrixTable } from '../access/matrix.ts';

// Expected outcomes of the webhook routes (platform/webhooks): every route is the admin's; everyone else is refused
// by role (403), and another organisation's admin finds nothing (404). Checked by server/test/access-matrix.test.ts.
// The endpoints point at a loopback address they do not allow, so a ping is refused before any connection.

const admin = ['admin'] as const;

const webhook: MatrixResource = {
  resource: 'webhook',
  record: 'a webhook endpoint made by the admin',
  read: { route: 'GET /api/webhooks/{id}', expect: { allow: admin, otherwise: 'deny403' } },
  list: { route: 'GET /api/webhooks', expect: { allow: admin, otherwise: 'deny403' } },
  update: {
    route: 'PATCH /api/webhooks/{id}',
    body: { description: 'Matrix endpoint {n}', version: '{version}' },
    expect: { allow: admin, otherwise: 'deny403' },
  },
  delete: { route: 'DELETE /api/webhooks/{id}', expect: { allow: admin, otherwise: 'deny403' } },
  export: { none: 'No webhook export' },
  more: {
    create: {
      route: 'POST /api/webhooks',
      body: { url: 'http://127.0.0.1:9/matrix-{n}', events: ['party.*'] },
      expect: { allow: admin, otherwise: 'deny403' },
    },
    rotate: { route: 'POST /api/webhooks/{id}/rotate', expect: { allow: admin, otherwise: 'deny403' } },
    ping: { route: 'POST /api/webhooks/{id}/ping', expect: { allow: admin, otherwise: 'deny403' } },
    deliveries: { route: 'GET /api/webhooks/{id}/deliveries', expect: { allow: admin, otherwise: 'deny403' } },
  },
};

const delivery: MatrixResource = {
  resource: 'webhook_delivery',
  record: "a logged attempt (a ping) of the admin's webhook endpoint",
  read: { none: "Attempts are read in their endpoint's delivery log" },
  list: { none: 'Attempts are listed under their endpoint (GET /api/webhooks/{id}/deliveries)' },
  update: { none: 'The log is append-only' },
  delete: { none: 'Attempts go with their endpoint' },
  export: { none: 'No delivery export' },
  more: {
    replay: { route: 'POST /api/webhook-deliveries/{id}/replay', expect: { allow: admin, otherwise: 'deny403' } },
  },
};

export const webhooksAccessMatrix: MatrixTable = {
  file: 'platform/webhooks/webhooks.access-matrix.ts',
  rules: ['platform/webhooks/webhooks.routes.ts'],
  resources: [webhook, delivery],
};
