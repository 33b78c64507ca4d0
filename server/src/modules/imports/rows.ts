import type { z } from 'zod';
import {
  createInteractionSchema,
  createPartySchema,
  type CreateInteraction,
  type CreateParty,
  type PartyRef,
} from '../parties/index.ts';
import {
  CellError,
  parseAmount,
  parseDay,
  parseGender,
  parseKind,
  parseLevel,
  parseMoment,
  parseRoles,
  parseStage,
  perRoleValues,
  splitList,
  splitPhones,
} from './values.ts';
import type { ImportEntity } from './imports.tables.ts';
import { cellText, type Cell } from './reader.ts';

/** How a row names a party (interactions, transactions). */
export type { PartyRef };

/** A row-level problem: the column (header) it is about, a code and a message. */
export interface RowIssue {
  column: string | null;
  code: string;
  message: string;
  value?: string | null;
}

/** How names in cells become ids: users by id, email or name; org units by id or name. */
export interface Lookups {
  /** Undefined for a name several users share (an email or id is never ambiguous). */
  user(v: string): string | undefined;
  ambiguousUser(v: string): boolean;
  orgUnit(v: string): string | undefined;
}

export interface Column {
  index: number;
  header: string;
  target: string;
}

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_VALUE_IN_REPORT = 200;
const shown = (v: Cell | undefined) => {
  const s = cellText(v ?? null);
  return s.length > MAX_VALUE_IN_REPORT ? `${s.slice(0, MAX_VALUE_IN_REPORT)}…` : s;
};

/** Collects a row's values by field, converting cells; conversion problems become issues of their column. */
export class RowValues {
  readonly issues: RowIssue[] = [];
  readonly columnOf = new Map<string, string>();
  constructor(
    private readonly cells: Cell[],
    private readonly columns: Column[],
  ) {
    for (const c of columns) {
      if (!this.columnOf.has(c.target)) {
        this.columnOf.set(c.target, c.header);
      }
    }
    for (const c of columns) {
      const v = cells[c.index];
      if (typeof v === 'string' && v.includes('\uFFFD')) {
        this.issues.push({
          column: c.header,
          code: 'invalid_encoding',
          message: 'This cell is not valid in the file’s encoding (a file mixing encodings?): save the file as UTF-8',
          value: shown(v),
        });
      }
    }
  }
  private cellsOf(target: string) {
    return this.columns
      .filter((c) => c.target === target)
      .map((c) => ({ header: c.header, cell: this.cells[c.index] ?? null }))
      .filter((x) => cellText(x.cell).trim() !== '');
  }
  /** The first non-empty cell of the field, converted; undefined when empty or unconvertible (then an issue is recorded). */
  one<T = string>(target: string, convert: (c: Cell) => T = (c) => cellText(c).trim() as T): T | undefined {
    const x = this.cellsOf(target)[0];
    if (!x) {
      return undefined;
    }
    try {
      return convert(x.cell);
    } catch (err) {
      if (err instanceof CellError) {
        this.issues.push({ column: x.header, code: err.code, message: err.message, value: shown(x.cell) });
        return undefined;
      }
      throw err;
    }
  }
  many(target: string, split: (c: Cell) => string[]): string[] | undefined {
    const xs = this.cellsOf(target);
    return xs.length ? xs.flatMap((x) => split(x.cell)) : undefined;
  }
  has(target: string) {
    return this.cellsOf(target).length > 0;
  }
  targets() {
    return [...new Set(this.columns.map((c) => c.target))];
  }
  issue(target: string, code: string, message: string) {
    this.issues.push({
      column: this.columnOf.get(target) ?? null,
      code,
      message,
      value: shown(this.cells[this.columns.find((c) => c.target === target)?.index ?? -1]),
    });
  }
}

/** Which column a zod issue path (or a bulk failure path) is about. */
function columnOfPath(rv: RowValues, path: PropertyKey[]): string | null {
  const [first, , third, fourth] = path;
  let target = String(first ?? '');
  if (first === 'roles') {
    target =
      third === 'employment'
        ? String(fourth ?? '')
        : third === 'stage' || third === 'level' || third === 'stakeholderGroup'
          ? String(third)
          : 'roles';
    if (target === 'orgUnitId') {
      target = 'orgUnit';
    }
    if (target === 'managerId') {
      target = 'manager';
    }
  } else if (first === 'address') {
    target = third === undefined && path[1] && path[1] !== 'text' ? String(path[1]) : 'address';
  } else if (first === 'custom') {
    target = `custom.${String(path[1] ?? '')}`;
  } else if (first === 'ownerId') {
    target = 'owner';
  } else if (first === 'userId') {
    target = 'user';
  }
  return rv.columnOf.get(target) ?? (first === 'displayName' ? (rv.columnOf.get('company') ?? null) : null);
}

