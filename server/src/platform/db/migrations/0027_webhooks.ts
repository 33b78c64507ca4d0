import { sql, type Kysely } from 'kysely';

// Signed webhooks (docs/webhooks.md): endpoints with their secrets (sealed under the instance secret), an outbox of
// messages — one per event and subscribed endpoint, written in the transaction of the change — and a log of every
// attempt. A message's id is the `webhook-id` header: the same on every retry and replay.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_endpoint (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      url text not null,
      description text not null default '',
      events text[] not null default '{}',
      secret_sealed text not null,
      previous_secret_sealed text,
      previous_secret_until timestamptz(3),
      enabled boolean not null default true,
      disabled_reason text,
      allow_private boolean not null default false,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id)
    );

    create table webhook_event (
      org_id uuid not null,
      id text not null,
      endpoint_id uuid not null,
      type text not null,
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz(3) not null default now(),
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, endpoint_id) references webhook_endpoint (org_id, id) on delete cascade
    );
    create index webhook_event_due on webhook_event (next_attempt_at) where status = 'pending';
    create index webhook_event_endpoint on webhook_event (org_id, endpoint_id, created_at desc);

    create table webhook_delivery (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      event_id text not null,
      endpoint_id uuid not null,
      trigger text not null check (trigger in ('auto', 'replay', 'ping')),
      attempt integer not null,
      ok boolean not null,
      status_code integer,
      error text,
      latency_ms integer not null,
      response_excerpt text,
      at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, event_id) references webhook_event (org_id, id) on delete cascade,
      foreign key (org_id, endpoint_id) references webhook_endpoint (org_id, id) on delete cascade
    );
    create index webhook_delivery_endpoint on webhook_delivery (org_id, endpoint_id, at desc, id desc);
  `.execute(db);
}
