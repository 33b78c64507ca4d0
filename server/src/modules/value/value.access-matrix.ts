import type { MatrixResource, MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the value rules (value.access.ts, the routes' `config.roles`): the value endpoints answer admin,
// executive, manager, marketing and agents (their numbers cover what they may see: checked by the value tests);
// HR-only users and plain employees get 403. Fitting the org's CLV model is for the org-wide roles.
// Checked by server/test/access-matrix.test.ts.

const valueStaff = [
  'admin',
  'executive',
  'hrExecutive',
  'manager',
  'manager2',
  'marketing',
  'owner',
  'agent2',
  'backup',
  'handler',
] as const;
const fitters = ['admin', 'executive', 'hrExecutive', 'marketing'] as const;
const readAll = { allow: valueStaff, otherwise: 'deny403' } as const;

const clvFit: MatrixResource = {
  resource: 'value_clv_fit',
  record: "the org's CLV fit (done: the fixture's customers and their purchases)",
  read: { route: 'GET /api/value/clv/fits/{id}', expect: readAll },
  list: { none: 'Fits are read one by one (the latest successful one is the model)' },
  update: { none: 'A fit is never edited: fit again' },
  delete: { none: 'Fits are kept: the model history' },
  export: { none: 'The model is small: read it' },
  more: {
    fit: {
      route: 'POST /api/value/clv/fit',
      body: { asOf: '2026-01-31', timeUnit: 'week', background: true },
      given: 'shared',
      expect: { allow: fitters, otherwise: 'deny403' },
    },
    model: { route: 'GET /api/value/clv/model', expect: readAll },
    customers: { route: 'GET /api/value/clv/customers', as: 'read', expect: readAll },
    simple: { route: 'GET /api/value/clv/simple', as: 'read', expect: readAll },
  },
};

const analytics: MatrixResource = {
  resource: 'value_analytics',
  record: "the org's revenue analytics (concentration, cohorts) over the fixture's customers",
  read: { route: 'GET /api/value/concentration', expect: readAll },
  list: { none: 'Aggregates only: per-customer lists are CLV customers' },
  update: { none: 'Computed, never edited' },
  delete: { none: 'Computed, never deleted' },
  export: { none: 'Not exported yet' },
  more: {
    byOwner: { route: 'GET /api/value/concentration', query: 'by=owner', as: 'read', expect: readAll },
    cohorts: { route: 'GET /api/value/cohorts', as: 'read', expect: readAll },
    customersByValue: { route: 'GET /api/value/customers', as: 'read', expect: readAll },
    // The party board's totals: the parties each reader sees in full (server/test/lists.test.ts checks the numbers).
    board: { route: 'GET /api/value/board', as: 'read', expect: readAll },
  },
};

export const valueAccessMatrix: MatrixTable = {
  file: 'modules/value/value.access-matrix.ts',
  rules: [
    'modules/value/value.access.ts',
    'modules/value/clv/clv.routes.ts',
    'modules/value/concentration/concentration.routes.ts',
    'modules/value/cohorts/cohorts.routes.ts',
    'modules/value/snapshots/customers.service.ts',
    'modules/value/board/board.service.ts',
  ],
  resources: [clvFit, analytics],
};
