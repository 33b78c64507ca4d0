import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the people rules (people.access.ts, constants.ts' role lists): records about an employee
// exist only for their circle (HR, admin, the management chain, the employee); executives, marketing, agents and
// peers get 404. Inside the circle HR changes the file; the chain and the employee read it (403 on a change).
// Checked by server/test/access-matrix.test.ts.

const noList = { none: 'Employees are listed by GET /api/parties (directory fields; pay never in a list)' };
const noDelete = { none: 'An employee file is not deleted: the employee role ends (a separation) and stays' };
const noExport = { none: 'No export of employee files: pay never leaves in bulk' };
const hrOnly = ['admin', 'hr', 'hrExecutive'] as const;
const bandReaders = [...hrOnly, 'manager', 'manager2'] as const;
const aggregateReaders = [...bandReaders, 'executive'] as const;

const employeeFile: MatrixResource = {
  resource: 'employee_file',
  record: "self's employee file (Sales East, below manager's Sales), salary 87654, with a contract",
  read: { route: 'GET /api/employees/{id}', expect: { allow: circle.employee, otherwise: 'deny404' } },
  list: noList,
  update: {
    route: 'PATCH /api/employees/{id}',
    given: 'shared',
    body: { version: '{roleVersion}' },
    expect: { allow: hrOnly, deny403: ['manager', 'self'], otherwise: 'deny404' },
  },
  delete: noDelete,
  export: noExport,
  more: {
    separation: {
      route: 'POST /api/employees/{id}/separation',
      body: { exitOn: '2026-01-31', exitType: 'voluntary', reason: 'personal', version: '{roleVersion}' },
      expect: { allow: hrOnly, deny403: ['manager'], otherwise: 'deny404' },
    },
    // Why someone left is HR's: the chain does not see exit interviews (people often leave their manager).
    exitInterview: {
      route: 'POST /api/employees/{id}/exit-interview',
      body: { heldOn: '2025-03-01', reasons: ['other'] },
      expect: { allow: hrOnly, otherwise: 'deny404' },
    },
    // Renewal intent is the chain's call as well as HR's; fresh copies are not self's (404 there).
    contract: {
      route: 'PATCH /api/employees/{id}/contracts/{contractId}',
      params: { contractId: '{contract}' },
      body: { renewalIntent: 'renew', version: '{contractVersion}' },
      expect: { allow: circle.employeeWriters, otherwise: 'deny404' },
    },
  },
};

// Incentives: the circle reads an employee's log; HR and the chain record them, the employee may not (403).
const incentive: MatrixResource = {
  resource: 'incentive',
  record: "self's incentive log (a respect incentive given by HR)",
  read: { none: "Incentives are read in their employee's log" },
  list: { route: 'GET /api/employees/{id}/incentives', expect: { allow: circle.employee, otherwise: 'deny404' } },
  update: { none: 'Incentives are recorded, never edited' },
  delete: { none: 'Incentives are never deleted' },
  export: noExport,
  more: {
    create: {
      route: 'POST /api/employees/{id}/incentives',
      given: 'shared',
      body: { type: 'respect', givenOn: '2025-01-01', note: 'Matrix thanks' },
      expect: { allow: circle.employeeWriters, deny403: ['self'], otherwise: 'deny404' },
    },
  },
};

// Cycles are HR's to run; managers read them (they score their reports).
const appraisalCycle: MatrixResource = {
  resource: 'appraisal_cycle',
  record: 'a draft appraisal cycle created by HR',
  read: { route: 'GET /api/appraisal-cycles/{id}', expect: { allow: bandReaders, otherwise: 'deny403' } },
  list: { route: 'GET /api/appraisal-cycles', expect: { allow: bandReaders, otherwise: 'deny403' } },
  update: {
    route: 'PATCH /api/appraisal-cycles/{id}',
    body: { bottomBandPercent: 10, version: '{version}' },
    expect: { allow: hrOnly, otherwise: 'deny403' },
  },
  delete: { none: 'Cycles are not deleted: they are the record of who was appraised when' },
  export: { none: 'Cycles are not exported' },
  more: {
    create: {
      route: 'POST /api/appraisal-cycles',
      body: {
        name: { zh: '矩阵考核', en: 'Matrix review' },
        periodStart: '2020-01-01',
        periodEnd: '2020-12-31',
        criteria: [{ key: 'results', text: { zh: '业绩', en: 'Results' }, weight: 1 }],
        bottomBandPercent: 10,
        opensAt: '2030-01-01T00:00:00Z',
        participants: { orgUnitIds: [], partyIds: [] },
      },
      expect: { allow: hrOnly, otherwise: 'deny403' },
    },
  },
};

// An appraisal: the employee's circle sees it (the employee their own, scores after the close); the chain and HR
// score it and make improvement plans. Fresh copies are of fresh employees in Sales East (not self's: 404 there).
const appraisal: MatrixResource = {
  resource: 'appraisal',
  record: "self's appraisal in an open cycle",
  read: { route: 'GET /api/appraisals/{id}', expect: { allow: circle.employee, otherwise: 'deny404' } },
  list: { route: 'GET /api/appraisals', expect: { allow: circle.employee, otherwise: 'absent' } },
  update: {
    route: 'PATCH /api/appraisals/{id}',
    body: { scores: [{ key: 'results', score: 3, rationale: 'Matrix' }], version: '{version}' },
    expect: { allow: circle.employeeWriters, otherwise: 'deny404' },
  },
  delete: { none: 'Appraisals are never deleted' },
  export: { none: 'Appraisals are not exported' },
  more: {
    mine: { route: 'GET /api/me/appraisals', as: 'list', expect: { allow: ['self'], otherwise: 'absent' } },
    plan: {
      route: 'POST /api/appraisals/{id}/improvement-plan',
      given: 'finished',
      body: { trainingItems: ['Matrix'], mentorId: '{mentor}', startsOn: '2026-01-01', reassessOn: '2026-03-02' },
      expect: { allow: circle.employeeWriters, otherwise: 'deny404' },
    },
  },
};

const improvementPlan: MatrixResource = {
  resource: 'improvement_plan',
  record: 'the improvement plan of a bottom-band appraisal',
  read: { none: 'Plans are read with their appraisal' },
  list: { none: 'Plans are read with their appraisal' },
  update: {
    route: 'PATCH /api/improvement-plans/{id}',
    body: { reassessedOn: '2026-03-02', outcome: 'met', version: '{version}' },
    expect: { allow: circle.employeeWriters, otherwise: 'deny404' },
  },
  delete: { none: 'Plans are never deleted' },
  export: { none: 'Plans are not exported' },
};

// 1:1 notes are private to the two who talked and HR: the manager's own manager does not read them.
const oneOnOne: MatrixResource = {
  resource: 'one_on_one',
  record: 'a 1:1 manager held with self, with private notes',
  read: { none: 'Read in the list (filter by partyId)' },
  list: {
    route: 'GET /api/one-on-ones',
    query: 'partyId={employeeRecord}',
    expect: { allow: ['admin', 'hr', 'hrExecutive', 'manager', 'self'], otherwise: 'absent' },
  },
  update: { none: 'A 1:1 is recorded once; its actions live on as tasks' },
  delete: { none: '1:1s are never deleted' },
  export: { none: '1:1 notes are never exported' },
  more: {
    create: {
      route: 'POST /api/one-on-ones',
      body: { partyId: '{employeeRecord}', heldOn: '2025-02-01', notes: 'Matrix talk' },
      expect: { allow: circle.employeeWriters, deny403: ['self'], otherwise: 'deny404' },
    },
  },
};

// Turnover is an aggregate: HR, admin and executives for the organisation, managers for their reports.
const turnover: MatrixResource = {
  resource: 'people_turnover',
  record: "the organisation's turnover (an aggregate)",
  read: { route: 'GET /api/people/turnover', expect: { allow: aggregateReaders, otherwise: 'deny403' } },
  list: { none: 'An aggregate' },
  update: { none: 'An aggregate' },
  delete: { none: 'An aggregate' },
  export: { none: 'An aggregate' },
  more: { exitReasons: { route: 'GET /api/people/exit-reasons', expect: { allow: hrOnly, otherwise: 'deny403' } } },
};

// Attrition risk names individuals: HR and admin score everyone, a manager their direct and indirect reports (manager2
// runs an unrelated unit: 200 without self); everyone else 403. The back-test is an organisation-wide aggregate, HR's.
const attritionRisk: MatrixResource = {
  resource: 'attrition_risk',
  record: "self's attrition risk (self is in Sales East, below manager's Sales)",
  read: { none: 'Read in the list (one employee is one row)' },
  list: {
    route: 'GET /api/people/attrition-risk',
    query: 'limit=500',
    expect: { allow: [...hrOnly, 'manager'], absent: ['manager2'], otherwise: 'deny403' },
  },
  update: { none: 'Computed; its weights are people settings' },
  delete: { none: 'Computed' },
  export: { none: 'Scores of individuals are not exported' },
  more: {
    backtest: { route: 'GET /api/people/attrition-risk/backtest', expect: { allow: hrOnly, otherwise: 'deny403' } },
    contractRenewals: {
      route: 'GET /api/people/contract-renewals',
      expect: { allow: [...hrOnly, 'manager', 'manager2'], otherwise: 'deny403' },
    },
  },
};

// PDCA cycles: HR and admin all, executives read, a manager those of the units they manage (manager2 runs Support:
// 404); everyone else is refused at the endpoint.
const programReaders = [...hrOnly, 'executive', 'manager'] as const;
const pdcaCycle: MatrixResource = {
  resource: 'pdca_cycle',
  record: "a PDCA cycle of Sales East (below manager's Sales) created by HR, owned by self",
  read: {
    route: 'GET /api/pdca-cycles/{id}',
    expect: { allow: programReaders, deny404: ['manager2'], otherwise: 'deny403' },
  },
  list: {
    route: 'GET /api/pdca-cycles',
    expect: { allow: programReaders, absent: ['manager2'], otherwise: 'deny403' },
  },
  update: {
    route: 'PATCH /api/pdca-cycles/{id}',
    body: { notes: 'Matrix note', version: '{version}' },
    expect: { allow: [...hrOnly, 'manager'], deny404: ['manager2'], otherwise: 'deny403' },
  },
  delete: { none: 'PDCA cycles are closed, not deleted' },
  export: { none: 'Not exported' },
  more: {
    create: {
      route: 'POST /api/pdca-cycles',
      body: {
        title: 'Matrix PDCA',
        orgUnitId: '{salesEast}',
        ownerPartyId: '{employeeRecord}',
        goal: 'Matrix goal',
        startsOn: '2026-01-01',
      },
      expect: { allow: [...hrOnly, 'manager'], otherwise: 'deny403' },
    },
  },
};

// Vision reviews: as PDCA cycles, and everyone reads their own unit's (the Sales East agents and self).
const visionReview: MatrixResource = {
  resource: 'vision_review',
  record: 'the vision review of Sales East for one year, made by HR',
  read: {
    route: 'GET /api/vision-reviews/{id}',
    expect: { allow: [...programReaders, 'owner', 'agent2', 'self'], otherwise: 'deny404' },
  },
  list: {
    route: 'GET /api/vision-reviews',
    expect: { allow: [...programReaders, 'owner', 'agent2', 'self'], otherwise: 'absent' },
  },
  update: {
    route: 'PATCH /api/vision-reviews/{id}',
    body: { changes: 'Matrix change', version: '{version}' },
    expect: { allow: [...hrOnly, 'manager'], deny404: ['manager2'], otherwise: 'deny403' },
  },
  delete: { none: 'Vision reviews are the record of each year: never deleted' },
  export: { none: 'Not exported' },
  more: {
    create: {
      route: 'POST /api/vision-reviews',
      // Each call makes a review of a year of its own and leaves the next year free for this create.
      given: 'shared',
      body: { orgUnitId: '{salesEast}', year: '{nextYear}', vision: 'Matrix vision', reviewedOn: '2026-01-10' },
      expect: { allow: [...hrOnly, 'manager'], otherwise: 'deny403' },
    },
  },
};

const peopleSettings: MatrixResource = {
  resource: 'people_settings',
  record: "the organisation's people settings, pay bands and attrition weights",
  read: { route: 'GET /api/people/settings', expect: { allow: bandReaders, otherwise: 'deny403' } },
  list: { none: 'One settings record per organisation' },
  update: {
    route: 'PUT /api/people/settings',
    given: 'shared',
    body: { noticeDays: 7, version: '{version}' },
    expect: { allow: hrOnly, otherwise: 'deny403' },
  },
  delete: { none: 'Settings are not deleted' },
  export: { none: 'Settings are not exported' },
  more: {
    payBands: { route: 'GET /api/pay-bands', expect: { allow: bandReaders, otherwise: 'deny403' } },
    putPayBands: {
      route: 'PUT /api/pay-bands',
      given: 'shared',
      body: { bands: [{ grade: 'P7', min: 60000, mid: 80000, max: 100000 }] },
      expect: { allow: hrOnly, otherwise: 'deny403' },
    },
    weights: { route: 'GET /api/people/attrition-weights', expect: { allow: aggregateReaders, otherwise: 'deny403' } },
    putWeights: {
      route: 'PUT /api/people/attrition-weights',
      given: 'shared',
      body: { weights: {}, version: '{version}' },
      expect: { allow: hrOnly, otherwise: 'deny403' },
    },
  },
};

export const peopleAccessMatrix: MatrixTable = {
  file: 'modules/people/people.access-matrix.ts',
  rules: ['modules/people/people.access.ts', 'modules/people/constants.ts'],
  resources: [
    employeeFile,
    incentive,
    appraisalCycle,
    appraisal,
    improvementPlan,
    oneOnOne,
    turnover,
    attritionRisk,
    pdcaCycle,
    visionReview,
    peopleSettings,
  ],
};
