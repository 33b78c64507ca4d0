import type { MatrixResource, MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the projects module's rules (projects.access.ts, constants.ts role lists), checked by
// server/test/access-matrix.test.ts. Projects: the organisation-wide roles (admin, executives, marketing) read and
// write; everyone else 403. Quality reviews: admin, executives, marketing and managers run cycles; agents read them
// and record interviews of customers they may see (404 otherwise); HR-only users and plain employees 403.

const projectRoles = ['admin', 'executive', 'hrExecutive', 'marketing'] as const;
const projectsOnly = { allow: projectRoles, otherwise: 'deny403' } as const;

const project: MatrixResource = {
  resource: 'project',
  record: 'a planned activity project created by the admin',
  read: { route: 'GET /api/projects/{id}', expect: projectsOnly },
  list: { route: 'GET /api/projects', expect: projectsOnly },
  update: { route: 'PATCH /api/projects/{id}', body: { name: 'Matrix project {n}' }, expect: projectsOnly },
  delete: { none: 'Projects are cancelled (PATCH status: cancelled), never deleted' },
  export: { none: 'No export' },
  more: {
    create: {
      route: 'POST /api/projects',
      body: { kind: 'activity', name: 'Matrix project {n}' },
      expect: projectsOnly,
    },
    cost: {
      route: 'POST /api/projects/{id}/costs',
      body: { amount: '10.00', spentOn: '2026-01-10' },
      expect: projectsOnly,
    },
    log: { route: 'POST /api/projects/{id}/log', body: { text: 'Matrix note' }, expect: projectsOnly },
    close: { route: 'POST /api/projects/{id}/close', given: 'open', body: { lessons: 'Matrix' }, expect: projectsOnly },
    burnDown: { route: 'GET /api/projects/{id}/burn-down', expect: projectsOnly },
  },
};

const reviewWriters = ['admin', 'executive', 'hrExecutive', 'marketing', 'manager', 'manager2'] as const;
const reviewReaders = [...reviewWriters, 'owner', 'agent2', 'backup', 'handler'] as const;

const qualityReview: MatrixResource = {
  resource: 'quality_review',
  record: 'a quality review cycle over the customer, created by the admin',
  read: { route: 'GET /api/quality-reviews/{id}', expect: { allow: reviewReaders, otherwise: 'deny403' } },
  list: { route: 'GET /api/quality-reviews', expect: { allow: reviewReaders, otherwise: 'deny403' } },
  update: {
    route: 'PATCH /api/quality-reviews/{id}',
    body: { name: 'Matrix review {n}' },
    expect: { allow: reviewWriters, otherwise: 'deny403' },
  },
  delete: { none: 'Cycles are kept: the next one compares against them' },
  export: { none: 'No export' },
  more: {
    create: {
      route: 'POST /api/quality-reviews',
      body: { name: 'Matrix review {n}' },
      expect: { allow: reviewWriters, otherwise: 'deny403' },
    },
    interview: {
      route: 'POST /api/quality-reviews/{id}/interviews',
      body: { partyId: '{customer}', trust: 4, ratings: { delivery: 4 } },
      expect: {
        allow: ['admin', 'executive', 'hrExecutive', 'manager', 'owner', 'backup'],
        deny404: ['agent2', 'handler', 'manager2', 'marketing'],
        otherwise: 'deny403',
      },
    },
    action: {
      route: 'POST /api/quality-reviews/{id}/actions',
      body: { kind: 'improvement', title: 'Matrix action' },
      expect: { allow: reviewWriters, otherwise: 'deny403' },
    },
    results: { route: 'GET /api/quality-reviews/{id}/results', expect: { allow: reviewReaders, otherwise: 'deny403' } },
    next: {
      route: 'POST /api/quality-reviews/{id}/next',
      body: {},
      expect: { allow: reviewWriters, otherwise: 'deny403' },
    },
  },
};

export const projectsAccessMatrix: MatrixTable = {
  file: 'modules/projects/projects.access-matrix.ts',
  rules: ['modules/projects/projects.access.ts', 'modules/projects/constants.ts'],
  resources: [project, qualityReview],
};
