import type { Kysely } from 'kysely';
import { recordAudit, systemWho } from '../audit/audit.ts';
import type { Database } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { AddressRefused, checkTarget } from './address.ts';
import { send, type SendResult } from './sender.ts';
import { signatureHeader, unseal } from './signing.ts';
import { webhooksRepository, type DeliveryRow, type EndpointRow, type EventRow } from './webhooks.repository.ts';

export const WEBHOOK_JOB = 'platform-webhooks-deliver';

/**
 * Seconds before the retry that follows the n-th failed attempt (docs/webhooks.md "Retries"): 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, each ±10 % at random so that endpoints that failed together do not all come
 * back at once; null once the schedule is spent (ten attempts over about four days).
 */
export const RETRY_DELAYS_S = [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400] as const;
export function retryDelaySeconds(failedAttempts: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_S[failedAttempts - 1];
  return base === undefined ? null : base * (0.9 + 0.2 * random());
}

export type Trigger = DeliveryRow['trigger'];
type Db = Kysely<Database>;

/** The secrets that sign now: the current one, and the previous one for 24 h after a rotation. */
function signingSecrets(deps: Deps, endpoint: EndpointRow, now: Date): string[] {
  const secrets = [unseal(deps.secret, endpoint.secret_sealed)];
  if (endpoint.previous_secret_sealed && endpoint.previous_secret_until && endpoint.previous_secret_until > now) {
    secrets.push(unseal(deps.secret, endpoint.previous_secret_sealed));
  }
  return secrets;
}

/** One attempt: check the address, sign the exact body, POST it, log the attempt. */
export async function attemptDelivery(
  deps: Deps,
  endpoint: EndpointRow,
  event: EventRow,
  trigger: Trigger,
): Promise<{ row: DeliveryRow; result: SendResult }> {
  const now = new Date();
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': `Tandem-Webhooks/${deps.version}`,
    'webhook-id': event.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(signingSecrets(deps, endpoint, now), event.id, timestamp, event.body),
  };
  let result: SendResult;
  try {
    const target = await checkTarget(endpoint.url, endpoint.allow_private);
    result = await send(target, headers, event.body);
  } catch (err) {
    const message = err instanceof AddressRefused ? err.message : `Address not resolved: ${(err as Error).message}`;
    result = { statusCode: null, error: message.slice(0, 500), latencyMs: 0, excerpt: null };
  }
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const row = await webhooksRepository.insertDelivery(deps.db, {
    org_id: event.org_id,
    event_id: event.id,
    endpoint_id: endpoint.id,
    trigger,
    attempt: event.attempts + 1,
    ok,
    status_code: result.statusCode,
    error: result.error,
    latency_ms: result.latencyMs,
    response_excerpt: result.excerpt,
  });
  return { row, result };
}

/**
 * Turns an endpoint off (410 Gone, or a message that failed through the whole schedule) and tells the admins: an
 * audit entry and a mail through the outbox, in one transaction.
 */
export async function disableEndpoint(deps: Deps, endpoint: EndpointRow, reason: string): Promise<void> {
  let queued = false;
  await deps.db.transaction().execute(async (trx: Db) => {
    const after = await webhooksRepository.update(trx, endpoint.org_id, endpoint.id, null, {
      enabled: false,
      disabled_reason: reason,
    });
    if (!after) {
      return;
    }
    await recordAudit(trx, systemWho(endpoint.org_id), {
      action: 'webhook.disable',
      entityType: 'webhook',
      entityId: endpoint.id,
      before: { enabled: true },
      after: { enabled: false, reason },
    });
    for (const to of await webhooksRepository.adminEmails(trx, endpoint.org_id)) {
      const id = await deps.mail.enqueue(trx, endpoint.org_id, {
        to,
        purpose: 'webhook-disabled',
        subject: 'Tandem: a webhook endpoint was disabled / Webhook 端点已停用',
        text: `The webhook endpoint ${endpoint.url} was disabled: ${reason}.\nFix the receiver, then enable the endpoint again under Settings → Webhooks; pending messages are sent then.\n\nWebhook 端点 ${endpoint.url} 已停用：${reason}。修复接收端后，请在“设置 → Webhooks”中重新启用。`,
      });
      queued ||= id !== null;
    }
  });
  if (queued) {
    deps.mail.kick();
  }
}

/** What an automatic attempt's outcome does to its message and, on a 410 or a spent schedule, to the endpoint. */
async function settleAuto(deps: Deps, endpoint: EndpointRow, event: EventRow, row: DeliveryRow): Promise<void> {
  const attempts = event.attempts + 1;
  if (row.ok) {
    await webhooksRepository.updateEvent(deps.db, event.org_id, event.id, { status: 'delivered', attempts });
    return;
  }
  const delay = row.status_code === 410 ? null : retryDelaySeconds(attempts);
  if (delay !== null) {
    await webhooksRepository.updateEvent(deps.db, event.org_id, event.id, {
      attempts,
      next_attempt_at: new Date(Date.now() + delay * 1000),
    });
    return;
  }
  await webhooksRepository.updateEvent(deps.db, event.org_id, event.id, { status: 'failed', attempts });
  await disableEndpoint(
    deps,
    endpoint,
    row.status_code === 410 ? 'the receiver answered 410 Gone' : `a message failed ${attempts} times over four days`,
  );
}

/**
 * Sends what is due, oldest first; each message's outcome is settled before the next. Messages are claimed one at a
 * time: a claim is a three-minute lease, and a batch claimed at once could outlive it (fifty receivers timing out
 * after 15 s each take over twelve minutes), letting another server's job claim the tail again and send it twice.
 */
export async function drainWebhooks(deps: Deps, limit = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const [event] = await webhooksRepository.claimDue(deps.db, 1);
    if (!event) {
      break;
    }
    const endpoint = await webhooksRepository.find(deps.db, event.org_id, event.endpoint_id);
    if (!endpoint?.enabled) {
      continue;
    }
    const { row } = await attemptDelivery(deps, endpoint, event, 'auto');
    await settleAuto(deps, endpoint, event, row);
    if (row.ok) {
      sent++;
    } else {
      failed++;
    }
  }
  return { sent, failed };
}

/**
 * The delivery job: every minute, and again within the minute when a retry falls due sooner (the first retry is
 * five seconds after a failure).
 */
export function defineWebhookJob(deps: Deps): void {
  deps.jobs.define({
    name: WEBHOOK_JOB,
    cron: '* * * * *',
    handler: async () => {
      await drainWebhooks(deps);
      await webhooksRepository.prune(deps.db);
      const next = await webhooksRepository.secondsToNextDue(deps.db);
      if (next !== null && next < 60) {
        await deps.jobs.send(WEBHOOK_JOB, {}, { startAfter: Math.max(1, Math.ceil(next)), singletonKey: 'soon' });
      }
    },
  });
}
