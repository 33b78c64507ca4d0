import { sql, type Expression, type SqlBool } from 'kysely';
import { managedUnitIds } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';

// Counts for the home cards over parties' published contract (party_membership, the party's ownership columns) under
// the caller's visibility condition `visible` (over the party aliased `p`).

/** Live customers in the at-risk stage that `visible` lets the caller see; `mine` narrows to those they own or back up. */
export async function atRiskCount(db: Db, actor: Actor, visible: Expression<SqlBool>, mine = false): Promise<number> {
  const own = mine ? sql`(p.owner_id = ${actor.userId} or p.backup_owner_id = ${actor.userId})` : sql`true`;
  const { rows } = await sql<{ n: number }>`
    select count(distinct p.id)::int as n from party_membership m
    join party p on p.org_id = m.org_id and p.id = m.party_id
    where m.org_id = ${actor.orgId} and m.role = 'customer' and m.stage = 'at_risk' and ${own} and ${visible}`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}

/** The org units the actor manages (and those below them). */
export async function managedUnits(db: Db, actor: Actor): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from ${managedUnitIds(actor)} as u(id)`.execute(db);
  return rows.map((r) => r.id);
}

/** Parties with a current employee role (HR's attrition bands are over them). */
export async function employeePartyIds(db: Db, orgId: string): Promise<string[]> {
  const { rows } = await sql<{ party_id: string }>`
    select distinct party_id from party_membership where org_id = ${orgId} and role = 'employee'`.execute(db);
  return rows.map((r) => r.party_id);
}
