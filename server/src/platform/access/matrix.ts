import type { Role } from '../identity/constants-types.ts';
import type { Visibility } from './access.ts';

/**
 * The access matrix (server/test/access-matrix.test.ts): every module keeps, beside its access rules, a table of
 * expected outcomes — resource × operation × actor — and the test checks each cell through the HTTP API, in one
 * organisation built from the fixture below. The tables are data only, so they read as the specification; a route
 * that is in no table (nor in the reasoned list of routes outside the matrix) fails the test. Tenancy is checked
 * on every operation too: to the admin of another organisation, what names a record here is not found, and lists
 * and exports leave it out.
 */

/** The org units of the matrix organisation: a small tree, so managers see their units and everything below. */
export const matrixUnits = {
  sales: { name: 'Sales', parent: null, manager: 'manager', is: 'managed by manager' },
  salesEast: {
    name: 'Sales East',
    parent: 'sales',
    manager: null,
    is: 'below Sales: owner, agent2 and self work here',
  },
  support: {
    name: 'Support',
    parent: null,
    manager: 'manager2',
    is: 'managed by manager2: the unrelated employee works here',
  },
} as const satisfies Record<string, { name: string; parent: string | null; manager: string | null; is: string }>;
export type MatrixUnit = keyof typeof matrixUnits;

/**
 * The people of the matrix organisation. Outcomes depend on relationships, not only on roles, so actors are named
 * by what they are to the records (see `matrixRecords`). One user holds two roles (permissions add up).
 */
export const matrixActors = {
  admin: { roles: ['admin'], unit: null, is: 'the organisation admin' },
  executive: { roles: ['executive'], unit: null, is: 'an executive' },
  hrExecutive: { roles: ['hr', 'executive'], unit: null, is: 'one user who is both HR and an executive' },
  manager: { roles: ['manager'], unit: null, is: "manager of Sales: the owner's unit is below it" },
  manager2: { roles: ['manager'], unit: null, is: 'manager of Support, an unrelated unit' },
  hr: { roles: ['hr'], unit: null, is: 'HR' },
  marketing: { roles: ['marketing'], unit: null, is: 'marketing; uploaded the import' },
  owner: { roles: ['agent'], unit: 'salesEast', is: 'the agent who owns the customer-like records' },
  agent2: { roles: ['agent'], unit: 'salesEast', is: 'another agent in the same unit as the owner' },
  backup: { roles: ['agent'], unit: null, is: "the customer's backup owner (an agent in no unit)" },
  handler: { roles: ['agent'], unit: null, is: 'the agent assigned to handle the grievances' },
  employee: { roles: ['employee'], unit: 'support', is: 'an unrelated employee (linked to their own record)' },
  self: {
    roles: ['employee'],
    unit: 'salesEast',
    is: 'the employee the employee record is about; filed the grievances',
  },
} as const satisfies Record<string, { roles: readonly Role[]; unit: MatrixUnit | null; is: string }>;
export type ActorName = keyof typeof matrixActors;
export const actorNames = Object.keys(matrixActors) as ActorName[];

/**
 * The records the tables name as `{placeholder}` (in bodies, queries and path parameters). Each resource has its own
 * shared record besides, described in its row; writes act on a fresh copy made the same way (see `given`).
 */
export const matrixRecords = {
  customer: 'a customer created by owner, with backup as backup owner',
  employeeRecord: "self's employee record, created by HR: employee role in Sales East, salary and a tag (sensitive)",
  colleague: "the unrelated employee's own record, in Support",
  salesEast: 'the Sales East org unit',
} as const;
export type MatrixRecord = keyof typeof matrixRecords;

/**
 * The circles of the domain's rules (docs/domain.md "Access"), spelled out for the actors above. Tables use them so
 * that a rule reads once; a table may still list actors by hand where a rule differs.
 */
