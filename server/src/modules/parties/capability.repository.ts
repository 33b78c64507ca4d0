import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * Profile completeness of the live parties with a current customer role, for the CRM capability index
 * (docs/capability-index.md "customer_understanding"): per customer the share of the three profile parts (facts,
 * preferences, care notes) that hold anything, averaged × 100; null without customers.
 */
export async function profileCompleteness(db: Db, orgId: string): Promise<{ customers: number; share: number | null }> {
  const { rows } = await sql<{ customers: number; share: number | null }>`
    select count(*)::int as customers,
      (avg(((p.profile->'facts' <> '{}'::jsonb)::int + (p.profile->'preferences' <> '{}'::jsonb)::int
        + (p.profile->'care' <> '[]'::jsonb)::int) / 3.0) * 100)::float8 as share
    from party p
    where p.org_id = ${orgId} and p.deleted_at is null and p.merged_into_id is null
      and exists (select 1 from party_membership m where m.org_id = p.org_id and m.party_id = p.id
        and m.role = 'customer')`.execute(db);
  return rows[0] ?? { customers: 0, share: null };
}

/** Distinct channels of inbound interactions with live parties in [from, to). */
export async function inboundInteractionChannels(db: Db, orgId: string, from: Date, to: Date): Promise<string[]> {
  const { rows } = await sql<{ channel: string }>`
    select distinct i.channel from interaction i
    join party p on p.org_id = i.org_id and p.id = i.party_id
    where i.org_id = ${orgId} and i.direction = 'inbound' and i.occurred_at >= ${from} and i.occurred_at < ${to}
      and p.deleted_at is null and p.merged_into_id is null`.execute(db);
  return rows.map((r) => r.channel);
}

/** Open tasks assigned to `userId` due before `dueBefore` (the home page's "my tasks today"). */
export async function openTaskCount(db: Db, orgId: string, userId: string, dueBefore: Date): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from task t
    where t.org_id = ${orgId} and t.assignee_id = ${userId} and t.status = 'open' and t.due_at < ${dueBefore}`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}
