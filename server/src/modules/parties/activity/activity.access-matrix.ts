import {
  matrixCircles as circle,
  type MatrixOperation,
  type MatrixResource,
  type MatrixTable,
} from '../../../platform/access/matrix.ts';

// Expected outcomes for interactions and tasks (parties.access.ts: livePartyVisible, taskVisible): they follow
// their party — an interaction about an employee stays in the employee circle, never in the directory. Checked by
// server/test/access-matrix.test.ts.

const noDelete = { none: 'Interactions are corrected, never deleted: there is no DELETE route' };
const noExport = { none: 'No interaction export: interactions leave through the party timeline only' };

const interactionCreate: MatrixOperation = {
  route: 'POST /api/interactions',
  body: { partyId: '{customer}', channel: 'phone', subject: 'Matrix call {n}' },
  expect: { allow: circle.customer, otherwise: 'deny404' },
};

const interaction: MatrixResource = {
  resource: 'interaction',
  record: 'a call with the customer, logged by owner',
  read: { route: 'GET /api/interactions/{id}', expect: { allow: circle.customer, otherwise: 'deny404' } },
  list: { route: 'GET /api/interactions', query: 'limit=500', expect: { allow: circle.customer, otherwise: 'absent' } },
  update: {
    route: 'PATCH /api/interactions/{id}',
    body: { subject: 'Matrix call (corrected)', version: '{version}' },
    expect: { allow: circle.customer, otherwise: 'deny404' },
  },
  delete: noDelete,
  export: noExport,
  more: { create: interactionCreate },
};

const interactionPublicRead: MatrixResource = {
  resource: 'interaction',
  visibility: 'public_read',
  record: interaction.record,
  read: { route: 'GET /api/interactions/{id}', expect: { otherwise: 'allow' } },
  list: { route: 'GET /api/interactions', query: 'limit=500', expect: { otherwise: 'allow' } },
  update: interaction.update,
  delete: noDelete,
  export: noExport,
  more: { create: interactionCreate },
};

const employeeInteraction: MatrixResource = {
  resource: 'employee_interaction',
  record: "a one-on-one with self, logged by HR on self's employee record",
  read: { route: 'GET /api/interactions/{id}', expect: { allow: circle.employee, otherwise: 'deny404' } },
  list: { route: 'GET /api/interactions', query: 'limit=500', expect: { allow: circle.employee, otherwise: 'absent' } },
  update: {
    route: 'PATCH /api/interactions/{id}',
    body: { subject: 'Matrix one-on-one (corrected)', version: '{version}' },
    expect: { allow: circle.employeeWriters, otherwise: 'deny404' },
  },
  delete: noDelete,
  export: noExport,
  more: {
    create: {
      route: 'POST /api/interactions',
      body: { partyId: '{employeeRecord}', channel: 'meeting', subject: 'Matrix one-on-one {n}' },
      expect: { allow: circle.employeeWriters, otherwise: 'deny404' },
    },
  },
};

const taskNoDelete = { none: 'Tasks are completed or cancelled (PATCH status), never deleted' };
const taskNoExport = { none: 'No task export' };

const task: MatrixResource = {
  resource: 'task',
  record: 'a follow-up on the customer, created by and assigned to owner',
  read: { route: 'GET /api/tasks/{id}', expect: { allow: circle.customer, otherwise: 'deny404' } },
  list: { route: 'GET /api/tasks', query: 'limit=500', expect: { allow: circle.customer, otherwise: 'absent' } },
  update: {
    route: 'PATCH /api/tasks/{id}',
    body: { title: 'Matrix follow-up (moved)', version: '{version}' },
    expect: { allow: circle.customer, otherwise: 'deny404' },
  },
  delete: taskNoDelete,
  export: taskNoExport,
  more: {
    create: {
      route: 'POST /api/tasks',
      body: { partyId: '{customer}', kind: 'call_back', title: 'Matrix call back {n}', dueAt: '2030-01-07T09:00:00Z' },
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
  },
};

const taskPublicRead: MatrixResource = {
  resource: 'task',
  visibility: 'public_read',
  record: task.record,
  read: { route: 'GET /api/tasks/{id}', expect: { otherwise: 'allow' } },
  list: { route: 'GET /api/tasks', query: 'limit=500', expect: { otherwise: 'allow' } },
  update: task.update,
  delete: taskNoDelete,
  export: taskNoExport,
};

export const activityAccessMatrix: MatrixTable = {
  file: 'modules/parties/activity/activity.access-matrix.ts',
  rules: ['modules/parties/parties.access.ts', 'modules/parties/activity/activity.repository.ts'],
  resources: [interaction, interactionPublicRead, employeeInteraction, task, taskPublicRead],
};
