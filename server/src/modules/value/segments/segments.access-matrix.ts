import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../../platform/access/matrix.ts';

// Expected outcomes of value's segments, snapshots, cross-sell and wallet rules (constants.ts role lists; the
// party-based routes follow the party's visibility through parties' readableParty / writableParty). Checked by
// server/test/access-matrix.test.ts. Members, counts, rules and suggestions cover only the customers the reader
// may see; the value tests check those numbers per actor (server/test/value-segments.test.ts).

const editors = ['admin', 'manager', 'manager2', 'marketing'] as const;
const staffOnly = { allow: circle.staff, otherwise: 'deny403' } as const;
const rule = { field: 'role', op: 'in', value: ['customer'] };

const segment: MatrixResource = {
  resource: 'segment',
  record: 'a segment of the customers, defined by marketing',
  read: { route: 'GET /api/segments/{id}', expect: staffOnly },
  list: { route: 'GET /api/segments', query: 'limit=500', expect: staffOnly },
  update: {
    route: 'PATCH /api/segments/{id}',
    body: { description: 'matrix', version: '{version}' },
    expect: { allow: editors, otherwise: 'deny403' },
  },
  delete: { none: 'Segments are archived (PATCH archived: true), never deleted: their history stays' },
  export: { none: 'Members are listed through the API; campaigns and surveys use segments directly' },
  more: {
    create: {
      route: 'POST /api/segments',
      body: { name: 'Matrix segment {n}', rule },
      expect: { allow: editors, otherwise: 'deny403' },
    },
    preview: { route: 'POST /api/segments/preview', as: 'read', body: { rule }, expect: staffOnly },
    count: { route: 'GET /api/segments/{id}/count', expect: staffOnly },
    members: { route: 'GET /api/segments/{id}/members', query: 'limit=500', as: 'read', expect: staffOnly },
    history: { route: 'GET /api/segments/{id}/history', expect: staffOnly },
    // Editors add parties they read in full; a party hidden from them is not found.
    addMembers: {
      route: 'POST /api/segments/{id}/members',
      body: { ids: ['{customer}'] },
      expect: { allow: ['admin', 'manager'], deny404: ['manager2', 'marketing'], otherwise: 'deny403' },
    },
  },
};

const valueSnapshot: MatrixResource = {
  resource: 'value_snapshot',
  record: 'a value snapshot run asked for by the admin',
  read: { route: 'GET /api/value/snapshots/{id}', expect: staffOnly },
  list: { route: 'GET /api/value/snapshots', expect: staffOnly },
  update: { none: 'A run is computed, never edited' },
  delete: { none: 'Older runs are pruned by the next run' },
  export: { none: 'Snapshot rows are read through segments, lists and the party page' },
  more: {
    create: {
      route: 'POST /api/value/snapshots',
      body: {},
      expect: { allow: editors, otherwise: 'deny403' },
    },
  },
};

const valueAnalytics: MatrixResource = {
  resource: 'value_purchase_analytics',
  record: "the organisation's purchases (aggregates over the customers the reader may see)",
  read: { route: 'GET /api/value/cross-sell/rules', query: 'from=2000-01-01', expect: staffOnly },
  list: { none: 'Aggregates, not records' },
  update: { none: 'Aggregates, not records' },
  delete: { none: 'Aggregates, not records' },
  export: { none: 'Aggregates, not records' },
  more: { walletSummary: { route: 'GET /api/value/wallet', expect: staffOnly } },
};

const wallet = {
  route: 'PUT /api/parties/{id}/wallet',
  body: { currency: 'CNY', categories: [{ category: 'tea', estimatedSpend: '1000.00' }] },
  expect: { allow: circle.customer, otherwise: 'deny404' },
} as const;

/** Value shown on the party page: read by whoever sees the party in full, wallet set by whoever may change it. */
const partyValue: MatrixResource = {
  resource: 'party_value',
  record: "the customer's value: tier, suggestions, wallet",
  read: { route: 'GET /api/parties/{id}/value', expect: { allow: circle.customer, otherwise: 'deny404' } },
  list: { none: 'One customer at a time (segments list customers by value)' },
  update: wallet,
  delete: { none: 'An empty wallet (PUT categories: []) clears the estimates' },
  export: { none: 'Shown on the party page' },
  more: {
    suggestions: {
      route: 'GET /api/parties/{id}/suggestions',
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    wallet: { route: 'GET /api/parties/{id}/wallet', expect: { allow: circle.customer, otherwise: 'deny404' } },
  },
};

const partyValuePublicRead: MatrixResource = {
  ...partyValue,
  visibility: 'public_read',
  read: { route: 'GET /api/parties/{id}/value', expect: { otherwise: 'allow' } },
  more: {
    suggestions: { route: 'GET /api/parties/{id}/suggestions', expect: { otherwise: 'allow' } },
    wallet: { route: 'GET /api/parties/{id}/wallet', expect: { otherwise: 'allow' } },
  },
};

export const segmentsAccessMatrix: MatrixTable = {
  file: 'modules/value/segments/segments.access-matrix.ts',
  rules: [
    'modules/value/segments/constants.ts',
    'modules/value/segments/segments.routes.ts',
    'modules/value/snapshots/snapshots.routes.ts',
    'modules/value/cross-sell/cross-sell.routes.ts',
    'modules/value/wallet/wallet.routes.ts',
  ],
  resources: [segment, valueSnapshot, valueAnalytics, partyValue, partyValuePublicRead],
};
