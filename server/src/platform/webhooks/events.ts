import type { Kysely } from 'kysely';
import { auditWho, type Who } from '../audit/audit.ts';
import type { Database } from '../db/types.ts';
import type { WebhookEventType } from './event-types.ts';
import { webhooksRepository } from './webhooks.repository.ts';

export interface EmitOptions {
  /**
   * Events of anonymous survey answers: the payload's time is this day only (midnight UTC), never the moment of
   * the change (docs/webhooks.md "Anonymity").
   */
  day?: string;
}

/** The exact body every endpoint receives for an event (the bytes that are signed). */
export function eventBody(type: string, data: Record<string, unknown>, opts: EmitOptions = {}): string {
  const timestamp = opts.day ? `${opts.day}T00:00:00.000Z` : new Date().toISOString();
  return JSON.stringify({ type, timestamp, data });
}

/**
 * Records an event for every enabled endpoint of the organisation that subscribes to it, in the caller's
 * transaction: a rolled-back change sends nothing, and a committed one is in the outbox even if the process dies
 * right after. Delivery is the job's (webhooks/delivery.ts).
 */
export async function emitEvent(
  trx: Kysely<Database>,
  who: Who,
  type: WebhookEventType,
  data: Record<string, unknown>,
  opts: EmitOptions = {},
): Promise<void> {
  await webhooksRepository.enqueueEvent(trx, auditWho(who).orgId, type, eventBody(type, data, opts));
}
