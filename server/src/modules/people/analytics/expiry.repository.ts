import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { employmentSource } from '../../parties/index.ts';

export interface ExpiringContract {
  contract_id: string;
  party_id: string;
  name: string;
  end_on: string;
  renewal_intent: string | null;
}

/** SQL of the contract-expiry job (docs/metrics.md "Contract-expiry tasks"). */
export const expiryRepository = {
  /** Organisations with a contract ending in the coming ten years (the job's candidates). */
  // org-scope: which organisations the contract-expiry job visits.
  async orgsWithEndingContracts(db: Db, today: string): Promise<string[]> {
    const rows = await db
      .selectFrom('employee_contract')
      .select('org_id')
      .distinct()
      .where('end_on', '>=', today)
      .execute();
    return rows.map((r) => r.org_id);
  },

  /**
   * Current employees' latest contracts ending within [today, today + days] without the intent to renew, for which
   * no task was raised for that end date yet.
   */
  async due(db: Db, orgId: string, today: string, days: number): Promise<ExpiringContract[]> {
    const d = sql`${today}::date`;
    const res = await sql<ExpiringContract>`
      with emp as (
        select distinct e.party_id from ${employmentSource(orgId)} e
        where e.ended_at is null and (e.exit_date is null or e.exit_date > ${d})
      )
      select c.id as contract_id, c.party_id, p.display_name as name, c.end_on, c.renewal_intent
      from emp
      join party p on p.org_id = ${orgId} and p.id = emp.party_id
      join lateral (select c.* from employee_contract c where c.org_id = ${orgId} and c.party_id = emp.party_id
        order by c.start_on desc, c.created_at desc limit 1) c on true
      where c.end_on >= ${d} and c.end_on <= ${d} + ${days}::int and c.renewal_intent is distinct from 'renew'
        and not exists (select 1 from contract_expiry_notice n
          where n.org_id = ${orgId} and n.contract_id = c.id and n.end_on = c.end_on)
      order by c.end_on, c.id`.execute(db);
    return res.rows;
  },

  /** Claims the notice of one contract and end date; false when it was raised already (idempotence). */
  async claim(db: Db, orgId: string, contractId: string, endOn: string): Promise<boolean> {
    const row = await db
      .insertInto('contract_expiry_notice')
      .values({ org_id: orgId, contract_id: contractId, end_on: endOn })
      .onConflict((c) => c.columns(['org_id', 'contract_id', 'end_on']).doNothing())
      .returning('contract_id')
      .executeTakeFirst();
    return Boolean(row);
  },

  setTask: (db: Db, orgId: string, contractId: string, endOn: string, taskId: string) =>
    db
      .updateTable('contract_expiry_notice')
      .set({ task_id: taskId })
      .where('org_id', '=', orgId)
      .where('contract_id', '=', contractId)
      .where('end_on', '=', endOn)
      .execute(),

  /** Who gets the task: the longest-standing active HR user, else admin. */
  async hrAssignee(db: Db, orgId: string): Promise<string | null> {
    const row = await sql<{ id: string }>`
      select id from app_user where org_id = ${orgId} and active and (roles && array['hr', 'admin']::text[])
      order by ('hr' = any(roles)) desc, created_at, id limit 1`.execute(db);
    return row.rows[0]?.id ?? null;
  },
};
