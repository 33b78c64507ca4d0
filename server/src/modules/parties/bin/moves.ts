import type { Kysely } from 'kysely';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { emitEvent } from '../../../platform/webhooks/events.ts';
import type { Database } from '../../../platform/db/types.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { partiesRepository } from '../parties.repository.ts';

// Into the bin and out of it (docs/domain.md "The bin"), inside the caller's transaction: the party the actor may
// change, locked; who deleted it is kept until it is restored.

export async function binParty(trx: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const visibility = await partiesRepository.visibility(trx, ctx.actor.orgId);
  const before = await partiesRepository.findWritable(trx, ctx.actor, visibility, id);
  if (!before || before.deleted_at || before.merged_into_id) {
    throw notFound('Party');
  }
  const values = { deleted_at: new Date(), deleted_by: ctx.actor.userId };
  await partiesRepository.touch(trx, ctx.actor.orgId, id, values, true);
  await recordAudit(trx, ctx, {
    action: 'delete',
    entityType: 'party',
    entityId: id,
    before: { displayName: before.display_name, version: before.version },
  });
  await emitEvent(trx, ctx, 'party.deleted', { id, kind: before.kind });
}

export async function restoreParty(trx: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const visibility = await partiesRepository.visibility(trx, ctx.actor.orgId);
  const row = await partiesRepository.findWritable(trx, ctx.actor, visibility, id);
  if (!row || row.merged_into_id) {
    throw notFound('Party');
  }
  if (!row.deleted_at) {
    throw conflict('This party is not deleted');
  }
  if (row.purged_at) {
    throw conflict('This party was purged from the bin: its data is gone for good');
  }
  await partiesRepository.touch(trx, ctx.actor.orgId, id, { deleted_at: null, deleted_by: null }, true);
  await recordAudit(trx, ctx, {
    action: 'restore',
    entityType: 'party',
    entityId: id,
    after: { displayName: row.display_name },
  });
}
