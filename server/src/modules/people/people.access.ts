import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { managedUnitIds } from '../../platform/access/access.ts';
import { reportPartyIds } from '../parties/index.ts';

/**
 * Who sees and changes what of an employee (docs/domain.md "Access"). Everything here is about one employee's
 * circle: the employee themselves, HR and admin, and their management chain (direct and indirect, through the
 * manager field or the units a manager runs). Executives as such are not in it. Outside the circle a record does
 * not exist (404); inside it, an operation the reader's relation does not allow is forbidden (403).
 */
export type Relation = 'self' | 'hr' | 'chain';

/**
 * The actor's relation to the employee aliased `p`, in SQL. `self` comes first: nobody acts on their own file as
 * HR or as their own manager (a manager who works in the unit they run is in their own "chain").
 */
export function relationSql(actor: Actor): RawBuilder<Relation | null> {
  const self = actor.partyId ? sql`when p.id = ${actor.partyId} then 'self'` : sql``;
  const hr = hasRole(actor, 'hr', 'admin') ? sql`when true then 'hr'` : sql``;
  return sql<Relation | null>`(case ${self} ${hr} when p.id in ${reportPartyIds(actor)} then 'chain' else null end)`;
}

type Rule = { read: readonly Relation[]; write: readonly Relation[] };

/** Per kind of record about an employee: which relations read it and which change it. */
export const employeeRules = {
  /** The file (employment, pay, contracts, training, promotions): HR changes it; managers and the employee read. */
  file: { read: ['self', 'hr', 'chain'], write: ['hr'] },
  /** Renewal intent of a contract: HR and the management chain (it is their call to make). */
  renewalIntent: { read: ['self', 'hr', 'chain'], write: ['hr', 'chain'] },
  training: { read: ['self', 'hr', 'chain'], write: ['hr', 'chain'] },
  incentives: { read: ['self', 'hr', 'chain'], write: ['hr', 'chain'] },
  /** Appraisals: the chain scores while a cycle is open; the employee reads their own after it closes. */
  appraisal: { read: ['self', 'hr', 'chain'], write: ['hr', 'chain'] },
  /** Improvement plans are made by HR with the management chain. */
  plan: { read: ['self', 'hr', 'chain'], write: ['hr', 'chain'] },
  /** 1:1s are held by someone in the chain (or HR) with the employee. */
  oneOnOne: { read: ['self', 'hr', 'chain'], write: ['hr', 'chain'] },
  /** Why someone left is HR's: people often leave their manager, so the chain does not read exit interviews. */
  exitInterview: { read: ['self', 'hr'], write: ['hr'] },
} as const satisfies Record<string, Rule>;
export type EmployeeRecordKind = keyof typeof employeeRules;

/** Refuses what the relation does not allow: not found outside the circle, forbidden inside it. */
export function requireRelation(relation: Relation | null, kind: EmployeeRecordKind, mode: 'read' | 'write'): Relation {
  const rule: Rule = employeeRules[kind];
  if (!relation || !rule.read.includes(relation)) {
    throw notFound('Employee');
  }
  if (mode === 'write' && !rule.write.includes(relation)) {
    throw new AppError('FORBIDDEN', 'You may read this but not change it');
  }
  return relation;
}

/** HR's side of the module (cycles, exits, settings, analytics of individuals). */
export const isHr = (actor: Actor) => hasRole(actor, 'hr', 'admin');

/**
 * Records about an employee aliased `p` that the actor may read under `kind` (lists). Self-service lists add
 * their own condition on top (an employee sees their appraisal's scores only after the cycle closes).
 */
export function employeeRecordVisible(actor: Actor, kind: EmployeeRecordKind): Expression<SqlBool> {
  const allowed = employeeRules[kind].read as readonly string[];
  return sql<SqlBool>`${relationSql(actor)} in (${sql.join(allowed)})`;
}

/** A 1:1 (aliased `o`): its two participants, and HR and admin. Notes are private to them (docs/domain.md). */
export function oneOnOneVisible(actor: Actor): Expression<SqlBool> {
  if (isHr(actor)) {
    return sql<SqlBool>`true`;
  }
  const self = actor.partyId ? sql`or o.party_id = ${actor.partyId}` : sql``;
  return sql<SqlBool>`(o.manager_id = ${actor.userId} ${self})`;
}

/** Turnover for a manager covers their reports only; HR, admin and executives see the organisation (aggregates). */
export function turnoverScope(actor: Actor, partyCol: string): Expression<SqlBool> {
  if (hasRole(actor, 'hr', 'admin', 'executive')) {
    return sql<SqlBool>`true`;
  }
  return sql<SqlBool>`${sql.ref(partyCol)} in ${reportPartyIds(actor)}`;
}

/**
 * Attrition risk and contract renewals (docs/metrics.md "Attrition risk"): HR and admin score the organisation, a
 * manager their direct and indirect reports (over the party aliased `p`). Other roles are refused at the endpoint.
 */
export function attritionScope(actor: Actor): Expression<SqlBool> {
  return isHr(actor) ? sql<SqlBool>`true` : sql<SqlBool>`p.id in ${reportPartyIds(actor)}`;
}

/** Every employee: for aggregates no reader sees row by row (the back-test, other modules' key-person risk). */
export const everyEmployee = (): Expression<SqlBool> => sql<SqlBool>`true`;

/**
 * PDCA cycles and vision reviews (aliased `x`): HR and admin read and change all; executives read all; a manager
 * reads and changes those of the units they manage (and the units below them).
 */
export function programVisible(actor: Actor, mode: 'read' | 'write'): Expression<SqlBool> {
  if (isHr(actor) || (mode === 'read' && hasRole(actor, 'executive'))) {
    return sql<SqlBool>`true`;
  }
  if (hasRole(actor, 'manager')) {
    return sql<SqlBool>`(x.org_unit_id in ${managedUnitIds(actor)})`;
  }
  return sql<SqlBool>`false`;
}

/** Vision reviews (aliased `x`): as programVisible, and everyone reads their own unit's and the organisation's. */
export function visionVisible(actor: Actor, mode: 'read' | 'write'): Expression<SqlBool> {
  const base = programVisible(actor, mode);
  if (mode === 'write') {
    return base;
  }
  const units = sql`(select m.org_unit_id from party_membership m where m.org_id = ${actor.orgId}
    and m.party_id = ${actor.partyId}::uuid and m.role = 'employee' and m.org_unit_id is not null)`;
  return sql<SqlBool>`(${base} or x.org_unit_id is null or x.org_unit_id = ${actor.orgUnitId}::uuid
    or x.org_unit_id in ${units})`;
}
