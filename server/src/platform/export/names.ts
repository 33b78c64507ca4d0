import type { Db } from '../db/database.ts';
import { orgUnitsRepository } from '../identity/org-units.repository.ts';
import { usersRepository } from '../identity/users.repository.ts';

/** User id → the name of that user's org unit, for readable exports (one query each for users and units). */
export async function unitsOfUsers(
  db: Db,
  orgId: string,
): Promise<(userId: string | null | undefined) => string | null> {
  const [users, units] = await Promise.all([usersRepository.directory(db, orgId), orgUnitsRepository.names(db, orgId)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byUser = new Map(users.map((u) => [u.id, u.org_unit_id ? (unitName.get(u.org_unit_id) ?? null) : null]));
  return (userId) => (userId ? (byUser.get(userId) ?? null) : null);
}
