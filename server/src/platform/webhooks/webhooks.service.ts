import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { failedUpdate } from '../db/versioned.ts';
import type { Database } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../errors.ts';
import type { Page } from '../http/common.schema.ts';
import { attemptDelivery, disableEndpoint, type Trigger } from './delivery.ts';
import { PING_EVENT } from './event-types.ts';
import { eventBody } from './events.ts';
import { newSecret, seal } from './signing.ts';
import { webhooksRepository, type EndpointRow, type EventRow } from './webhooks.repository.ts';
import type {
  CreateWebhookInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookWithSecret,
} from './webhooks.schema.ts';

/** The previous secret keeps signing this long after a rotation (docs/webhooks.md "Rotating the secret"). */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export const toWebhook = (r: EndpointRow): Webhook => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events,
  enabled: r.enabled,
  disabledReason: r.disabled_reason,
  allowPrivate: r.allow_private,
  previousSecretUntil:
    r.previous_secret_until && r.previous_secret_until > new Date() ? r.previous_secret_until.toISOString() : null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

type DeliveryListRow = Awaited<ReturnType<typeof webhooksRepository.deliveries>>[number];
const toDelivery = (d: DeliveryListRow): WebhookDelivery => ({
  id: d.id,
  eventId: d.event_id,
  type: d.type,
  eventStatus: d.event_status,
  trigger: d.trigger,
  attempt: d.attempt,
  ok: d.ok,
  statusCode: d.status_code,
  error: d.error,
  latencyMs: d.latency_ms,
  responseExcerpt: d.response_excerpt,
  at: d.at.toISOString(),
});

const audited = (r: EndpointRow) => ({
  url: r.url,
  events: r.events,
  enabled: r.enabled,
  allowPrivate: r.allow_private,
});

/** The endpoint, or 404. */
async function endpointOf(from: Kysely<Database>, orgId: string, id: string): Promise<EndpointRow> {
  const row = await webhooksRepository.find(from, orgId, id);
  if (!row) {
    throw notFound('Webhook endpoint');
  }
  return row;
}

/** One attempt outside the schedule (a ping or a replay), settled at once; a 410 disables as always. */
async function attemptNow(
  deps: Deps,
  endpoint: EndpointRow,
  event: EventRow,
  trigger: Trigger,
): Promise<WebhookDelivery> {
  const { db } = deps;
  const { row } = await attemptDelivery(deps, endpoint, event, trigger);
  // A replay that fails leaves its message as it was (a pending one keeps its schedule).
  const status = row.ok ? 'delivered' : trigger === 'ping' ? 'failed' : event.status;
  await webhooksRepository.updateEvent(db, event.org_id, event.id, { attempts: event.attempts + 1, status });
  if (row.status_code === 410 && endpoint.enabled) {
    await disableEndpoint(deps, endpoint, 'the receiver answered 410 Gone');
  }
  return toDelivery({ ...row, type: event.type, event_status: status });
}

