import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { EmployeeIncentiveTable } from '../people.tables.ts';
import type { ListIncentivesQuery } from './incentives.schema.ts';

const columns = [
  'i.id',
  'i.party_id',
  'i.type',
  'i.given_on',
  'i.note',
  'i.given_by',
  'i.amount',
  'i.monthly_pay',
  'i.created_at',
  // The share of monthly pay, to 4 decimals (docs/metrics.md "Raise share").
  sql<string | null>`case when i.amount is not null and i.monthly_pay > 0
    then round(i.amount / i.monthly_pay, 4)::text end`.as('share'),
] as const;

export const incentivesRepository = {
  async insert(db: Db, row: Insertable<EmployeeIncentiveTable>) {
    const { id } = await db.insertInto('employee_incentive').values(row).returning('id').executeTakeFirstOrThrow();
    return db
      .selectFrom('employee_incentive as i')
      .select(columns)
      .where('i.org_id', '=', row.org_id)
      .where('i.id', '=', id)
      .executeTakeFirstOrThrow();
  },

  list(db: Db, orgId: string, partyId: string, f: ListIncentivesQuery) {
    let q = db
      .selectFrom('employee_incentive as i')
      .select(columns)
      .where('i.org_id', '=', orgId)
      .where('i.party_id', '=', partyId);
    if (f.type) {
      q = q.where('i.type', '=', f.type);
    }
    if (f.from) {
      q = q.where('i.given_on', '>=', f.from);
    }
    if (f.to) {
      q = q.where('i.given_on', '<=', f.to);
    }
    return q.orderBy('i.given_on', 'desc').orderBy('i.created_at', 'desc').limit(1000).execute();
  },

  /** A user of the organisation (the giver), or undefined. */
  userExists: (db: Db, orgId: string, userId: string) =>
    db.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('id', '=', userId).executeTakeFirst(),
};