export function zodIssues(rv: { columnOf: Map<string, string> }, error: z.ZodError): RowIssue[] {
  return error.issues.map((i) => ({
    column: columnOfPath(rv as RowValues, i.path),
    code: i.code === 'custom' ? 'invalid' : i.code,
    message: i.message,
  }));
}

export function failureIssue(
  columns: Column[],
  f: { code: string; message: string; path: (string | number)[] },
): RowIssue {
  const rv = new RowValues([], columns);
  return { column: columnOfPath(rv, f.path), code: f.code, message: f.message };
}

/** The name and kind: displayName, else the company (an organisation), else family and given names in their order. */
function nameOf(rv: RowValues, entity: ImportEntity) {
  const company = rv.one('company');
  const familyName = rv.one('familyName');
  const givenName = rv.one('givenName');
  let displayName = rv.one('displayName');
  let kind = rv.one('kind', parseKind) as 'person' | 'organization' | undefined;
  const facts: Record<string, string> = {};
  // A person's company becomes a works_at link to the organisation (matched or created by the writer).
  let worksAt: string | undefined;
  if (!displayName && company && entity === 'parties') {
    displayName = company;
    kind ??= 'organization';
  } else if (company && entity === 'parties' && (kind ?? 'person') === 'person') {
    worksAt = company;
  } else if (company) {
    facts.company = company;
  }
  if (!displayName && (familyName || givenName)) {
    const latin = /^[\p{Script=Latin}\s'-]+$/u.test(`${familyName ?? ''}${givenName ?? ''}`);
    displayName = latin ? [givenName, familyName].filter(Boolean).join(' ') : `${familyName ?? ''}${givenName ?? ''}`;
  }
  return { displayName, kind, familyName, givenName, facts, worksAt };
}

/** The user a column names (by id, email or name); an unknown one is an issue of the column. */
function userOf(rv: RowValues, target: string, lookups: Lookups): string | undefined {
  const v = rv.one(target);
  if (!v) {
    return undefined;
  }
  const id = lookups.user(v);
  if (!id && lookups.ambiguousUser(v)) {
    rv.issue(target, 'ambiguous_reference', 'Several users have this name: use their email');
  } else if (!id) {
    rv.issue(target, 'unknown_reference', 'No user with this id, email or name');
  }
  return id;
}

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Roles: a roles column ("customer:new partner"), else the default role; stage, level and group apply to the first. */
function rolesOf(rv: RowValues, entity: ImportEntity, defaultRole: string): Record<string, unknown>[] {
  const listed = rv.one('roles', parseRoles) ?? [];
  const roles: Record<string, unknown>[] = (
    listed.length ? listed : [{ role: entity === 'employees' ? 'employee' : defaultRole }]
  ).map((r) => ({ ...r }));
  if (entity === 'employees' && !roles.some((r) => r.role === 'employee')) {
    roles.unshift({ role: 'employee' });
  }
  // One value applies to the first role; as many values as roles (a readable export's "新顾客; 稳定期") to each.
  const spread = (target: string, apply: (role: Record<string, unknown>, v: string) => void) => {
    const vs = perRoleValues(rv.one(target) ?? '');
    vs.slice(0, vs.length === roles.length ? vs.length : 1).forEach((v, i) =>
      apply(roles[i] as Record<string, unknown>, v),
    );
  };
  spread('stage', (r, v) => (r.stage = parseStage(v)));
  spread('level', (r, v) => Object.assign(r, defined(parseLevel(v))));
  spread('stakeholderGroup', (r, v) => (r.stakeholderGroup = v));
  return roles;
}

/** An employee row's employment facts (on its employee role), with its org unit and manager resolved. */
function employmentOf(rv: RowValues, lookups: Lookups): Record<string, unknown> {
  const e: Record<string, unknown> = {};
  e.employeeNo = rv.one('employeeNo');
  e.hireDate = rv.one('hireDate', parseDay);
  e.jobTitle = rv.one('jobTitle');
  e.careerTrack = rv.one('careerTrack');
  e.grade = rv.one('grade');
  e.salary = rv.one('salary', parseAmount);
  e.exitDate = rv.one('exitDate', parseDay);
  e.exitReason = rv.one('exitReason');
  const unit = rv.one('orgUnit');
  if (unit) {
    e.orgUnitId = lookups.orgUnit(unit);
    if (!e.orgUnitId) {
      rv.issue('orgUnit', 'unknown_reference', 'No org unit with this id or name');
    }
  }
  e.managerId = userOf(rv, 'manager', lookups);
  return defined(e);
}

/** A spreadsheet row → a createPartySchema value (parties and employees), or its issues. */
export function partyRow(
  entity: ImportEntity,
  cells: Cell[],
  columns: Column[],
  lookups: Lookups,
  defaultRole: string,
): { input?: CreateParty; issues: RowIssue[]; company?: { name: string; jobTitle: string | null } } {
  const rv = new RowValues(cells, columns);
  const { displayName, kind, familyName, givenName, facts, worksAt } = nameOf(rv, entity);
  const ownerId = userOf(rv, 'owner', lookups);
  const address = defined({
    text: rv.one('address'),
    city: rv.one('city'),
    region: rv.one('region'),
    country: rv.one('country'),
  });
  const custom: Record<string, string> = {};
  for (const t of rv.targets().filter((t) => t.startsWith('custom.'))) {
    const v = rv.one(t);
    if (v !== undefined) {
      custom[t.slice(7)] = v;
    }
  }
  const roles = rolesOf(rv, entity, defaultRole);
  if (entity === 'employees') {
    const employment = employmentOf(rv, lookups);
    if (Object.keys(employment).length) {
      (roles.find((r) => r.role === 'employee') as Record<string, unknown>).employment = employment;
    }
  }
  const raw = {
    kind: kind ?? 'person',
    displayName,
    externalId: rv.one('externalId'),
    givenName,
    familyName,
    emails: rv.many('emails', (c) => splitList(c, /[,，;；、\s]+/).map((s) => s.toLowerCase())),
    phones: rv.many('phones', splitPhones),
    birthday: rv.one('birthday', parseDay),
    gender: rv.one('gender', parseGender),
    address: Object.keys(address).length ? address : undefined,
    locale: rv.one('locale'),
    tags: rv.many('tags', (c) => splitList(c, /[,，;；、|\s]+/)),
    ownerId,
    custom: Object.keys(custom).length ? custom : undefined,
    profile: Object.keys(facts).length ? { facts } : undefined,
    roles,
  };
  if (!displayName && !rv.issues.length) {
    rv.issues.push({
      column: rv.columnOf.get('displayName') ?? null,
      code: 'required',
      message: 'A name is required (姓名 / displayName, or 姓 and 名, or 公司 for an organisation)',
    });
  }
  if (rv.issues.length) {
    return { issues: rv.issues };
  }
  const parsed = createPartySchema.safeParse(defined(raw));
  if (!parsed.success) {
    return { issues: zodIssues(rv, parsed.error) };
  }
  const company = worksAt ? { name: worksAt, jobTitle: rv.one('jobTitle') ?? null } : undefined;
  return { input: parsed.data, issues: [], ...(company ? { company } : {}) };
}

/** A spreadsheet row → an interaction (party still to resolve), or its issues. */
export function interactionRow(
  cells: Cell[],
  columns: Column[],
  lookups: Lookups,
): { input?: Omit<CreateInteraction, 'partyId'>; ref?: PartyRef; issues: RowIssue[]; columnOf: Map<string, string> } {
  const rv = new RowValues(cells, columns);
  let ref: PartyRef | undefined;
  for (const [target, by] of [
    ['partyId', 'id'],
    ['partyExternalId', 'externalId'],
    ['partyEmail', 'email'],
    ['partyPhone', 'phone'],
    ['partyName', 'name'],
  ] as const) {
    const v = rv.one(target);
    if (v) {
      if (by === 'id' && !uuidRe.test(v)) {
        rv.issue(target, 'invalid_uuid', 'Not a party id');
      }
      ref = { by, value: by === 'email' ? v.toLowerCase() : v };
      break;
    }
  }
  if (!ref && !rv.issues.length) {
    rv.issues.push({
      column: null,
      code: 'required',
      message: 'Name the party: map a column to partyExternalId, partyEmail, partyPhone, partyName or partyId',
    });
  }
  const userId = userOf(rv, 'user', lookups);
  const raw = {
    partyId: '00000000-0000-4000-8000-000000000000',
    channel: rv.one('channel', (c) => cellText(c).trim().toLowerCase()) ?? 'other',
    direction: rv.one('direction', (c) => cellText(c).trim().toLowerCase()),
    occurredAt: rv.one('occurredAt', parseMoment),
    subject: rv.one('subject'),
    body: rv.one('body', (c) => cellText(c)),
    outcome: rv.one('outcome'),
    sentiment: rv.one('sentiment', (c) => cellText(c).trim().toLowerCase()),
    userId,
  };
  if (rv.issues.length) {
    return { issues: rv.issues, columnOf: rv.columnOf };
  }
  const parsed = createInteractionSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    return { issues: zodIssues(rv, parsed.error), columnOf: rv.columnOf };
  }
  const { partyId: _p, ...input } = parsed.data;
  return { input, ref, issues: [], columnOf: rv.columnOf };
}
