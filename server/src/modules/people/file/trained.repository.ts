import type { Db } from '../../../platform/db/database.ts';

/**
 * Of the given users, those linked to an employee record with at least one training record (the quality review's
 * interviewers are trained staff: docs/projects.md "Quality review", step 3).
 */
export async function trainedUsers(db: Db, orgId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('app_user as u')
    .select('u.id')
    .where('u.org_id', '=', orgId)
    .where('u.id', 'in', userIds)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('employee_training as t')
          .select('t.id')
          .whereRef('t.org_id', '=', 'u.org_id')
          .whereRef('t.party_id', '=', 'u.party_id'),
      ),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}
