import { z } from 'zod';
import { isoDate, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import { projectKinds, projectStatuses, targetDirections, targetMetrics } from '../constants.ts';

// Shapes of relationship projects (docs/projects.md).

/** Money in and out: a decimal string with at most 2 decimals within numeric(14,2); never a float. */
export const moneySchema = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'A decimal string with at most 2 decimals, such as "1200.50"');

const finite = z.number().min(-1e12).max(1e12);

export const targetInputSchema = z
  .object({
    metric: z.enum(targetMetrics),
    scope: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .optional()
      .describe(
        'party role, segment id, product id or category (docs/metrics.md "Project targets"); a label for custom',
      ),
    target: finite.describe('The level to reach'),
    direction: z.enum(targetDirections).describe('up: met when after ≥ target; down: met when after ≤ target'),
    unit: z.string().trim().max(40).nullable().optional(),
    before: finite.nullable().optional().describe('custom only: the value at the start, typed in'),
  })
  .strict();
export type TargetInput = z.infer<typeof targetInputSchema>;

const measuredSchema = z.object({ value: z.number().nullable(), at: timestamp });
export const targetSchema = z.object({
  index: z.number().int(),
  metric: z.enum(targetMetrics),
  scope: z.string().nullable(),
  target: z.number(),
  direction: z.enum(targetDirections),
  unit: z.string().nullable(),
  before: measuredSchema.nullable().describe('Measured when the project became active'),
});
export type Target = z.infer<typeof targetSchema>;

const milestoneSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    due: isoDate.nullable().optional(),
    doneOn: isoDate.nullable().optional(),
  })
  .strict();

const fields = {
  name: z.string().trim().min(1).max(200),
  goal: z.string().trim().max(5000).nullable().optional(),
  targets: z.array(targetInputSchema).max(20).optional(),
  ownerId: z.uuid().nullable().optional(),
  members: z.array(z.uuid()).max(100).optional(),
  partyIds: z.array(z.uuid()).max(500).optional(),
  segmentIds: z.array(z.uuid()).max(20).optional(),
  budget: moneySchema.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .optional(),
  milestones: z.array(milestoneSchema).max(50).optional(),
  deadline: isoDate.nullable().optional(),
  ideaOn: isoDate.nullable().optional().describe('Product projects: the day of the idea'),
  launchOn: isoDate.nullable().optional().describe('Product projects: the launch day'),
  firstSaleOn: isoDate.nullable().optional().describe('Product projects: the first sale'),
  productId: z
    .uuid()
    .nullable()
    .optional()
    .describe("Product projects: the organisation's product it launches (the capability index's new-product share)"),
};

export const createProjectSchema = z.object({ kind: z.enum(projectKinds), ...fields }).strict();
export type CreateProject = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .object({
    ...fields,
    name: fields.name.optional(),
    status: z.enum(projectStatuses).optional().describe('planned → active → (close) | cancelled; closed only by close'),
    version: versionField,
  })
  .strict();
export type UpdateProject = z.infer<typeof updateProjectSchema>;

export const listProjectsQuerySchema = z
  .object({ status: z.enum(projectStatuses).optional(), kind: z.enum(projectKinds).optional() })
  .strict();
export type ListProjectsQuery = z.infer<typeof listProjectsQuerySchema>;

export const createCostSchema = z
  .object({ amount: moneySchema, spentOn: isoDate, note: z.string().trim().max(1000).nullable().optional() })
  .strict();
export type CreateCost = z.infer<typeof createCostSchema>;

export const createLogSchema = z.object({ text: z.string().trim().min(1).max(5000) }).strict();

export const closeProjectSchema = z
  .object({
    lessons: z.string().trim().max(10000).nullable().optional(),
    customValues: z
      .array(z.object({ target: z.number().int().min(0).max(19), value: finite }).strict())
      .max(20)
      .optional()
      .describe('The after value of each custom target, by its index'),
    version: versionField,
  })
  .strict();
export type CloseProject = z.infer<typeof closeProjectSchema>;

const evaluatedTargetSchema = targetSchema.extend({
  after: measuredSchema.nullable(),
  met: z.boolean().nullable().describe('null when either value is missing'),
});
const budgetFigures = {
  budget: moneySchema,
  spent: moneySchema,
  remaining: z.string().describe('budget − spent; negative when over budget'),
  spentShare: z.number().nullable().describe('spent / budget; null when the budget is 0'),
};
export const evaluationSchema = z.object({
  measuredAt: timestamp,
  targets: z.array(evaluatedTargetSchema),
  met: z.number().int(),
  evaluated: z.number().int(),
  ...budgetFigures,
  lessons: z.string().nullable(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  kind: z.enum(projectKinds),
  name: z.string(),
  goal: z.string().nullable(),
  targets: z.array(targetSchema),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  members: z.array(z.uuid()),
  parties: z.array(z.object({ id: z.uuid(), displayName: z.string() })).describe('Linked parties the reader may see'),
  segmentIds: z.array(z.uuid()),
  currency: z.string().nullable(),
  ...budgetFigures,
  milestones: z.array(z.object({ name: z.string(), due: z.string().nullable(), doneOn: z.string().nullable() })),
  deadline: z.string().nullable(),
  ideaOn: z.string().nullable(),
  launchOn: z.string().nullable(),
  firstSaleOn: z.string().nullable(),
  productId: z.uuid().nullable(),
  status: z.enum(projectStatuses),
  startedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  evaluation: evaluationSchema.nullable(),
  costs: z.array(
    z.object({
      id: z.uuid(),
      amount: moneySchema,
      spentOn: z.string(),
      note: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
  log: z.array(z.object({ id: z.uuid(), text: z.string(), authorName: z.string().nullable(), at: timestamp })),
  createdAt: timestamp,
  version: z.number().int(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectsSchema = z.object({ items: z.array(projectSchema.omit({ costs: true, log: true })) });
export type ProjectListItem = z.infer<typeof projectsSchema>['items'][number];

export const burnDownSchema = z.object({
  budget: moneySchema,
  currency: z.string().nullable(),
  days: z.array(
    z.object({ day: z.string(), spent: z.string().describe('Cumulative cost up to and including the day') }),
  ),
  note: z.enum(['not_enough_data']).nullable(),
});
export type BurnDown = z.infer<typeof burnDownSchema>;
