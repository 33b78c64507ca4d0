import { recordAudit, type Who } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { linksRepository } from './links.repository.ts';

/**
 * A built-in link another module makes in its own transaction (care's referrals: the referred party `referred_by` the
 * referrer), after its own access checks. An active link of the type joining the two already is kept, not doubled.
 * Audited as a link created by `who`.
 */
export async function ensurePartyLink(
  trx: Db,
  who: Who,
  orgId: string,
  link: { fromPartyId: string; toPartyId: string; type: 'referred_by'; createdBy: string | null },
): Promise<string> {
  const dup = await linksRepository.activeDuplicate(trx, orgId, link.fromPartyId, link.toPartyId, link.type);
  if (dup) {
    return dup;
  }
  const row = await linksRepository.insert(trx, {
    org_id: orgId,
    from_party_id: link.fromPartyId,
    to_party_id: link.toPartyId,
    type: link.type,
    role: null,
    valid_from: null,
    valid_to: null,
    created_by: link.createdBy,
  });
  await recordAudit(trx, who, {
    action: 'create',
    entityType: 'party_link',
    entityId: row.id,
    after: { fromPartyId: link.fromPartyId, toPartyId: link.toPartyId, type: link.type },
  });
  return row.id;
}
