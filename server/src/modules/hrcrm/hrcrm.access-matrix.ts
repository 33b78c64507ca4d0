import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes for the HR-department CRM (constants.ts HRCRM_READERS / HRCRM_WRITERS, enforced on every route):
// admin and HR write, executives read, everyone else is refused (403). Numbers about parties inside follow the
// parties' own visibility (checked by the parties rows).

const readers = ['admin', 'hr', 'hrExecutive', 'executive'] as const;
const key = { key: 'line_managers' };

const hrGroup: MatrixResource = {
  resource: 'hr_group',
  record: 'the line managers group',
  read: {
    route: 'GET /api/hr-crm/groups/{key}/process',
    params: key,
    expect: { allow: readers, otherwise: 'deny403' },
  },
  list: { route: 'GET /api/hr-crm/groups', as: 'read', expect: { allow: readers, otherwise: 'deny403' } },
  update: {
    route: 'PUT /api/hr-crm/groups/{key}/assessment',
    params: key,
    given: 'shared',
    body: { initiativeScore: 2, participationScore: 4, targetQuadrant: 'partnership', reason: 'Matrix review' },
    expect: { allow: circle.hr, otherwise: 'deny403' },
  },
  delete: { none: 'The eight groups are fixed' },
  export: { none: 'No export' },
  more: {
    butterfly: { route: 'GET /api/hr-crm/butterfly', as: 'read', expect: { allow: readers, otherwise: 'deny403' } },
    history: {
      route: 'GET /api/hr-crm/groups/{key}/assessment/history',
      params: key,
      as: 'read',
      expect: { allow: readers, otherwise: 'deny403' },
    },
    processStep: {
      route: 'PATCH /api/hr-crm/groups/{key}/process/{step}',
      params: { ...key, step: 'collect' },
      given: 'shared',
      body: { state: 'in_progress' },
      expect: { allow: circle.hr, otherwise: 'deny403' },
    },
    createActivity: {
      route: 'POST /api/hr-crm/groups/{key}/activities',
      params: key,
      body: { r: 'relationship', title: 'Matrix workshop' },
      expect: { allow: circle.hr, otherwise: 'deny403' },
    },
    evaluation: {
      route: 'GET /api/hr-crm/groups/{key}/evaluation',
      params: key,
      as: 'read',
      expect: { allow: readers, otherwise: 'deny403' },
    },
    contribute: {
      route: 'POST /api/hr-crm/groups/{key}/contributions',
      params: key,
      body: { text: 'Matrix feedback', recordedOn: '2026-01-10' },
      expect: { allow: circle.hr, otherwise: 'deny403' },
    },
  },
};

const hrActivity: MatrixResource = {
  resource: 'hr_activity',
  record: 'an activity HR planned for line managers',
  read: { none: 'Activities are read in the group’s list' },
  list: {
    route: 'GET /api/hr-crm/groups/{key}/activities',
    params: key,
    expect: { allow: readers, otherwise: 'deny403' },
  },
  update: {
    route: 'PATCH /api/hr-crm/activities/{id}',
    body: { status: 'done', outcome: 'Matrix outcome' },
    expect: { allow: circle.hr, otherwise: 'deny403' },
  },
  delete: { none: 'Cancel with PATCH status: cancelled' },
  export: { none: 'No export' },
};

const hrService: MatrixResource = {
  resource: 'hr_service',
  record: 'a catalogue service serving line managers',
  read: { route: 'GET /api/hr-crm/services/{id}', expect: { allow: readers, otherwise: 'deny403' } },
  list: { route: 'GET /api/hr-crm/services', expect: { allow: readers, otherwise: 'deny403' } },
  update: {
    route: 'PATCH /api/hr-crm/services/{id}',
    body: { description: 'Matrix change' },
    expect: { allow: circle.hr, otherwise: 'deny403' },
  },
  delete: { route: 'DELETE /api/hr-crm/services/{id}', expect: { allow: circle.hr, otherwise: 'deny403' } },
  export: { none: 'No export' },
  more: {
    create: {
      route: 'POST /api/hr-crm/services',
      body: { nameZh: '矩阵服务 {n}', nameEn: 'Matrix service {n}', groups: [{ groupKey: 'line_managers' }] },
      expect: { allow: circle.hr, otherwise: 'deny403' },
    },
    deliveries: {
      route: 'GET /api/hr-crm/services/{id}/deliveries',
      as: 'read',
      expect: { allow: readers, otherwise: 'deny403' },
    },
    deliver: {
      route: 'POST /api/hr-crm/services/{id}/deliveries',
      body: { groupKey: 'line_managers', deliveredOn: '2026-01-10' },
      expect: { allow: circle.hr, otherwise: 'deny403' },
    },
  },
};

export const hrcrmAccessMatrix: MatrixTable = {
  file: 'modules/hrcrm/hrcrm.access-matrix.ts',
  rules: ['modules/hrcrm/constants.ts', 'modules/hrcrm/groups.routes.ts', 'modules/hrcrm/services.routes.ts'],
  resources: [hrGroup, hrActivity, hrService],
};
