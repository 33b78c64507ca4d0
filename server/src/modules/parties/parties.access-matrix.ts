import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the parties' access rules (parties.access.ts, platform/access/access.ts): customer-like
// records follow ownership and the org's visibility setting; employee records follow the employee circle whatever
// the setting, everyone else reading them in directory form; candidates are HR's. Checked by
// server/test/access-matrix.test.ts.

const customerList = { route: 'GET /api/parties', query: 'limit=500' } as const;
const customerExport = { route: 'GET /api/parties/export' } as const;
const partyUpdate = {
  route: 'PATCH /api/parties/{id}',
  body: { tags: ['matrix-updated'], version: '{version}' },
} as const;

const customer: MatrixResource = {
  resource: 'customer',
  record: 'the customer, owned by owner, backed up by backup',
  read: { route: 'GET /api/parties/{id}', expect: { allow: circle.customer, otherwise: 'deny404' } },
  list: { ...customerList, expect: { allow: circle.customer, otherwise: 'absent' } },
  update: { ...partyUpdate, expect: { allow: circle.customer, otherwise: 'deny404' } },
  delete: { route: 'DELETE /api/parties/{id}', expect: { allow: circle.customer, otherwise: 'deny404' } },
  export: { ...customerExport, expect: { allow: circle.customer, otherwise: 'absent' } },
  more: {
    create: {
      route: 'POST /api/parties',
      body: { kind: 'person', displayName: 'Matrix new customer {n}', roles: [{ role: 'customer' }] },
      expect: { otherwise: 'allow' },
    },
    search: {
      route: 'GET /api/search',
      as: 'list',
      query: 'q=Quokka',
      expect: { allow: circle.customer, otherwise: 'absent' },
    },
    history: { route: 'GET /api/parties/{id}/history', expect: { allow: circle.customer, otherwise: 'deny404' } },
    timeline: { route: 'GET /api/parties/{id}/timeline', expect: { allow: circle.customer, otherwise: 'deny404' } },
    duplicates: { route: 'GET /api/parties/{id}/duplicates', expect: { allow: circle.customer, otherwise: 'deny404' } },
    // The bin lists deleted records only (the fixture's are live): anyone may look; the visibility of what it lists
    // is tested in server/test/parties-bin.test.ts. Purging is the admin's (a live record is skipped, untouched).
    bin: { route: 'GET /api/bin', expect: { otherwise: 'allow' } },
    binPurge: {
      route: 'POST /api/bin/purge',
      given: 'shared',
      body: { type: 'party', ids: ['{id}'] },
      expect: { allow: ['admin'], otherwise: 'deny403' },
    },
    bulk: {
      route: 'POST /api/parties/bulk',
      given: 'shared',
      body: { ids: ['{id}'], action: { kind: 'add_tag', tag: 'matrix-bulk' } },
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    changeRole: {
      route: 'PUT /api/parties/{id}/roles/{role}',
      params: { role: 'customer' },
      body: { initiativeScore: 4, version: '{roleVersion}' },
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    endRole: {
      route: 'DELETE /api/parties/{id}/roles/{role}',
      params: { role: 'customer' },
      query: 'version={roleVersion}',
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    restore: {
      route: 'POST /api/parties/{id}/restore',
      given: 'deleted',
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    merge: {
      route: 'POST /api/parties/{id}/merge',
      given: 'twin',
      body: { intoId: '{twin}' },
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    unmerge: {
      route: 'POST /api/parties/{id}/unmerge',
      given: 'merged',
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
  },
};

/** public_read: everyone reads; writing stays with the private circle. */
const customerPublicRead: MatrixResource = {
  resource: 'customer',
  visibility: 'public_read',
  record: customer.record,
  read: { route: 'GET /api/parties/{id}', expect: { otherwise: 'allow' } },
  list: { ...customerList, expect: { otherwise: 'allow' } },
  update: { ...partyUpdate, expect: { allow: circle.customer, otherwise: 'deny404' } },
  delete: { route: 'DELETE /api/parties/{id}', expect: { allow: circle.customer, otherwise: 'deny404' } },
  export: { ...customerExport, expect: { otherwise: 'allow' } },
};

/** public_read_write: everyone reads and writes customer-like records. */
const customerPublicReadWrite: MatrixResource = {
  resource: 'customer',
  visibility: 'public_read_write',
  record: customer.record,
  read: { route: 'GET /api/parties/{id}', expect: { otherwise: 'allow' } },
  list: { ...customerList, expect: { otherwise: 'allow' } },
  update: { ...partyUpdate, expect: { otherwise: 'allow' } },
  delete: { route: 'DELETE /api/parties/{id}', expect: { otherwise: 'allow' } },
  export: { ...customerExport, expect: { otherwise: 'allow' } },
};

// Writes act on self's own record (given: shared), so that what is checked is that the employee may not change
// their own file; a deleted one is restored after the case, and the update keeps its sensitive tag.
const employeeUpdate = {
  route: 'PATCH /api/parties/{id}',
  given: 'shared',
  body: { tags: ['matrix-secret-tag', 'matrix-updated'], version: '{version}' },
} as const;

const employeeRecord: MatrixResource = {
  resource: 'employee_record',
  record: "self's employee record (Sales East, below manager's Sales)",
  read: { route: 'GET /api/parties/{id}', expect: { allow: circle.employee, otherwise: 'directory' } },
  list: { ...customerList, expect: { allow: circle.employee, otherwise: 'directory' } },
  update: { ...employeeUpdate, expect: { allow: circle.employeeWriters, otherwise: 'deny404' } },
  delete: {
    route: 'DELETE /api/parties/{id}',
    given: 'shared',
    expect: { allow: circle.employeeWriters, otherwise: 'deny404' },
  },
  export: { ...customerExport, expect: { allow: circle.employee, otherwise: 'directory' } },
  more: {
    create: {
      route: 'POST /api/parties',
      body: {
        kind: 'person',
        displayName: 'Matrix new employee {n}',
        roles: [{ role: 'employee', employment: { orgUnitId: '{salesEast}' } }],
      },
      expect: { allow: circle.hr, otherwise: 'deny403' },
    },
    search: { route: 'GET /api/search', as: 'list', query: 'q=Wombat', expect: { otherwise: 'allow' } },
    history: { route: 'GET /api/parties/{id}/history', expect: { allow: circle.employee, otherwise: 'deny404' } },
    timeline: { route: 'GET /api/parties/{id}/timeline', expect: { allow: circle.employee, otherwise: 'deny404' } },
    duplicates: { route: 'GET /api/parties/{id}/duplicates', expect: { allow: circle.employee, otherwise: 'deny404' } },
    // Employee roles are HR's: whoever may change the record but is not HR (the manager) is refused by role.
    changeRole: {
      route: 'PUT /api/parties/{id}/roles/{role}',
      params: { role: 'employee' },
      given: 'shared',
      body: { initiativeScore: 3, version: '{roleVersion}' },
      expect: { allow: circle.hr, deny403: ['manager'], otherwise: 'deny404' },
    },
    endRole: {
      route: 'DELETE /api/parties/{id}/roles/{role}',
      params: { role: 'employee' },
      query: 'version={roleVersion}',
      expect: { allow: circle.hr, deny403: ['manager'], otherwise: 'deny404' },
    },
  },
};

/** The visibility setting opens customer-like records, never an employee's file. */
const employeeRecordPublic: MatrixResource = {
  resource: 'employee_record',
  visibility: 'public_read_write',
  record: employeeRecord.record,
  read: employeeRecord.read,
  list: employeeRecord.list,
  update: employeeRecord.update,
  delete: employeeRecord.delete,
  export: employeeRecord.export,
};

const candidate: MatrixResource = {
  resource: 'candidate',
  record: 'a candidate created by HR (not in the directory)',
  read: { route: 'GET /api/parties/{id}', expect: { allow: circle.hr, otherwise: 'deny404' } },
  list: { ...customerList, expect: { allow: circle.hr, otherwise: 'absent' } },
  update: { ...partyUpdate, expect: { allow: circle.hr, otherwise: 'deny404' } },
  delete: { route: 'DELETE /api/parties/{id}', expect: { allow: circle.hr, otherwise: 'deny404' } },
  export: { ...customerExport, expect: { allow: circle.hr, otherwise: 'absent' } },
};

export const partiesAccessMatrix: MatrixTable = {
  file: 'modules/parties/parties.access-matrix.ts',
  rules: ['modules/parties/parties.access.ts', 'platform/access/access.ts', 'modules/parties/roles/roles.service.ts'],
  resources: [customer, customerPublicRead, customerPublicReadWrite, employeeRecord, employeeRecordPublic, candidate],
};
