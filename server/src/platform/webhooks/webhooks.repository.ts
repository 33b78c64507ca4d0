import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../db/types.ts';
import type { WebhookDeliveryTable, WebhookEndpointTable, WebhookEventTable } from './webhooks.tables.ts';

type Db = Kysely<Database>;
export type EndpointRow = Selectable<WebhookEndpointTable>;
export type EventRow = Selectable<WebhookEventTable>;
export type DeliveryRow = Selectable<WebhookDeliveryTable>;

/** A message id in the spirit of the spec's examples: `msg_` and 32 random hex digits. */
const newMessageId = sql<string>`'msg_' || replace(gen_random_uuid()::text, '-', '')`;

export const webhooksRepository = {
  /** One message per enabled endpoint whose filter takes the type (exactly, by family, or an empty filter). */
  async enqueueEvent(db: Db, orgId: string, type: string, body: string): Promise<void> {
    const family = `${type.split('.')[0]}.*`;
    await sql`
      insert into webhook_event (org_id, id, endpoint_id, type, body)
      select e.org_id, ${newMessageId}, e.id, ${type}, ${body}
      from webhook_endpoint e
      where e.org_id = ${orgId} and e.enabled
        and (cardinality(e.events) = 0 or ${type} = any(e.events) or ${family} = any(e.events))`.execute(db);
  },

  /** A message for one endpoint only (the test ping), sent by the caller: written as failed, so no job claims it. */
  async insertEvent(db: Db, orgId: string, endpointId: string, type: string, body: string): Promise<EventRow> {
    return db
      .insertInto('webhook_event')
      .values({ org_id: orgId, id: newMessageId, endpoint_id: endpointId, type, body, status: 'failed' })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  list(db: Db, orgId: string): Promise<EndpointRow[]> {
    return db
      .selectFrom('webhook_endpoint')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  find(db: Db, orgId: string, id: string): Promise<EndpointRow | undefined> {
    return db
      .selectFrom('webhook_endpoint')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  insert(
    db: Db,
    row: Pick<
      EndpointRow,
      'org_id' | 'url' | 'description' | 'events' | 'secret_sealed' | 'allow_private' | 'enabled' | 'created_by'
    >,
  ): Promise<EndpointRow> {
    return db.insertInto('webhook_endpoint').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** A conditional update (`version` as read); undefined when the version moved or the row is gone. */
  update(
    db: Db,
    orgId: string,
    id: string,
    version: number | null,
    set: Updateable<WebhookEndpointTable>,
  ): Promise<EndpointRow | undefined> {
    let q = db
      .updateTable('webhook_endpoint')
      .set({ ...set, updated_at: new Date(), version: sql<number>`version + 1` })
      .where('org_id', '=', orgId)
      .where('id', '=', id);
    if (version !== null) {
      q = q.where('version', '=', version);
    }
    return q.returningAll().executeTakeFirst();
  },

  async remove(db: Db, orgId: string, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('webhook_endpoint')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  /**
   * Claims due messages of enabled endpoints, oldest first: each is pushed a few minutes ahead so another process
   * does not pick it up while this one sends it (longer than one attempt may take).
   */
  // org-scope: the delivery job claims due messages of every organisation (each row keeps its org_id).
  async claimDue(db: Db, limit: number): Promise<EventRow[]> {
    const { rows } = await sql<EventRow>`
      update webhook_event set next_attempt_at = now() + interval '3 minutes'
      where (org_id, id) in (
        select ev.org_id, ev.id from webhook_event ev
        join webhook_endpoint e on e.org_id = ev.org_id and e.id = ev.endpoint_id and e.enabled
        where ev.status = 'pending' and ev.next_attempt_at <= now()
        order by ev.next_attempt_at limit ${limit}
        for update of ev skip locked)
      returning *`.execute(db);
    return rows;
  },

  /** Seconds until the next pending message of an enabled endpoint is due (null: none). */
  // org-scope: when the delivery job should run next, over every organisation's outbox.
  async secondsToNextDue(db: Db): Promise<number | null> {
    const { rows } = await sql<{ s: number | null }>`
      select extract(epoch from min(ev.next_attempt_at) - now())::float8 as s from webhook_event ev
      join webhook_endpoint e on e.org_id = ev.org_id and e.id = ev.endpoint_id and e.enabled
      where ev.status = 'pending'`.execute(db);
    return rows[0]?.s ?? null;
  },

  findEvent(db: Db, orgId: string, id: string): Promise<EventRow | undefined> {
    return db
      .selectFrom('webhook_event')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  updateEvent(db: Db, orgId: string, id: string, set: Updateable<WebhookEventTable>): Promise<unknown> {
    return db.updateTable('webhook_event').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
  },

  insertDelivery(db: Db, row: Omit<DeliveryRow, 'id' | 'at'>): Promise<DeliveryRow> {
    return db.insertInto('webhook_delivery').values(row).returningAll().executeTakeFirstOrThrow();
  },

  findDelivery(db: Db, orgId: string, id: string): Promise<DeliveryRow | undefined> {
    return db
      .selectFrom('webhook_delivery')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The newest attempts of one endpoint, with their message's type; after `cursor` (time and id) when given. */
  deliveries(db: Db, orgId: string, endpointId: string, limit: number, cursor?: { at: Date; id: string }) {
    let q = db
      .selectFrom('webhook_delivery as d')
      .innerJoin('webhook_event as ev', (j) => j.onRef('ev.org_id', '=', 'd.org_id').onRef('ev.id', '=', 'd.event_id'))
      .select([
        'd.id',
        'd.event_id',
        'ev.type',
        'ev.status as event_status',
        'd.trigger',
        'd.attempt',
        'd.ok',
        'd.status_code',
        'd.error',
        'd.latency_ms',
        'd.response_excerpt',
        'd.at',
      ])
      .where('d.org_id', '=', orgId)
      .where('d.endpoint_id', '=', endpointId);
    if (cursor) {
      q = q.where(sql<boolean>`(d.at, d.id) < (${cursor.at}, ${cursor.id}::uuid)`);
    }
    return q.orderBy('d.at', 'desc').orderBy('d.id', 'desc').limit(limit).execute();
  },

  /** Sent and abandoned messages (and their attempts) go after 30 days; pending ones stay until settled. */
  // org-scope: the 30-day sweep of settled messages of every organisation.
  async prune(db: Db): Promise<void> {
    await sql`delete from webhook_event where status <> 'pending' and created_at < now() - interval '30 days'`.execute(
      db,
    );
  },

  /** The organisation's active admins, to tell them an endpoint was disabled. */
  async adminEmails(db: Db, orgId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('app_user')
      .select('email')
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .where(sql<boolean>`'admin' = any(roles)`)
      .execute();
    return rows.map((r) => r.email);
  },
};
