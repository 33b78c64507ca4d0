import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { partyFieldConditions } from '../../parties/index.ts';
import type { Condition, SegmentRule, SnapshotNumberField } from './rule.schema.ts';

// A segment's rule tree compiled to one SQL condition over the party aliased `p` (docs/metrics.md "Segments").
// Fields and operators come from the schema's closed lists; every value is a bound parameter. Roles, stages and
// groups read parties' `party_membership` view, purchases commerce's tables (their published contracts), value
// scores the latest value snapshot — never recomputed here.

export interface CompileContext {
  orgId: string;
  /** The value snapshot run that value conditions read; null: none yet (they match no one). */
  runId: string | null;
  /** "Within n days" counts back from this instant. */
  now: Date;
}

const textArray = (xs: readonly string[]) => sql`${sql.val([...xs])}::text[]`;
const uuidArray = (xs: readonly string[]) => sql`${sql.val([...xs])}::uuid[]`;
const utcDay = (day: string) => sql`(${day}::date::timestamp at time zone 'UTC')`;

const membership = (cond: RawBuilder<unknown>) =>
  sql<SqlBool>`exists (select 1 from party_membership pm where pm.org_id = p.org_id and pm.party_id = p.id and ${cond})`;

/** Purchases: transactions of a positive amount (refunds are not purchases). */
const purchase = (cond: RawBuilder<unknown> = sql`true`) =>
  sql<SqlBool>`exists (select 1 from "transaction" t where t.org_id = p.org_id and t.party_id = p.id and t.amount > 0 and ${cond})`;

const boughtCategories = (cats: readonly string[]) => sql`
  from "transaction" t
  join transaction_line l on l.org_id = t.org_id and l.transaction_id = t.id
  join product pr on pr.org_id = l.org_id and pr.id = l.product_id
  where t.org_id = p.org_id and t.party_id = p.id and t.amount > 0 and pr.category = any(${textArray(cats)})`;

function categories(op: 'any' | 'all' | 'none', cats: readonly string[]): Expression<SqlBool> {
  const wanted = [...new Set(cats)];
  switch (op) {
    case 'any':
      return sql<SqlBool>`exists (select 1 ${boughtCategories(wanted)})`;
    case 'none':
      return sql<SqlBool>`not exists (select 1 ${boughtCategories(wanted)})`;
    case 'all':
      return sql<SqlBool>`((select count(distinct pr.category) ${boughtCategories(wanted)}) = ${wanted.length})`;
  }
}

/** The org units named and every unit below them. */
const unitTree = (orgId: string, ids: readonly string[]) => sql`(
  with recursive sub(id) as (
    select ou.id from org_unit ou where ou.org_id = ${orgId} and ou.id = any(${uuidArray(ids)})
    union
    select c.id from org_unit c join sub on c.parent_id = sub.id where c.org_id = ${orgId}
  ) select id from sub)`;

const snapshotColumns: Record<SnapshotNumberField | 'rfmSegment' | 'valueClass', string> = {
  clv: 'clv',
  monetary: 'monetary',
  frequency: 'frequency',
  recencyDays: 'recency_days',
  r: 'r',
  f: 'f',
  m: 'm',
  rfmSegment: 'rfm_segment',
  valueClass: 'value_class',
};

function snapshot(c: CompileContext, cond: RawBuilder<unknown>): Expression<SqlBool> {
  if (!c.runId) {
    return sql<SqlBool>`false`;
  }
  return sql<SqlBool>`exists (select 1 from value_snapshot vs where vs.org_id = p.org_id and vs.run_id = ${c.runId}
    and vs.party_id = p.id and ${cond})`;
}

function lastPurchase(cond: Extract<Condition, { field: 'lastPurchase' }>, c: CompileContext): Expression<SqlBool> {
  switch (cond.op) {
    case 'after':
      return purchase(sql`t.occurred_at >= ${utcDay(cond.value)}`);
    case 'before':
      return sql<SqlBool>`(${purchase()} and not ${purchase(sql`t.occurred_at >= ${utcDay(cond.value)}`)})`;
    case 'withinDays':
      return purchase(sql`t.occurred_at >= ${new Date(c.now.getTime() - cond.value * 86_400_000)}`);
    case 'notWithinDays':
      return sql<SqlBool>`not ${purchase(sql`t.occurred_at >= ${new Date(c.now.getTime() - cond.value * 86_400_000)}`)}`;
    case 'never':
      return sql<SqlBool>`not ${purchase()}`;
  }
}

function condition(cond: Condition, c: CompileContext): Expression<SqlBool> {
  switch (cond.field) {
    case 'kind':
      return sql<SqlBool>`p.kind = any(${textArray(cond.value)})`;
    case 'role':
      return membership(sql`pm.role = any(${textArray(cond.value)})`);
    case 'stage':
      return membership(
        cond.role
          ? sql`pm.stage = any(${textArray(cond.value)}) and pm.role = ${cond.role}`
          : sql`pm.stage = any(${textArray(cond.value)})`,
      );
    case 'stakeholderGroup':
      return membership(sql`pm.stakeholder_group = any(${textArray(cond.value)})`);
    case 'tags':
      return partyFieldConditions.tags(cond.op, cond.value);
    case 'owner':
      return cond.op === 'none'
        ? sql<SqlBool>`p.owner_id is null`
        : sql<SqlBool>`p.owner_id = any(${uuidArray(cond.value)})`;
    case 'party':
      return sql<SqlBool>`p.id = any(${uuidArray(cond.value)})`;
    case 'orgUnit': {
      const units = unitTree(c.orgId, cond.value);
      return sql<SqlBool>`(p.owner_id in (select u.id from app_user u where u.org_id = ${c.orgId} and u.org_unit_id in ${units})
        or ${membership(sql`pm.org_unit_id in ${units}`)})`;
    }
    case 'createdAt':
      return partyFieldConditions.createdAt(cond.op, cond.value);
    case 'lastPurchase':
      return lastPurchase(cond, c);
    case 'categoriesBought':
      return categories(cond.op, cond.value);
    case 'rfmSegment':
    case 'valueClass':
      return snapshot(c, sql`${sql.ref(`vs.${snapshotColumns[cond.field]}`)} = any(${textArray(cond.value)})`);
    case 'clv':
    case 'monetary':
    case 'frequency':
    case 'recencyDays':
    case 'r':
    case 'f':
    case 'm': {
      const ops = { gte: sql`>=`, lte: sql`<=`, eq: sql`=` } as const;
      return snapshot(c, sql`${sql.ref(`vs.${snapshotColumns[cond.field]}`)} ${ops[cond.op]} ${cond.value}::numeric`);
    }
  }
}

/** The rule as one condition over the party aliased `p`. */
export function compileRule(rule: SegmentRule, c: CompileContext): Expression<SqlBool> {
  if ('and' in rule) {
    return sql<SqlBool>`(${sql.join(
      rule.and.map((r) => compileRule(r, c)),
      sql` and `,
    )})`;
  }
  if ('or' in rule) {
    return sql<SqlBool>`(${sql.join(
      rule.or.map((r) => compileRule(r, c)),
      sql` or `,
    )})`;
  }
  if ('not' in rule) {
    return sql<SqlBool>`(not ${compileRule(rule.not, c)})`;
  }
  return sql<SqlBool>`(${condition(rule, c)})`;
}
