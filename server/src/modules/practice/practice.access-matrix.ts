import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes for scenario practice (constants.ts PRACTICE_TRAINERS / PRACTICE_OVERSEERS, the session rules in
// practice.repository.ts and sessions.service.ts): everyone reads the library, trainers write it; a session is seen
// by admin and HR, its trainer and its players (others: not found); its trainer, admin and HR change it; the trainer
// and the other team score a team, a team never itself.

const trainers = ['admin', 'hr', 'hrExecutive', 'manager', 'manager2'] as const;
const overseers = ['admin', 'hr', 'hrExecutive'] as const;
// The shared session: trained by manager; team A owner and agent2, team B self and employee.
const seeing = [...overseers, 'manager', 'owner', 'agent2', 'self', 'employee'] as const;

const scenario: MatrixResource = {
  resource: 'practice_scenario',
  record: 'a scenario of the library',
  read: { route: 'GET /api/practice/scenarios/{id}', expect: { allow: circle.everyone, otherwise: 'deny403' } },
  list: { route: 'GET /api/practice/scenarios', expect: { allow: circle.everyone, otherwise: 'deny403' } },
  update: {
    route: 'PATCH /api/practice/scenarios/{id}',
    body: { title: { zh: '矩阵情景 {n}', en: 'Matrix scenario {n}' } },
    expect: { allow: trainers, otherwise: 'deny403' },
  },
  delete: { none: 'Archive with PATCH archived: true (sessions keep their scenario)' },
  export: { none: 'No export' },
  more: {
    create: {
      route: 'POST /api/practice/scenarios',
      body: {
        title: { zh: '矩阵情景 {n}', en: 'Matrix scenario {n}' },
        brief: { zh: '简介', en: 'Brief' },
        customerSide: { zh: '客户', en: 'Customer' },
        staffSide: { zh: '员工', en: 'Staff' },
      },
      expect: { allow: trainers, otherwise: 'deny403' },
    },
    builtIns: {
      route: 'POST /api/practice/scenarios/built-ins',
      body: {},
      expect: { allow: trainers, otherwise: 'deny403' },
    },
  },
};

const session: MatrixResource = {
  resource: 'practice_session',
  record: 'a session trained by manager: team A owner and agent2, team B self and employee; at the play step',
  read: { route: 'GET /api/practice/sessions/{id}', expect: { allow: seeing, otherwise: 'deny404' } },
  list: { route: 'GET /api/practice/sessions', expect: { allow: seeing, otherwise: 'absent' } },
  update: {
    route: 'PATCH /api/practice/sessions/{id}',
    body: { version: '{version}', location: 'Room {n}' },
    expect: {
      allow: [...overseers, 'manager'],
      deny403: ['owner', 'agent2', 'self', 'employee'],
      otherwise: 'deny404',
    },
  },
  delete: { none: 'Sessions stay on record' },
  export: { none: 'No export' },
  more: {
    create: {
      route: 'POST /api/practice/sessions',
      given: 'shared',
      body: { scenarioId: '{scenario}', title: 'Matrix session {n}', scheduledAt: '2026-03-01T09:00:00Z' },
      expect: { allow: trainers, otherwise: 'deny403' },
    },
    score: {
      route: 'POST /api/practice/sessions/{id}/scores',
      body: { teamId: '{teamA}', scores: { knowledge: 7, communication: 8, solution: 6, teamwork: 9 } },
      expect: {
        allow: ['manager', 'self', 'employee'],
        deny403: [...overseers, 'owner', 'agent2'],
        otherwise: 'deny404',
      },
    },
    results: {
      route: 'GET /api/practice/sessions/{id}/results',
      as: 'read',
      expect: { allow: seeing, otherwise: 'deny404' },
    },
  },
};

const admin = ['admin'] as const;
const practiceOrg: MatrixResource = {
  resource: 'practice_org',
  record: 'a practice organisation the matrix organisation created (its registry lives here, its data there)',
  read: { route: 'GET /api/practice/orgs/{id}', expect: { allow: admin, otherwise: 'deny403' } },
  list: { route: 'GET /api/practice/orgs', expect: { allow: admin, otherwise: 'deny403' } },
  update: { none: 'Reset restores it; nothing else changes' },
  delete: { none: 'Practice organisations stay' },
  export: { none: 'No export' },
  more: {
    create: {
      route: 'POST /api/practice/orgs',
      body: { from: 'demo' },
      expect: { allow: admin, otherwise: 'deny403' },
    },
    reset: {
      route: 'POST /api/practice/orgs/{id}/reset',
      given: 'shared',
      body: {},
      expect: { allow: admin, otherwise: 'deny403' },
    },
    addTrainee: {
      route: 'POST /api/practice/orgs/{id}/trainees',
      given: 'shared',
      body: { email: 'trainee-{n}@example.com', displayName: 'Trainee {n}' },
      expect: { allow: admin, otherwise: 'deny403' },
    },
  },
};

export const practiceAccessMatrix: MatrixTable = {
  file: 'modules/practice/practice.access-matrix.ts',
  rules: [
    'modules/practice/constants.ts',
    'modules/practice/practice.routes.ts',
    'modules/practice/practice-org.routes.ts',
  ],
  resources: [scenario, session, practiceOrg],
};
