import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

// Key-person risk in SQL (docs/metrics.md "Key-person risk"). Reads parties' join contract (owner and backup owner,
// liveness), the party_membership view and commerce's transaction table (a published contract for analytics).
// A customer is a live party that is not on the employee side; its revenue is the net sum of its transactions in
// the window and currency, floored at 0 (a customer whose refunds outweigh its sales adds nothing).

export interface Window {
  orgId: string;
  from: Date;
  to: Date;
  currency: string;
}

/** One row per live customer with its revenue in the window; `extra` adds columns over `p`. */
function customers(w: Window, extra: RawBuilder<unknown> = sql``) {
  return sql`
    select p.id, p.display_name, p.owner_id, p.backup_owner_id ${extra},
      greatest(coalesce(sum(t.amount), 0), 0) as x
    from party p
    left join transaction t on t.org_id = p.org_id and t.party_id = p.id and t.currency = ${w.currency}
      and t.occurred_at >= ${w.from} and t.occurred_at < ${w.to}
    where p.org_id = ${w.orgId} and p.deleted_at is null and p.merged_into_id is null
      and not exists (select 1 from party_membership m where m.org_id = p.org_id and m.party_id = p.id
        and m.role in ('employee', 'candidate'))
    group by p.org_id, p.id`;
}

/** A customer's backup is real: an active user other than its owner. */
const covered = sql`(c.backup_owner_id is not null and c.backup_owner_id is distinct from c.owner_id
  and b.active is true)`;

/** The currency with the most transactions in the window (ties by code), or null. */
export async function mainCurrency(db: Db, orgId: string, from: Date, to: Date): Promise<string | null> {
  const { rows } = await sql<{ currency: string }>`
    select currency from transaction where org_id = ${orgId} and occurred_at >= ${from} and occurred_at < ${to}
    group by currency order by count(*) desc, currency limit 1`.execute(db);
  return rows[0]?.currency ?? null;
}

export interface OwnerRow {
  user_id: string;
  name: string;
  active: boolean;
  party_id: string | null;
  org_unit_id: string | null;
  customers: number;
  customers_covered: number;
  revenue: number;
  covered_revenue: number;
}

/** Per owner in scope (`scope` over the user aliased `u`), and the organisation's totals. */
export async function ownerRows(
  db: Db,
  w: Window,
  scope: Expression<SqlBool>,
): Promise<{ owners: OwnerRow[]; orgRevenue: number; unowned: number }> {
  const { rows } = await sql<OwnerRow & { org_revenue: number; unowned: number }>`
    with c as (${customers(w)}),
    org as (select coalesce(sum(x), 0)::float8 as total,
      coalesce(sum(x) filter (where owner_id is null), 0)::float8 as unowned from c)
    select u.id as user_id, u.display_name as name, u.active, u.party_id, u.org_unit_id,
      count(*)::int as customers, (count(*) filter (where ${covered}))::int as customers_covered,
      sum(c.x)::float8 as revenue, coalesce(sum(c.x) filter (where ${covered}), 0)::float8 as covered_revenue,
      (select total from org) as org_revenue, (select unowned from org) as unowned
    from c join app_user u on u.org_id = ${w.orgId} and u.id = c.owner_id
    left join app_user b on b.org_id = ${w.orgId} and b.id = c.backup_owner_id
    where ${scope}
    group by u.org_id, u.id
    order by revenue desc, u.display_name, u.id`.execute(db);
  if (rows.length) {
    const first = rows[0] as { org_revenue: number; unowned: number };
    return { owners: rows, orgRevenue: first.org_revenue, unowned: first.unowned };
  }
  const { rows: totals } = await sql<{ total: number; unowned: number }>`
    with c as (${customers(w)})
    select coalesce(sum(x), 0)::float8 as total, coalesce(sum(x) filter (where owner_id is null), 0)::float8 as unowned
    from c`.execute(db);
  const t = totals[0] ?? { total: 0, unowned: 0 };
  return { owners: [], orgRevenue: t.total, unowned: t.unowned };
}

export interface LossRow {
  segment: string | null;
  customers: number;
  revenue: number;
}
export interface LostCustomer {
  party_id: string;
  name: string;
  owner_id: string;
  revenue: number;
  segment: string | null;
}

/**
 * What the departure of `userIds` leaves: the customers they own whose backup is missing, inactive, the owner, or
 * leaving too — by RFM segment (`segmentOf`, value's newest snapshot) — and those an active backup keeps.
 */
export async function departureLoss(
  db: Db,
  w: Window,
  userIds: string[],
  segmentOf: (partyRef: RawBuilder<unknown>) => RawBuilder<string | null>,
): Promise<{ bySegment: LossRow[]; covered: { customers: number; revenue: number }; list: LostCustomer[] }> {
  const ids = sql`(${sql.join(userIds.map((id) => sql`${id}::uuid`))})`;
  const lost = sql`(c.owner_id in ${ids} and not (c.has_backup and c.backup_owner_id not in ${ids}))`;
  const base = sql`
    with c as (${customers(w, sql`, ${segmentOf(sql`p.id`)} as segment`)})
    select c.*, ${covered} as has_backup
    from c left join app_user b on b.org_id = ${w.orgId} and b.id = c.backup_owner_id`;
  const { rows: bySegment } = await sql<LossRow>`
    with r as (${base}) select c.segment, count(*)::int as customers, sum(c.x)::float8 as revenue
    from r c where ${lost} group by c.segment order by revenue desc, c.segment nulls last`.execute(db);
  const { rows: keptRows } = await sql<{ customers: number; revenue: number }>`
    with r as (${base}) select count(*)::int as customers, coalesce(sum(c.x), 0)::float8 as revenue
    from r c where c.owner_id in ${ids} and not ${lost}`.execute(db);
  const { rows: list } = await sql<LostCustomer>`
    with r as (${base}) select c.id as party_id, c.display_name as name, c.owner_id, c.x::float8 as revenue, c.segment
    from r c where ${lost} order by c.x desc, c.id limit 500`.execute(db);
  return { bySegment, covered: keptRows[0] ?? { customers: 0, revenue: 0 }, list };
}

/** Which of `userIds` are owners in scope (users of the organisation the actor may see here). */
export async function usersInScope(db: Db, orgId: string, userIds: string[], scope: Expression<SqlBool>) {
  const { rows } = await sql<{ id: string }>`
    select u.id from app_user u where u.org_id = ${orgId}
      and u.id in (${sql.join(userIds.map((id) => sql`${id}::uuid`))}) and ${scope}`.execute(db);
  return new Set(rows.map((r) => r.id));
}
