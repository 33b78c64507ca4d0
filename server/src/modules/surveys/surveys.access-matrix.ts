import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the surveys' rules (surveys.routes.ts, surveys.service.ts): admin, HR and marketing run
// surveys, executives also read them; everyone else is refused by role (403). Employee-side surveys exist only for
// HR and admin: to the other survey roles they are not found (404). Checked by server/test/access-matrix.test.ts.

const readers = ['admin', 'hr', 'hrExecutive', 'marketing', 'executive'] as const;
const runners = ['admin', 'hr', 'hrExecutive', 'marketing'] as const;
const title = { zh: '矩阵调查', en: 'Matrix survey' };
const noDelete = { none: 'Surveys are closed, never deleted: their answers stay' };
const noExport = { none: 'No survey export: results are read through results, drivers and text answers' };

const customerSurvey: MatrixResource = {
  resource: 'survey_customer',
  record: 'an NPS survey of customers, created by marketing',
  read: { route: 'GET /api/surveys/{id}', expect: { allow: readers, otherwise: 'deny403' } },
  list: { route: 'GET /api/surveys', query: 'limit=100', expect: { allow: readers, otherwise: 'deny403' } },
  update: {
    route: 'PATCH /api/surveys/{id}',
    body: { description: { zh: '已更新', en: 'Updated' }, version: '{version}' },
    expect: { allow: runners, otherwise: 'deny403' },
  },
  delete: noDelete,
  export: noExport,
  more: {
    create: {
      route: 'POST /api/surveys',
      body: { kind: 'nps', title, audience: { kind: 'customers' } },
      expect: { allow: runners, otherwise: 'deny403' },
    },
    results: { route: 'GET /api/surveys/{id}/results', expect: { allow: readers, otherwise: 'deny403' } },
    drivers: {
      route: 'GET /api/surveys/{id}/drivers',
      query: 'outcome={outcome}',
      expect: { allow: readers, otherwise: 'deny403' },
    },
    textAnswers: { route: 'GET /api/surveys/{id}/text-answers', expect: { allow: readers, otherwise: 'deny403' } },
    invite: {
      route: 'POST /api/surveys/{id}/invitations',
      given: 'open',
      body: { partyIds: ['{customer}'] },
      expect: { allow: runners, otherwise: 'deny403' },
    },
    remind: {
      route: 'POST /api/surveys/{id}/reminders',
      given: 'open',
      body: {},
      expect: { allow: runners, otherwise: 'deny403' },
    },
  },
};

/** The survey roles outside HR's circle: the survey does not exist for them. */
const notHr = ['marketing', 'executive'] as const;

const employeeSurvey: MatrixResource = {
  resource: 'survey_employee',
  record: 'an eNPS survey of employees, created by HR',
  read: { route: 'GET /api/surveys/{id}', expect: { allow: circle.hr, deny404: notHr, otherwise: 'deny403' } },
  list: {
    route: 'GET /api/surveys',
    query: 'limit=100',
    expect: { allow: circle.hr, absent: notHr, otherwise: 'deny403' },
  },
  update: {
    route: 'PATCH /api/surveys/{id}',
    body: { description: { zh: '已更新', en: 'Updated' }, version: '{version}' },
    expect: { allow: circle.hr, deny404: ['marketing'], otherwise: 'deny403' },
  },
  delete: noDelete,
  export: noExport,
  more: {
    create: {
      route: 'POST /api/surveys',
      body: { kind: 'enps', title, audience: { kind: 'employees' } },
      expect: { allow: circle.hr, otherwise: 'deny403' },
    },
    results: {
      route: 'GET /api/surveys/{id}/results',
      expect: { allow: circle.hr, deny404: notHr, otherwise: 'deny403' },
    },
    drivers: {
      route: 'GET /api/surveys/{id}/drivers',
      query: 'outcome={outcome}',
      expect: { allow: circle.hr, deny404: notHr, otherwise: 'deny403' },
    },
    textAnswers: {
      route: 'GET /api/surveys/{id}/text-answers',
      expect: { allow: circle.hr, deny404: notHr, otherwise: 'deny403' },
    },
    invite: {
      route: 'POST /api/surveys/{id}/invitations',
      given: 'open',
      body: { partyIds: ['{colleague}'] },
      expect: { allow: circle.hr, deny404: ['marketing'], otherwise: 'deny403' },
    },
    remind: {
      route: 'POST /api/surveys/{id}/reminders',
      given: 'open',
      body: {},
      expect: { allow: circle.hr, deny404: ['marketing'], otherwise: 'deny403' },
    },
  },
};

export const surveysAccessMatrix: MatrixTable = {
  file: 'modules/surveys/surveys.access-matrix.ts',
  rules: ['modules/surveys/surveys.routes.ts', 'modules/surveys/surveys.service.ts'],
  resources: [customerSurvey, employeeSurvey],
};