export const matrixCircles = {
  /** Private customer-like records: owner, backup owner, their managers, admin, executive. */
  customer: ['admin', 'executive', 'hrExecutive', 'manager', 'owner', 'backup'],
  /** An employee's circle: HR, admin, the management chain, the employee themselves. */
  employee: ['admin', 'hr', 'hrExecutive', 'manager', 'self'],
  /** Who changes an employee record: the circle except the employee (HR keeps it). */
  employeeWriters: ['admin', 'hr', 'hrExecutive', 'manager'],
  /** HR's own records and endpoints (candidates, employee roles, employee-side surveys). */
  hr: ['admin', 'hr', 'hrExecutive'],
  /** Grievances: HR, admin, the assigned handler and the named submitter. */
  grievance: ['admin', 'hr', 'hrExecutive', 'handler', 'self'],
  /** Staff: everyone but plain employees. */
  staff: [
    'admin',
    'executive',
    'hrExecutive',
    'manager',
    'manager2',
    'hr',
    'marketing',
    'owner',
    'agent2',
    'backup',
    'handler',
  ],
  /** Plain employees. */
  employees: ['employee', 'self'],
  everyone: actorNames,
} as const satisfies Record<string, readonly ActorName[]>;

/**
 * What an actor gets:
 * - `allow`: 2xx; a read shows the full record, a list or export includes it;
 * - `directory`: a read answers the directory form (`access: 'directory'`, no sensitive field), a list or export
 *   includes it in that form;
 * - `absent`: the list or export answers 200 without the record;
 * - `deny404`: not found — a record you may not see (or change) does not exist for you;
 * - `deny403`: forbidden — a role check on the whole endpoint, or a record you see but may not change this way;
 * - `deny400`: a body reference to a record you may not see is refused like an unknown one.
 */
export type Outcome = 'allow' | 'directory' | 'absent' | 'deny404' | 'deny403' | 'deny400';

/** Outcome per actor: the actors listed under an outcome get it, everyone else gets `otherwise`. */
export type Expectation = Partial<Record<Outcome, readonly ActorName[]>> & { otherwise: Outcome };

/** How a response is judged: a read (status, full or directory form), a list or export (is the record in it), a write (status). */
export type OperationKind = 'read' | 'list' | 'export' | 'write';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation: the route as the OpenAPI document spells it (`{id}` is the record), other path parameters, the
 * query and body the matrix sends (`{name}` placeholders: the record's `{version}`, `{roleVersion}`, fixture
 * records such as `{customer}`, `{n}` a fresh number), and the outcomes.
 * `given` — writes act on a fresh record made like the shared one, unless: `shared` (the shared record itself,
 * for a change that keeps it as it was in every respect the matrix reads), or the state the fresh record is put in
 * first (`deleted`, `merged`, `twin`: a second record to merge into, `open`, `finished`).
 */
export interface MatrixOperation {
  route: `${Method} /api/${string}`;
  as?: OperationKind;
  params?: Record<string, string>;
  query?: string;
  body?: Record<string, unknown>;
  /** Raw CSV sent as the body (uploads). */
  upload?: string;
  given?: 'shared' | 'deleted' | 'merged' | 'twin' | 'open' | 'finished';
  expect: Expectation;
}

/** An operation the resource does not offer, and why (no route exists for it). */
export interface NotOffered {
  none: string;
}

export interface MatrixResource {
  resource: string;
  /** Which record, in the words of the fixture. */
  record: string;
  /** The organisation's customer-visibility setting for this row (default private). */
  visibility?: Visibility;
  read: MatrixOperation | NotOffered;
  list: MatrixOperation | NotOffered;
  update: MatrixOperation | NotOffered;
  delete: MatrixOperation | NotOffered;
  export: MatrixOperation | NotOffered;
  /** Every other route on the resource (create, history, sub-resources…), with its own outcomes. */
  more?: Record<string, MatrixOperation>;
}

export interface MatrixTable {
  /** This table's file and the files holding the rules it specifies (paths under server/src). */
  file: string;
  rules: readonly string[];
  resources: readonly MatrixResource[];
}

/** A route no table covers, and why it has no place in a role × record matrix. */
export interface OutsideTheMatrix {
  route: `${Method} /api/${string}`;
  reason: string;
}
