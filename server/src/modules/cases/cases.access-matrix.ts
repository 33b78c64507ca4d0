import {
  matrixCircles as circle,
  type MatrixOperation,
  type MatrixResource,
  type MatrixTable,
} from '../../platform/access/matrix.ts';

// Expected outcomes of the cases module's rules (cases.access.ts): a case follows its party (and its assignee,
// creator and their managers); the party-less queue is the agents' and managers'; grievances are HR's, admin's,
// the handler's and the named submitter's only — not the submitter's manager, not executives. Checked by
// server/test/access-matrix.test.ts.

const noDelete = { none: 'Cases are resolved and closed, never deleted: there is no DELETE route' };
const caseList = { route: 'GET /api/cases', query: 'limit=500' } as const;
const caseUpdate = { route: 'PATCH /api/cases/{id}', body: { priority: 'high', version: '{version}' } } as const;
const reply = { route: 'POST /api/cases/{id}/replies', body: { body: 'Matrix note', visibility: 'internal' } } as const;
const resolve = { route: 'POST /api/cases/{id}/resolve', body: { rootCause: 'other', remedy: 'none' } } as const;

const complaint: MatrixResource = {
  resource: 'case',
  record: 'a complaint about the customer, opened by owner (its assignee)',
  read: { route: 'GET /api/cases/{id}', expect: { allow: circle.customer, otherwise: 'deny404' } },
  list: { ...caseList, expect: { allow: circle.customer, otherwise: 'absent' } },
  update: { ...caseUpdate, expect: { allow: circle.customer, otherwise: 'deny404' } },
  delete: noDelete,
  export: { route: 'GET /api/cases/export', expect: { allow: circle.customer, otherwise: 'absent' } },
  more: {
    // A party the author may not see is an unknown reference; plain employees do not open cases.
    create: {
      route: 'POST /api/cases',
      body: { type: 'inquiry', subject: 'Matrix inquiry {n}', partyId: '{customer}' },
      expect: { allow: circle.customer, deny403: circle.employees, otherwise: 'deny400' },
    },
    events: { route: 'GET /api/cases/{id}/events', expect: { allow: circle.customer, otherwise: 'deny404' } },
    reply: { ...reply, expect: { allow: circle.customer, otherwise: 'deny404' } },
    resolve: { ...resolve, expect: { allow: circle.customer, otherwise: 'deny404' } },
    metrics: {
      route: 'GET /api/cases/metrics',
      query: 'from=2020-01-01&to=2040-01-01',
      expect: { allow: circle.staff, otherwise: 'deny403' },
    },
  },
};

/** Under public_read everyone reads the case with its party; changing it stays with those who may change the party. */
const complaintPublicRead: MatrixResource = {
  resource: 'case',
  visibility: 'public_read',
  record: complaint.record,
  read: { route: 'GET /api/cases/{id}', expect: { otherwise: 'allow' } },
  list: { ...caseList, expect: { otherwise: 'allow' } },
  update: { ...caseUpdate, expect: { allow: circle.customer, otherwise: 'deny404' } },
  delete: noDelete,
  export: { route: 'GET /api/cases/export', expect: { otherwise: 'allow' } },
  more: {
    create: {
      route: 'POST /api/cases',
      body: { type: 'inquiry', subject: 'Matrix inquiry {n}', partyId: '{customer}' },
      expect: { deny403: circle.employees, otherwise: 'allow' },
    },
    reply: { ...reply, expect: { allow: circle.customer, otherwise: 'deny404' } },
    resolve: { ...resolve, expect: { allow: circle.customer, otherwise: 'deny404' } },
  },
};

