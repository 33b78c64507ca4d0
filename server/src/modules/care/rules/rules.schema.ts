import { z } from 'zod';
import { pageQuerySchema, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import {
  anniversaryFields,
  careAssignees,
  careMergeFields,
  careRuleKinds,
  careRuleRoles,
  careScopes,
} from '../constants.ts';

const mergeFieldNames = new Set<string>(careMergeFields);
/** A template: plain text with `{{field}}` merge fields; an unknown field is refused on save (400 on the field). */
const template = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      for (const m of s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
        if (!mergeFieldNames.has(m[1] ?? '')) {
          ctx.addIssue({ code: 'custom', message: `Unknown merge field {{${m[1] ?? ''}}}` });
        }
      }
    })
    .describe(`Text with merge fields: ${careMergeFields.map((f) => `{{${f}}}`).join(', ')}`);

const customKey = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/)
  .describe('Key of an active custom field of type date');

export const careRuleParamsSchema = z
  .object({
    days: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .describe('purchase: days after the purchase; revisit: days after the last visit (both required there)'),
    category: z.string().trim().min(1).max(100).optional().describe('purchase: a product category (or productId)'),
    productId: z.uuid().optional().describe('purchase: one product (or category)'),
    field: z
      .union([z.enum(anniversaryFields), customKey])
      .optional()
      .describe(
        'anniversary: customer_since or hire_date; contract_renewal (default contract_end) and custom_date: a custom date field',
      ),
    yearly: z.boolean().optional().describe('custom_date: every year on the date (default) or once'),
  })
  .strict()
  .describe('What the kind needs (docs/care.md "Rule kinds")');
export type CareRuleParams = z.infer<typeof careRuleParamsSchema>;

const name = z.string().trim().min(1).max(200);
const leadDays = z.number().int().min(0).max(365).describe('Remind this many days before the occasion (0: on the day)');
const assigneeId = z.uuid().nullable().describe('The named user when assignee is `user`');

export const createCareRuleSchema = z
  .object({
    name,
    kind: z.enum(careRuleKinds),
    params: careRuleParamsSchema.default({}),
    role: z.enum(careRuleRoles).default('customer').describe('Whom the rule looks at'),
    leadDays: leadDays.default(0),
    scope: z
      .enum(careScopes)
      .optional()
      .describe(
        'org: every party of the role (admins, managers, marketing); mine: your own customers (the default for agents)',
      ),
    assignee: z.enum(careAssignees).default('owner'),
    assigneeId: assigneeId.optional(),
    titleZh: template(200),
    titleEn: template(200),
    bodyZh: template(4000).nullable().optional(),
    bodyEn: template(4000).nullable().optional(),
    active: z.boolean().default(true),
  })
  .strict();
export type CreateCareRule = z.infer<typeof createCareRuleSchema>;

export const updateCareRuleSchema = z
  .object({
    name: name.optional(),
    params: careRuleParamsSchema.optional(),
    role: z.enum(careRuleRoles).optional(),
    leadDays: leadDays.optional(),
    assignee: z.enum(careAssignees).optional(),
    assigneeId: assigneeId.optional(),
    titleZh: template(200).optional(),
    titleEn: template(200).optional(),
    bodyZh: template(4000).nullable().optional(),
    bodyEn: template(4000).nullable().optional(),
    active: z.boolean().optional().describe('Inactive rules raise no tasks and keep their history'),
    version: versionField,
  })
  .strict()
  .describe('The kind and scope of a rule are fixed: make a new rule instead');
export type UpdateCareRule = z.infer<typeof updateCareRuleSchema>;

export const careRuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(careRuleKinds),
    params: careRuleParamsSchema,
    role: z.enum(careRuleRoles),
    leadDays: z.number().int(),
    scope: z.enum(careScopes),
    assignee: z.enum(careAssignees),
    assigneeId: z.uuid().nullable(),
    titleZh: z.string(),
    titleEn: z.string(),
    bodyZh: z.string().nullable(),
    bodyEn: z.string().nullable(),
    active: z.boolean(),
    createdBy: z.uuid(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'CareRule' });
export type CareRule = z.infer<typeof careRuleSchema>;

export const listCareRulesQuerySchema = pageQuerySchema.extend({
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only active (true) or inactive (false) rules'),
});
export type ListCareRulesQuery = z.infer<typeof listCareRulesQuerySchema>;

export const previewQuerySchema = z
  .object({
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(366)
      .default(7)
      .describe('Reminders due from today to today + days: occasions from today to today + days + the lead days'),
  })
  .strict();

export const careOccasionRowSchema = z.object({
  partyId: z.uuid(),
  displayName: z.string(),
  occasionOn: z.string().describe('The occasion (birthday, anniversary, follow-up day…), YYYY-MM-DD'),
  remindOn: z.string().describe('When the task is created: the occasion minus the rule’s lead days'),
  assigneeId: z.uuid(),
  title: z.string().describe('The task title in the assignee’s language'),
  created: z.boolean().describe('The task for this occasion exists already'),
});
export const careRulePreviewSchema = z
  .object({
    ruleId: z.uuid(),
    from: z.string(),
    to: z.string(),
    items: z.array(careOccasionRowSchema).describe('Parties you may see, by reminder day (at most 500)'),
    note: z.string().nullable(),
  })
  .meta({ id: 'CareRulePreview' });
export type CareRulePreview = z.infer<typeof careRulePreviewSchema>;
