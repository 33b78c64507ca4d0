import type { Insertable } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, validation } from '../../platform/errors.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { partiesRepository } from './parties.repository.ts';
import type { PartyHistoryTable } from './parties.tables.ts';
import { rolesRepository } from './roles/roles.repository.ts';
import { writableParty } from './parties.service.ts';

export interface BackupAssignment {
  partyId: string;
  /** null clears the backup owner. */
  backupOwnerId: string | null;
}

/** One row of a bulk change names what was wrong with it: the field's path inside `pathPrefix`. */
const rowError = (path: (string | number)[], message: string, code: string) => [{ path, message, code }];

/**
 * Sets the backup owner of many parties at once, all or nothing (key-person risk's bulk assignment,
 * docs/metrics.md "Key-person risk"): each party must be one the actor may change (else 404 naming the row), the
 * backup an active user of the organisation other than the party's owner (else 400 on the row's field). Each change
 * writes the party's owner history and an audit row in the same transaction; an unchanged row writes nothing.
 */
export async function assignBackupOwners(
  db: Db,
  ctx: RequestContext,
  assignments: BackupAssignment[],
  pathPrefix: (string | number)[] = ['body', 'assignments'],
): Promise<{ changed: number; unchanged: number }> {
  const orgId = ctx.actor.orgId;
  const seen = new Set<string>();
  assignments.forEach((a, i) => {
    if (seen.has(a.partyId)) {
      throw validation(
        'A party appears twice',
        rowError([...pathPrefix, i, 'partyId'], 'Duplicate party', 'duplicate'),
      );
    }
    seen.add(a.partyId);
  });
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const [i, a] of assignments.entries()) {
      const before = await writableParty(trx, ctx, a.partyId).catch((e: unknown) => {
        throw e instanceof AppError && e.code === 'NOT_FOUND'
          ? new AppError(
              'NOT_FOUND',
              'Party not found',
              rowError([...pathPrefix, i, 'partyId'], 'Not found', 'not_found'),
            )
          : e;
      });
      await checkBackup(trx, orgId, a, before.owner_id, [...pathPrefix, i, 'backupOwnerId']);
      if ((before.backup_owner_id ?? null) === a.backupOwnerId) {
        continue;
      }
      await partiesRepository.touch(trx, orgId, a.partyId, { backup_owner_id: a.backupOwnerId }, true);
      const history: Insertable<PartyHistoryTable> = {
        org_id: orgId,
        party_id: a.partyId,
        role: null,
        field: 'backup_owner',
        from_value: before.backup_owner_id,
        to_value: a.backupOwnerId,
        reason: 'bulk backup assignment',
        actor_id: ctx.actor.userId,
      };
      await rolesRepository.addHistory(trx, [history]);
      await recordAudit(trx, ctx, {
        action: 'update',
        entityType: 'party',
        entityId: a.partyId,
        before: { backup_owner_id: before.backup_owner_id },
        after: { backup_owner_id: a.backupOwnerId },
      });
      changed += 1;
    }
    return { changed, unchanged: assignments.length - changed };
  });
}

async function checkBackup(
  db: Db,
  orgId: string,
  a: BackupAssignment,
  ownerId: string | null,
  path: (string | number)[],
): Promise<void> {
  if (a.backupOwnerId === null) {
    return;
  }
  const user = await usersRepository.findById(db, orgId, a.backupOwnerId);
  if (!user?.active) {
    throw validation('No such active user', rowError(path, 'No such active user', 'unknown_reference'));
  }
  if (a.backupOwnerId === ownerId) {
    throw validation(
      'The backup owner must differ from the owner',
      rowError(path, 'Same as the owner', 'same_as_owner'),
    );
  }
}
