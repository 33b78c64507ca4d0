import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/types.ts';
import { emitEvent } from '../../platform/webhooks/events.ts';
import type { Case } from './cases.schema.ts';

/**
 * A case's webhook event: ids, type, status and priority only. Grievances send none — not even that one was filed
 * or moved (docs/webhooks.md "What is never sent").
 */
export async function caseEvent(
  trx: Kysely<Database>,
  ctx: RequestContext,
  type: 'case.created' | 'case.status_changed' | 'case.resolved',
  c: Case,
  from?: string,
): Promise<void> {
  if (c.type === 'grievance') {
    return;
  }
  await emitEvent(trx, ctx, type, {
    id: c.id,
    partyId: c.partyId,
    type: c.type,
    priority: c.priority,
    status: c.status,
    ...(from !== undefined ? { from } : {}),
  });
}
