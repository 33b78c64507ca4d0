import { z } from 'zod';
import { pageQuerySchema, timestamp } from '../../../platform/http/common.schema.ts';
import { alertRuleKinds, alertStatuses } from '../constants.ts';

export const alertRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('complaints_in_window'),
      enabled: z.boolean(),
      count: z.number().int().min(2).max(100),
      days: z.number().int().min(1).max(3650),
    })
    .strict(),
  z.object({ kind: z.literal('breached_complaint'), enabled: z.boolean() }).strict(),
  z
    .object({
      kind: z.literal('low_csat'),
      enabled: z.boolean(),
      max: z.number().int().min(1).max(4).describe('Scores at or below this'),
    })
    .strict(),
]);
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRulesSchema = z.object({ items: z.array(alertRuleSchema) }).meta({ id: 'AlertRules' });
export const putAlertRulesSchema = z
  .object({ items: z.array(alertRuleSchema).max(alertRuleKinds.length) })
  .strict()
  .refine((v) => new Set(v.items.map((i) => i.kind)).size === v.items.length, { message: 'One entry per rule kind' })
  .describe('Rules not listed keep their setting');
export type PutAlertRules = z.infer<typeof putAlertRulesSchema>;

export const alertSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    partyName: z.string().nullable(),
    rule: z.enum(alertRuleKinds),
    reason: z.string(),
    caseId: z.uuid().nullable(),
    taskId: z.uuid().nullable(),
    status: z.enum(alertStatuses),
    stageNote: z.string().nullable().describe('What happened to the customer role (moved to at_risk, or why not)'),
    createdAt: timestamp,
    acknowledgedAt: timestamp.nullable(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof alertSchema>;
export const listAlertsQuerySchema = pageQuerySchema
  .extend({ partyId: z.uuid().optional(), status: z.enum(alertStatuses).optional() })
  .strict();
export type ListAlertsQuery = z.infer<typeof listAlertsQuerySchema>;
export const updateAlertSchema = z.object({ status: z.enum(alertStatuses) }).strict();
