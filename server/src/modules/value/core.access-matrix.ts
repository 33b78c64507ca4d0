import type { MatrixResource, MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the value analytics core (value.access.ts, core-routes.ts): staff who work with customers
// (admin, executive, manager, marketing, agent) read the analytics, over the customers they may see; HR alone and
// plain employees get 403. Org settings (RFM rules, value classes) are changed by admin, executive and marketing.
// Checked by server/test/access-matrix.test.ts.

const readers = [
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
const aggregate = { none: 'An aggregate over the customers the reader may see: no record of its own' };

const summary: MatrixResource = {
  resource: 'value_summary',
  record: 'the period summary of the organisation',
  read: {
    route: 'GET /api/value/summary',
    query: 'from=2020-01-01&to=2040-01-01',
    expect: { allow: readers, otherwise: 'deny403' },
  },
  list: aggregate,
  update: aggregate,
  delete: aggregate,
  export: aggregate,
};

export const valueCoreAccessMatrix: MatrixTable = {
  file: 'modules/value/core.access-matrix.ts',
  rules: ['modules/value/value.access.ts', 'modules/value/core-routes.ts'],
  resources: [summary],
};