/** Under public_read_write everyone may change the party, so every member of staff works its cases; employees do not. */
const complaintPublicReadWrite: MatrixResource = {
  resource: 'case',
  visibility: 'public_read_write',
  record: complaint.record,
  read: { route: 'GET /api/cases/{id}', expect: { otherwise: 'allow' } },
  list: { ...caseList, expect: { otherwise: 'allow' } },
  update: { ...caseUpdate, expect: { allow: circle.staff, otherwise: 'deny403' } },
  delete: noDelete,
  export: { route: 'GET /api/cases/export', expect: { otherwise: 'allow' } },
  more: {
    reply: { ...reply, expect: { allow: circle.staff, otherwise: 'deny403' } },
    resolve: { ...resolve, expect: { allow: circle.staff, otherwise: 'deny403' } },
  },
};

/** The queue: agents and managers see cases without a party. */
const queueRoles = [
  'admin',
  'executive',
  'hrExecutive',
  'manager',
  'manager2',
  'owner',
  'agent2',
  'backup',
  'handler',
] as const;

const queued: MatrixResource = {
  resource: 'queue_case',
  record: 'a request without a party, opened by the admin and assigned to no one',
  read: { route: 'GET /api/cases/{id}', expect: { allow: queueRoles, otherwise: 'deny404' } },
  list: { ...caseList, expect: { allow: queueRoles, otherwise: 'absent' } },
  update: { ...caseUpdate, expect: { allow: queueRoles, otherwise: 'deny404' } },
  delete: noDelete,
  export: { route: 'GET /api/cases/export', expect: { allow: queueRoles, otherwise: 'absent' } },
};

/** The handler side of a grievance: HR, admin and the assigned handler. Its submitter only follows up. */
const grievanceHandlers = ['admin', 'hr', 'hrExecutive', 'handler'] as const;

const grievance: MatrixResource = {
  resource: 'grievance',
  record: 'a grievance filed by name by self, assigned to handler',
  read: { route: 'GET /api/cases/{id}', expect: { allow: circle.grievance, otherwise: 'deny404' } },
  list: { ...caseList, expect: { allow: circle.grievance, otherwise: 'absent' } },
  update: { ...caseUpdate, expect: { allow: grievanceHandlers, deny403: ['self'], otherwise: 'deny404' } },
  delete: noDelete,
  export: { route: 'GET /api/cases/export', expect: { allow: circle.grievance, otherwise: 'absent' } },
  more: {
    create: {
      route: 'POST /api/grievances',
      body: { subject: 'Matrix grievance {n}', description: 'Filed by the access matrix' },
      expect: { allow: circle.employees, otherwise: 'deny403' },
    },
    events: { route: 'GET /api/cases/{id}/events', expect: { allow: circle.grievance, otherwise: 'deny404' } },
    // "My grievances": only the named submitter finds it there (HR and the handler work it from the cases list).
    mine: { route: 'GET /api/me/grievances', as: 'list', expect: { allow: ['self'], otherwise: 'absent' } },
    // From the submitter, a reply is a follow-up message.
    reply: {
      route: 'POST /api/cases/{id}/replies',
      body: { body: 'Matrix message' },
      expect: { allow: circle.grievance, otherwise: 'deny404' },
    },
    resolve: { ...resolve, expect: { allow: grievanceHandlers, deny403: ['self'], otherwise: 'deny404' } },
    // On the timeline of self's record, which the employee circle reads: the manager does not see the grievance.
    onTimeline: {
      route: 'GET /api/parties/{id}/timeline',
      as: 'list',
      params: { id: '{employeeRecord}' },
      expect: { allow: ['admin', 'hr', 'hrExecutive', 'self'], absent: ['manager'], otherwise: 'deny404' },
    },
  },
};

const anonymousGrievance: MatrixResource = {
  resource: 'grievance_anonymous',
  record: 'a grievance filed anonymously by self (nothing links it to them), assigned to handler',
  read: { route: 'GET /api/cases/{id}', expect: { allow: grievanceHandlers, otherwise: 'deny404' } },
  list: { ...caseList, expect: { allow: grievanceHandlers, otherwise: 'absent' } },
  update: { ...caseUpdate, expect: { allow: grievanceHandlers, otherwise: 'deny404' } },
  delete: noDelete,
  export: { route: 'GET /api/cases/export', expect: { allow: grievanceHandlers, otherwise: 'absent' } },
  more: {
    // It has no party: it is on nobody's timeline, not even to HR.
    onTimeline: {
      route: 'GET /api/parties/{id}/timeline',
      as: 'list',
      params: { id: '{employeeRecord}' },
      expect: { absent: circle.employee, otherwise: 'deny404' },
    },
  },
};

