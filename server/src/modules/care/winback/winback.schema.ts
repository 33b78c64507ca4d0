import { z } from 'zod';
import { analysisDate, timestamp } from '../../../platform/http/common.schema.ts';
import { campaignSchema } from '../campaigns/campaigns.schema.ts';
import { lossCauses } from '../constants.ts';

const period = {
  segment: z.uuid().optional().describe('Only members of this value segment (its live members now)'),
  from: analysisDate.optional().describe('First day of losses (UTC); default a year before `to`'),
  to: analysisDate.optional().describe('Day after the last (UTC); default tomorrow'),
};

export const winbackQuerySchema = z
  .object({ ...period, limit: z.coerce.number().int().min(1).max(500).default(200) })
  .strict();
export type WinbackQuery = z.infer<typeof winbackQuerySchema>;
export const winbackSummaryQuerySchema = z.object(period).strict();

export const lossSchema = z.object({
  partyId: z.uuid(),
  name: z.string(),
  ownerId: z.uuid().nullable(),
  lostAt: timestamp,
  reason: z.string().nullable().describe('The reason recorded with the move to churned'),
  cause: z.enum(lossCauses),
  causeSource: z.enum(['reason', 'case']).nullable().describe('Where the cause came from (docs/metrics.md)'),
  wonBackAt: timestamp.nullable().describe('First move to won_back after this loss (before the next loss)'),
  stage: z.string().nullable().describe('The customer role’s stage now'),
});
export type Loss = z.infer<typeof lossSchema>;

export const lossesSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  items: z.array(lossSchema),
  note: z.string().nullable(),
});

const rate = z.number().nullable().describe('wonBack / lost; null when lost is 0');
export const winbackSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  lost: z.number().int(),
  wonBack: z.number().int(),
  rate,
  wonBackMoves: z.number().int().describe('Moves to won_back in the period (whenever the loss was)'),
  byCause: z.array(z.object({ cause: z.enum(lossCauses), lost: z.number().int(), wonBack: z.number().int(), rate })),
  note: z.string().nullable(),
});
export type WinbackSummary = z.infer<typeof winbackSummarySchema>;

const target = {
  segment: period.segment,
  from: period.from,
  to: period.to,
  partyIds: z.array(z.uuid()).min(1).max(1000).optional().describe('Only these of the churned customers'),
};

export const winbackTasksSchema = z
  .object({
    ...target,
    title: z.string().trim().min(1).max(300).optional().describe('Default: "Win back {name}"'),
    dueInDays: z.number().int().min(0).max(365).default(7),
  })
  .strict();
export type WinbackTasks = z.infer<typeof winbackTasksSchema>;

export const winbackTasksResultSchema = z.object({
  created: z.number().int(),
  existing: z.number().int().describe('Losses that had their win-back task already'),
  taskIds: z.array(z.uuid()),
});

export const winbackCampaignSchema = z
  .object({
    ...target,
    name: z.string().trim().min(1).max(200),
    commercial: z.boolean().default(false),
    subjectZh: z.string().trim().min(1).max(300),
    subjectEn: z.string().trim().min(1).max(300),
    bodyZh: z.string().trim().min(1).max(20000),
    bodyEn: z.string().trim().min(1).max(20000),
  })
  .strict()
  .describe('A draft campaign of kind win_back to the customers still churned; send it from the campaigns');
export type WinbackCampaign = z.infer<typeof winbackCampaignSchema>;
export { campaignSchema };
