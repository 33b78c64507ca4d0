import type { Db } from '../../../platform/db/database.ts';
import { auditWho, type PartySnapshot, type Who } from './bulk-types.ts';
import { derivedColumns } from '../party-input.ts';

/**
 * Restores parties to snapshots taken by `bulkUpsertParties` (undo of an import's updates): the
 * party's columns, its roles as they were, and roles started since removed. In the caller's transaction.
 */
export async function restorePartySnapshots(trx: Db, who: Who, snapshots: PartySnapshot[]): Promise<number> {
  const w = auditWho(who);
  let restored = 0;
  for (const s of snapshots) {
    const p = s.party;
    const searchable = {
      displayName: p.display_name,
      givenName: p.given_name,
      familyName: p.family_name,
      emails: p.emails,
      phones: p.phones,
      tags: p.tags,
    };
    const res = await trx
      .updateTable('party')
      .set((eb) => ({
        kind: p.kind,
        display_name: p.display_name,
        external_id: p.external_id,
        given_name: p.given_name,
        family_name: p.family_name,
        emails: p.emails,
        phones: p.phones,
        tags: p.tags,
        birthday: p.birthday,
        gender: p.gender,
        address: p.address ? JSON.stringify(p.address) : null,
        locale: p.locale,
        custom: JSON.stringify(p.custom),
        owner_id: p.owner_id,
        backup_owner_id: p.backup_owner_id,
        profile: JSON.stringify(p.profile),
        deleted_at: p.deleted_at ? new Date(p.deleted_at) : null,
        ...derivedColumns(searchable),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', w.orgId)
      .where('id', '=', p.id)
      .executeTakeFirst();
    if (!res.numUpdatedRows) {
      continue;
    }
    restored++;
    const keep = s.roles.map((r) => r.id);
    let gone = trx.deleteFrom('party_role').where('org_id', '=', w.orgId).where('party_id', '=', p.id);
    if (keep.length) {
      gone = gone.where('id', 'not in', keep);
    }
    await gone.execute();
    for (const r of s.roles) {
      const {
        org_id: _o,
        id,
        party_id: _p,
        created_at: _c,
        version: _v,
        started_at,
        ended_at,
        updated_at: _u,
        ...cols
      } = r;
      await trx
        .updateTable('party_role')
        .set((eb) => ({
          ...cols,
          started_at: new Date(started_at),
          ended_at: ended_at ? new Date(ended_at) : null,
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('org_id', '=', w.orgId)
        .where('id', '=', id)
        .execute();
    }
  }
  return restored;
}
