import type { MatrixResource, MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the insight rules (insight.access.ts): key-person risk for admin, executives, HR and managers
// (a manager sees the owners of their units: manager2's unit owns nothing here, so a what-if about the owner is a
// reference to an owner they may not see); agents, marketing and employees get 403. Backups are assigned through the
// parties module: a party the caller may not change is not found. Checked by server/test/access-matrix.test.ts.

const aggregate = { none: 'An aggregate over the organisation: no record of its own' };
const keyPersonReaders = ['admin', 'executive', 'hrExecutive', 'hr', 'manager', 'manager2'] as const;

const keyPerson: MatrixResource = {
  resource: 'insight_key_person',
  record: 'the owner of the customer (owner), with backup as backup owner',
  read: {
    route: 'GET /api/insight/key-person-risk',
    expect: { allow: keyPersonReaders, otherwise: 'deny403' },
  },
  list: aggregate,
  update: {
    route: 'POST /api/insight/key-person-risk/backups',
    given: 'shared',
    // The same backup again: allowed callers change nothing, so the shared customer stays as the matrix reads it.
    body: { assignments: [{ partyId: '{customer}', backupOwnerId: '{backupUser}' }] },
    expect: {
      allow: ['admin', 'executive', 'hrExecutive', 'manager'],
      deny404: ['hr', 'manager2'],
      otherwise: 'deny403',
    },
  },
  delete: aggregate,
  export: aggregate,
  more: {
    simulate: {
      route: 'POST /api/insight/key-person-risk/simulate',
      given: 'shared',
      body: { userIds: ['{ownerUser}'] },
      expect: {
        allow: ['admin', 'executive', 'hrExecutive', 'hr', 'manager'],
        deny400: ['manager2'],
        otherwise: 'deny403',
      },
    },
  },
};

const chain: MatrixResource = {
  resource: 'insight_chain',
  record: 'the service-profit chain of the organisation',
  read: {
    route: 'GET /api/insight/chain',
    expect: { allow: ['admin', 'executive', 'hrExecutive', 'hr'], otherwise: 'deny403' },
  },
  list: aggregate,
  update: aggregate,
  delete: aggregate,
  export: aggregate,
};

const capabilityReaders = ['admin', 'executive', 'hrExecutive'] as const;
const capability: MatrixResource = {
  resource: 'insight_capability',
  record: "the organisation's CRM capability index, its settings, assessments and snapshots",
  read: { route: 'GET /api/insight/capability', expect: { allow: capabilityReaders, otherwise: 'deny403' } },
  list: {
    route: 'GET /api/insight/capability/snapshots',
    as: 'read',
    expect: { allow: capabilityReaders, otherwise: 'deny403' },
  },
  update: {
    route: 'PUT /api/insight/capability/settings',
    given: 'shared',
    body: { assessedTarget: 4, version: '{version}' },
    expect: { allow: capabilityReaders, otherwise: 'deny403' },
  },
  delete: { none: 'Settings are replaced with PUT; assessments and snapshots are kept as the record of the trend' },
  export: aggregate,
  more: {
    settings: {
      route: 'GET /api/insight/capability/settings',
      expect: { allow: capabilityReaders, otherwise: 'deny403' },
    },
    assessments: {
      route: 'GET /api/insight/capability/assessments',
      expect: { allow: capabilityReaders, otherwise: 'deny403' },
    },
    assess: {
      route: 'POST /api/insight/capability/assessments',
      body: { items: [{ item: 'delivery', rating: 3 }] },
      expect: { allow: capabilityReaders, otherwise: 'deny403' },
    },
    snapshot: {
      route: 'POST /api/insight/capability/snapshots',
      body: { tag: 'before', stage: 'Matrix' },
      expect: { allow: capabilityReaders, otherwise: 'deny403' },
    },
  },
};

const home: MatrixResource = {
  resource: 'insight_home',
  record: "the caller's home cards (their own roles, their own visibility)",
  read: { route: 'GET /api/home', expect: { otherwise: 'allow' } },
  list: aggregate,
  update: aggregate,
  delete: aggregate,
  export: aggregate,
};

export const insightAccessMatrix: MatrixTable = {
  file: 'modules/insight/insight.access-matrix.ts',
  rules: ['modules/insight/insight.access.ts'],
  resources: [keyPerson, chain, capability, home],
};
