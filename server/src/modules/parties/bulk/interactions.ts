import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { auditWho, recordAudit, type Who } from '../../../platform/audit/audit.ts';
import type { RowFailure } from '../../../platform/bulk/row-failure.ts';
import type { Db } from '../../../platform/db/database.ts';
import { usersRepository } from '../../../platform/identity/users.repository.ts';
import type { CreateInteraction } from '../activity/activity.schema.ts';
import { insertMany, livePartiesWritable } from './bulk.repository.ts';
import { canSeeFull } from '../parties.access.ts';
import { partiesRepository } from '../parties.repository.ts';
import type { InteractionTable } from '../parties.tables.ts';
import { unique } from '../party-input.ts';

export type BulkInteractionResult = { action: 'created'; id: string } | RowFailure;

/**
 * Inserts many interactions in one multi-row statement (plus one audit row) in the caller's
 * transaction. Each row's party must be live in the organisation (and, for a request context, one
 * the actor may change); `userId` defaults to the actor. Bad rows fail alone.
 */
export async function bulkInsertInteractions(
  trx: Db,
  who: Who,
  rows: CreateInteraction[],
): Promise<{ created: string[]; results: BulkInteractionResult[] }> {
  const w = auditWho(who);
  const orgId = w.orgId;
  const actor = 'actor' in who ? who.actor : null;
  const results: BulkInteractionResult[] = new Array<BulkInteractionResult>(rows.length);
  if (!rows.length) {
    return { created: [], results };
  }
  // A trusted caller (no actor) may write to every live party; a person only to the ones they may change.
  const writable = actor ? canSeeFull(actor, await partiesRepository.visibility(trx, orgId), 'write') : null;
  const parties = await livePartiesWritable(trx, orgId, unique(rows.map((r) => r.partyId)), writable);
  const users = await usersRepository.existingIds(
    trx,
    orgId,
    unique(rows.map((r) => r.userId).filter((v): v is string => Boolean(v))),
  );
  const now = new Date();
  const inserts: Insertable<InteractionTable>[] = [];
  const created: string[] = [];
  rows.forEach((r, i) => {
    const writableParty = parties.get(r.partyId);
    if (writableParty === undefined) {
      results[i] = { action: 'failed', code: 'unknown_reference', message: 'No such party', path: ['partyId'] };
    } else if (!writableParty) {
      results[i] = {
        action: 'failed',
        code: 'forbidden',
        message: 'You may not add interactions to this party',
        path: ['partyId'],
      };
    } else if (r.userId && !users.has(r.userId)) {
      results[i] = { action: 'failed', code: 'unknown_reference', message: 'No such user', path: ['userId'] };
    } else {
      const id = randomUUID();
      inserts.push({
        org_id: orgId,
        id,
        party_id: r.partyId,
        channel: r.channel,
        direction: r.direction,
        occurred_at: r.occurredAt ? new Date(r.occurredAt) : now,
        subject: r.subject,
        body: r.body ?? null,
        outcome: r.outcome ?? null,
        sentiment: r.sentiment ?? null,
        participants: JSON.stringify(r.participants ?? []),
        user_id: r.userId === undefined ? w.actorId : r.userId,
        created_at: now,
        updated_at: now,
      });
      created.push(id);
      results[i] = { action: 'created', id };
    }
  });
  await insertMany(trx, 'interaction', inserts);
  await recordAudit(trx, w, {
    action: 'bulk_create',
    entityType: 'interaction',
    entityId: null,
    after: { created: created.length, createdIds: created.slice(0, 1000) },
  });
  return { created, results };
}