const alertList: MatrixOperation = {
  route: 'GET /api/alerts',
  query: 'limit=500',
  expect: { allow: circle.customer, deny403: circle.employees, otherwise: 'absent' },
};
const alertUpdate: MatrixOperation = {
  route: 'PATCH /api/alerts/{id}',
  body: { status: 'acknowledged' },
  expect: { allow: circle.customer, deny403: circle.employees, otherwise: 'deny404' },
};

const alert: MatrixResource = {
  resource: 'alert',
  record: 'the early warning raised by two complaints about the customer',
  read: { none: 'Alerts are read in the list (filter partyId)' },
  list: alertList,
  update: alertUpdate,
  delete: { none: 'Alerts are acknowledged, never deleted' },
  export: { none: 'No alert export' },
};

const alertPublicRead: MatrixResource = {
  ...alert,
  visibility: 'public_read',
  list: { ...alertList, expect: { deny403: circle.employees, otherwise: 'allow' } },
};

const configurers = ['admin', 'manager', 'manager2'] as const;

const alertRules: MatrixResource = {
  resource: 'alert_rules',
  record: "the organisation's early-warning rules (one settings document)",
  read: { route: 'GET /api/alert-rules', expect: { allow: circle.staff, otherwise: 'deny403' } },
  list: { none: 'One document per organisation: see read' },
  update: {
    route: 'PUT /api/alert-rules',
    given: 'shared',
    body: { items: [{ kind: 'low_csat', enabled: true, max: 2 }] },
    expect: { allow: configurers, otherwise: 'deny403' },
  },
  delete: { none: 'Rules are disabled, never deleted' },
  export: { none: 'No export of settings' },
};

const slaPolicy: MatrixResource = {
  resource: 'sla_policy',
  record: 'an SLA policy added by the admin',
  read: { route: 'GET /api/sla-policies/{id}', expect: { otherwise: 'allow' } },
  list: { route: 'GET /api/sla-policies', expect: { otherwise: 'allow' } },
  update: {
    route: 'PATCH /api/sla-policies/{id}',
    body: { name: 'Matrix policy {n}', version: '{version}' },
    expect: { allow: configurers, otherwise: 'deny403' },
  },
  delete: { none: 'Cases keep the policy they were opened under: policies are never deleted' },
  export: { none: 'No export of settings' },
  more: {
    create: {
      route: 'POST /api/sla-policies',
      body: {
        name: 'Matrix policy {n}',
        timeZone: 'UTC',
        hours: [{ weekday: 1, start: '09:00', end: '18:00' }],
        targets: {
          low: { firstResponseMinutes: 120, resolveMinutes: 600 },
          normal: { firstResponseMinutes: 60, resolveMinutes: 240 },
          high: { firstResponseMinutes: 30, resolveMinutes: 120 },
          urgent: { firstResponseMinutes: 10, resolveMinutes: 60 },
        },
      },
      expect: { allow: configurers, otherwise: 'deny403' },
    },
  },
};

export const casesAccessMatrix: MatrixTable = {
  file: 'modules/cases/cases.access-matrix.ts',
  rules: ['modules/cases/cases.access.ts', 'modules/cases/cases.routes.ts', 'modules/cases/alerts/alerts.routes.ts'],
  resources: [
    complaint,
    complaintPublicRead,
    complaintPublicReadWrite,
    queued,
    grievance,
    anonymousGrievance,
    alert,
    alertPublicRead,
    alertRules,
    slaPolicy,
  ],
};
