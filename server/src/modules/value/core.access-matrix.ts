import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';
import { defaultClassSettings } from './classes/defaults.ts';
import { defaultRfmRules } from './rfm/rules.ts';

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
const settingsEditors = ['admin', 'executive', 'hrExecutive', 'marketing'] as const;
const noDelete = { none: 'Settings are replaced with PUT, never deleted' };
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

/**
 * Per-customer scores follow the customer's visibility: marketing analyses the whole customer base in aggregates, but a
 * list names only customers marketing sees in full (none of the private ones: value.access.ts `listedCustomer`).
 */
const rfm: MatrixResource = {
  resource: 'value_rfm',
  record: 'the customer, with a purchase today recorded by owner',
  read: { route: 'GET /api/value/rfm', expect: { allow: readers, otherwise: 'deny403' } },
  list: {
    route: 'GET /api/value/rfm/customers',
    query: 'limit=500',
    expect: {
      allow: circle.customer,
      absent: ['manager2', 'agent2', 'handler', 'marketing'],
      otherwise: 'deny403',
    },
  },
  update: aggregate,
  delete: aggregate,
  export: aggregate,
};

const rfmRules: MatrixResource = {
  resource: 'value_rfm_rules',
  record: "the organisation's RFM segment rules",
  read: { route: 'GET /api/value/rfm-rules', expect: { allow: readers, otherwise: 'deny403' } },
  list: { none: 'One rule list per organisation: read it whole' },
  update: {
    route: 'PUT /api/value/rfm-rules',
    given: 'shared',
    body: { rules: defaultRfmRules, version: '{version}' },
    expect: { allow: settingsEditors, otherwise: 'deny403' },
  },
  delete: noDelete,
  export: { none: 'Read it whole with GET' },
  more: {
    reset: {
      route: 'POST /api/value/rfm-rules/reset',
      given: 'shared',
      body: { version: '{version}' },
      expect: { allow: settingsEditors, otherwise: 'deny403' },
    },
  },
};

const classes: MatrixResource = {
  resource: 'value_classes',
  record: 'the customer, with a purchase today recorded by owner',
  read: { route: 'GET /api/value/classes', expect: { allow: readers, otherwise: 'deny403' } },
  list: {
    route: 'GET /api/value/classes/customers',
    query: 'limit=500',
    expect: {
      allow: circle.customer,
      absent: ['manager2', 'agent2', 'handler', 'marketing'],
      otherwise: 'deny403',
    },
  },
  update: aggregate,
  delete: aggregate,
  export: aggregate,
};

const classSettings: MatrixResource = {
  resource: 'value_class_settings',
  record: "the organisation's value-class thresholds and unit costs",
  read: { route: 'GET /api/value/class-settings', expect: { allow: readers, otherwise: 'deny403' } },
  list: { none: 'One setting per organisation: read it whole' },
  update: {
    route: 'PUT /api/value/class-settings',
    given: 'shared',
    body: { settings: defaultClassSettings, version: '{version}' },
    expect: { allow: settingsEditors, otherwise: 'deny403' },
  },
  delete: noDelete,
  export: { none: 'Read it whole with GET' },
};

export const valueCoreAccessMatrix: MatrixTable = {
  file: 'modules/value/core.access-matrix.ts',
  rules: ['modules/value/value.access.ts', 'modules/value/core-routes.ts'],
  resources: [summary, rfm, rfmRules, classes, classSettings],
};