/** Webhook endpoints of the organisation (admin only: the routes gate the role). */
export function webhookEndpointsService(deps: Deps) {
  const { db } = deps;
  const get = (orgId: string, id: string, from: Kysely<Database> = db) => endpointOf(from, orgId, id);

  return {
    async list(ctx: RequestContext): Promise<Webhook[]> {
      return (await webhooksRepository.list(db, ctx.actor.orgId)).map(toWebhook);
    },

    async read(ctx: RequestContext, id: string): Promise<Webhook> {
      return toWebhook(await get(ctx.actor.orgId, id));
    },

    async create(ctx: RequestContext, input: CreateWebhookInput): Promise<WebhookWithSecret> {
      const secret = newSecret();
      const row = await db.transaction().execute(async (trx: Kysely<Database>) => {
        const created = await webhooksRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          url: input.url,
          description: input.description,
          events: input.events,
          enabled: input.enabled,
          allow_private: input.allowPrivate,
          secret_sealed: seal(deps.secret, secret),
          created_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'webhook.create',
          entityType: 'webhook',
          entityId: created.id,
          after: audited(created),
        });
        return created;
      });
      return { ...toWebhook(row), secret };
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateWebhookInput): Promise<Webhook> {
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx: Kysely<Database>) => {
        const before = await webhooksRepository.find(trx, orgId, id);
        const after = await webhooksRepository.update(trx, orgId, id, version, {
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.events !== undefined ? { events: input.events } : {}),
          ...(input.allowPrivate !== undefined ? { allow_private: input.allowPrivate } : {}),
          // Enabling again clears the reason it was turned off.
          ...(input.enabled !== undefined ? { enabled: input.enabled, disabled_reason: null } : {}),
        });
        if (!after || !before) {
          return failedUpdate(before && toWebhook(before), 'Webhook endpoint');
        }
        await recordAudit(trx, ctx, {
          action: 'webhook.update',
          entityType: 'webhook',
          entityId: id,
          before: audited(before),
          after: audited(after),
        });
        return toWebhook(after);
      });
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      await db.transaction().execute(async (trx: Kysely<Database>) => {
        const before = await get(ctx.actor.orgId, id, trx);
        await webhooksRepository.remove(trx, ctx.actor.orgId, id);
        await recordAudit(trx, ctx, {
          action: 'webhook.delete',
          entityType: 'webhook',
          entityId: id,
          before: audited(before),
        });
      });
    },

    /** A new secret signs from now on; the previous one signs too for 24 hours, so receivers can switch over. */
    async rotate(ctx: RequestContext, id: string): Promise<WebhookWithSecret> {
      const secret = newSecret();
      const row = await db.transaction().execute(async (trx: Kysely<Database>) => {
        const before = await get(ctx.actor.orgId, id, trx);
        const after = await webhooksRepository.update(trx, ctx.actor.orgId, id, null, {
          secret_sealed: seal(deps.secret, secret),
          previous_secret_sealed: before.secret_sealed,
          previous_secret_until: new Date(Date.now() + ROTATION_OVERLAP_MS),
        });
        await recordAudit(trx, ctx, { action: 'webhook.rotate', entityType: 'webhook', entityId: id });
        return after!;
      });
      return { ...toWebhook(row), secret };
    },
  };
}

/** The test ping, replays and the delivery log. */
export function webhookDeliveriesService(deps: Deps) {
  const { db } = deps;
  const get = (orgId: string, id: string) => endpointOf(db, orgId, id);
  return {
    /** Sends a `webhook.ping` to the endpoint now (enabled or not) and answers the attempt. */
    async ping(ctx: RequestContext, id: string): Promise<WebhookDelivery> {
      const endpoint = await get(ctx.actor.orgId, id);
      const body = eventBody(PING_EVENT, { endpointId: id });
      const event = await webhooksRepository.insertEvent(db, ctx.actor.orgId, id, PING_EVENT, body);
      return attemptNow(deps, endpoint, event, 'ping');
    },

    /** Sends one logged message again now, with its id and body (a fresh timestamp and signature). */
    async replay(ctx: RequestContext, deliveryId: string): Promise<WebhookDelivery> {
      const delivery = await webhooksRepository.findDelivery(db, ctx.actor.orgId, deliveryId);
      const event = delivery && (await webhooksRepository.findEvent(db, ctx.actor.orgId, delivery.event_id));
      if (!delivery || !event) {
        throw notFound('Webhook delivery');
      }
      return attemptNow(deps, await get(ctx.actor.orgId, delivery.endpoint_id), event, 'replay');
    },

    async deliveries(ctx: RequestContext, id: string, limit: number, cursor?: string): Promise<Page<WebhookDelivery>> {
      await get(ctx.actor.orgId, id);
      const [at, after] = cursor ? cursor.split('_') : [];
      const from = at && after ? { at: new Date(at), id: after } : undefined;
      const rows = await webhooksRepository.deliveries(db, ctx.actor.orgId, id, limit + 1, from);
      const items = rows.slice(0, limit).map(toDelivery);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? `${last.at}_${last.id}` : null };
    },
  };
}
