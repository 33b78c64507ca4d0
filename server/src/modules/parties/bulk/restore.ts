import { auditWho, type Who } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { derivedColumns } from '../party-input.ts';
import { restorePartyRow, restoreRoles } from './bulk.repository.ts';
import type { PartySnapshot } from './types.ts';

/**
 * Restores parties to snapshots taken by `bulkUpsertParties` (undo of an import's updates): the
 * party's columns, its roles as they were, and roles started since removed. In the caller's transaction.
 */
export async function restorePartySnapshots(trx: Db, who: Who, snapshots: PartySnapshot[]): Promise<number> {
  const orgId = auditWho(who).orgId;
  let restored = 0;
  for (const s of snapshots) {
    const p = s.party;
    const derived = derivedColumns({
      displayName: p.display_name,
      givenName: p.given_name,
      familyName: p.family_name,
      emails: p.emails,
      phones: p.phones,
      tags: p.tags,
    });
    if (!(await restorePartyRow(trx, orgId, p, derived))) {
      continue;
    }
    restored++;
    await restoreRoles(trx, orgId, p.id, s.roles);
  }
  return restored;
}
