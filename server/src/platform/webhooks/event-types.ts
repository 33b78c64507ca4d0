// Zod-free constants the web imports through server/src/api.ts.

/**
 * The events an endpoint can subscribe to (docs/webhooks.md "Events"). Payloads are minimal — ids, kinds, stages,
 * statuses and times — and never carry an employee's pay, appraisal, incentive or grievance content.
 */
export const webhookEventTypes = [
  'party.created',
  'party.updated',
  'party.deleted',
  'party.merged',
  'party_role.stage_changed',
  'interaction.created',
  'task.created',
  'task.updated',
  'task.completed',
  'case.created',
  'case.status_changed',
  'case.resolved',
  'survey.response_created',
  'transaction.created',
  'import.completed',
  'segment.membership_changed',
  'campaign.created',
  'campaign.sent',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Filters an endpoint may hold: an event type, or a family `party.*`. An empty filter means every event. */
export const webhookEventFilters: readonly string[] = [
  ...new Set([...webhookEventTypes.map((t) => `${t.split('.')[0]}.*`), ...webhookEventTypes]),
];

/** The test ping (sent to one endpoint on request, never subscribed to). */
export const PING_EVENT = 'webhook.ping';
