import { z } from 'zod';
import { timestamp, versionField } from '../../../platform/http/common.schema.ts';
import { day, text } from '../fields.schema.ts';
import { calendarProblems, isTimeZone } from './business-time.ts';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM (00:00–24:00)');

export const businessHoursSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 Monday … 7 Sunday'),
    start: clock,
    end: clock,
  })
  .strict();
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const target = z
  .object({
    firstResponseMinutes: z.number().int().min(1).max(525_600).describe('Business minutes to the first public reply'),
    resolveMinutes: z.number().int().min(1).max(5_256_000).describe('Business minutes to resolution'),
  })
  .strict();
export const slaTargetsSchema = z.object({ low: target, normal: target, high: target, urgent: target }).strict();
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

const policyFields = {
  name: text(200),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: 'Unknown IANA time zone (e.g. Asia/Shanghai, America/New_York)' }),
  hours: z
    .array(businessHoursSchema)
    .min(1)
    .max(50)
    .describe('Working hours per ISO weekday; end after start (no midnight crossing; 24:00 ends a day)'),
  holidays: z.array(day).max(400).default([]).describe('Whole days off (public holidays)'),
  workdays: z
    .array(day)
    .max(400)
    .default([])
    .describe('Make-up working days (调休): worked with the Monday–Friday standard hours'),
  targets: slaTargetsSchema,
  isDefault: z.boolean().default(false).describe('The org default for cases without a policy'),
};

function checkCalendar(
  v: { hours?: BusinessHours[] | undefined; holidays?: string[] | undefined; workdays?: string[] | undefined },
  ctx: z.RefinementCtx,
) {
  for (const p of calendarProblems(v)) {
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  }
}

export const createSlaPolicySchema = z.object(policyFields).strict().superRefine(checkCalendar);
export type CreateSlaPolicy = z.infer<typeof createSlaPolicySchema>;

export const updateSlaPolicySchema = z
  .object({
    name: policyFields.name.optional(),
    timeZone: policyFields.timeZone.optional(),
    hours: policyFields.hours.optional(),
    holidays: z.array(day).max(400).optional(),
    workdays: z.array(day).max(400).optional(),
    targets: slaTargetsSchema.optional(),
    isDefault: z.boolean().optional().describe('true makes it the default; the previous default loses the flag'),
    version: versionField,
  })
  .strict()
  .superRefine(checkCalendar)
  .describe('Changes apply to cases opened afterwards; due dates of existing cases stay');
export type UpdateSlaPolicy = z.infer<typeof updateSlaPolicySchema>;

export const slaPolicySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timeZone: z.string(),
    hours: z.array(businessHoursSchema),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    targets: slaTargetsSchema,
    isDefault: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'SlaPolicy' });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
