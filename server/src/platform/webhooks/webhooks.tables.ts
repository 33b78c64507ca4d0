import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface WebhookEndpointTable {
  org_id: string;
  id: Generated<string>;
  url: string;
  description: Generated<string>;
  events: Generated<string[]>;
  /** The `whsec_…` secret sealed under the instance secret (webhooks/signing.ts). */
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_until: Date | null;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  allow_private: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface WebhookEventTable {
  org_id: string;
  /** `msg_…`: the webhook-id header, stable across retries and replays. */
  id: string;
  endpoint_id: string;
  type: string;
  /** The exact bytes sent (and signed). */
  body: string;
  status: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  created_at: Generated<Date>;
}

export interface WebhookDeliveryTable {
  org_id: string;
  id: Generated<string>;
  event_id: string;
  endpoint_id: string;
  trigger: 'auto' | 'replay' | 'ping';
  attempt: number;
  ok: boolean;
  status_code: number | null;
  error: string | null;
  latency_ms: number;
  response_excerpt: string | null;
  at: Generated<Date>;
}

export interface WebhookTables {
  webhook_endpoint: WebhookEndpointTable;
  webhook_event: WebhookEventTable;
  webhook_delivery: WebhookDeliveryTable;
}
