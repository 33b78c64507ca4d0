import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the imports' rules (imports.access.ts, imports.service.ts): uploading is role-gated per
// entity (403); a job is its uploader's (and the admin's) — to anyone else it does not exist (404). Checked by
// server/test/access-matrix.test.ts.

const uploader = ['admin', 'marketing'] as const;
const partyImporters = ['admin', 'manager', 'manager2', 'marketing'] as const;

const importJob: MatrixResource = {
  resource: 'import',
  record: 'a parties import uploaded by marketing',
  read: { route: 'GET /api/imports/{id}', expect: { allow: uploader, otherwise: 'deny404' } },
  list: { route: 'GET /api/imports', query: 'limit=500', expect: { allow: uploader, otherwise: 'absent' } },
  // Starting is the one change of a job (a dry run here: nothing is written).
  update: {
    route: 'POST /api/imports/{id}/start',
    body: { dryRun: true },
    expect: { allow: uploader, otherwise: 'deny404' },
  },
  // Undoing a finished import is its removal.
  delete: {
    route: 'POST /api/imports/{id}/revert',
    given: 'finished',
    expect: { allow: uploader, otherwise: 'deny404' },
  },
  // The job's own export: its error report.
  export: { route: 'GET /api/imports/{id}/errors.csv', as: 'read', expect: { allow: uploader, otherwise: 'deny404' } },
  more: {
    create: {
      route: 'POST /api/imports',
      query: 'entity=parties&fileName=matrix.csv',
      upload: 'displayName,emails\nMatrix Imported {n},imported-{n}@example.com\n',
      expect: { allow: partyImporters, otherwise: 'deny403' },
    },
    preview: {
      route: 'POST /api/imports/{id}/preview',
      given: 'shared',
      expect: { allow: uploader, otherwise: 'deny404' },
    },
  },
};

const employeeImport: MatrixResource = {
  resource: 'import_employees',
  record: 'an employees import (only its upload differs: the role gate)',
  read: { none: 'As for any import job (see import)' },
  list: { none: 'As for any import job (see import)' },
  update: { none: 'As for any import job (see import)' },
  delete: { none: 'As for any import job (see import)' },
  export: { none: 'As for any import job (see import)' },
  more: {
    create: {
      route: 'POST /api/imports',
      query: 'entity=employees&fileName=staff.csv',
      upload: 'displayName,emails\nMatrix Hire {n},hire-{n}@example.com\n',
      expect: { allow: circle.hr, otherwise: 'deny403' },
    },
  },
};

export const importsAccessMatrix: MatrixTable = {
  file: 'modules/imports/imports.access-matrix.ts',
  rules: ['modules/imports/imports.access.ts', 'modules/imports/imports.service.ts'],
  resources: [importJob, employeeImport],
};
