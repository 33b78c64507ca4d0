import { z } from 'zod';
import { isoDateTime, pageQuerySchema, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import { timelineEventSchema } from '../../../platform/timeline/sources.ts';
import { interactionChannels, interactionDirections, sentiments, taskKinds, taskStatuses } from '../constants.ts';
import { careNoteSchema, historyEntrySchema } from '../parties.schema.ts';

const datetime = isoDateTime;

const participantSchema = z
  .object({
    userId: z.uuid().optional(),
    partyId: z.uuid().optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((p) => p.userId ?? p.partyId ?? p.name, 'Give a userId, partyId or name');

export const interactionSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    channel: z.enum(interactionChannels),
    direction: z.enum(interactionDirections),
    occurredAt: timestamp,
    subject: z.string(),
    body: z.string().nullable(),
    outcome: z.string().nullable(),
    sentiment: z.enum(sentiments).nullable(),
    participants: z.array(
      z.object({ userId: z.uuid().optional(), partyId: z.uuid().optional(), name: z.string().optional() }),
    ),
    userId: z.uuid().nullable().describe('The user who had the interaction'),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Interaction' });
export type Interaction = z.infer<typeof interactionSchema>;

// Something that happened: a day of slack for clocks and time zones, beyond it a plan belongs in a task.
const DAY_MS = 86_400_000;
const happenedAt = datetime.refine((v) => Date.parse(v) <= Date.now() + DAY_MS, {
  message: 'Cannot be more than a day in the future (plan it as a task)',
});

const interactionFields = {
  channel: z.enum(interactionChannels),
  direction: z.enum(interactionDirections).default('outbound'),
  occurredAt: happenedAt.optional().describe('Defaults to now; at most a day ahead'),
  subject: z.string().trim().min(1).max(300),
  body: z.string().max(20000).nullable().optional(),
  outcome: z.string().trim().max(2000).nullable().optional(),
  sentiment: z.enum(sentiments).nullable().optional(),
  participants: z.array(participantSchema).max(50).optional(),
  userId: z.uuid().nullable().optional().describe('Defaults to you'),
};
export const createInteractionSchema = z.object({ partyId: z.uuid(), ...interactionFields }).strict();
export type CreateInteraction = z.infer<typeof createInteractionSchema>;
export const updateInteractionSchema = z
  .object({
    ...interactionFields,
    channel: interactionFields.channel.optional(),
    direction: z.enum(interactionDirections).optional(),
    subject: interactionFields.subject.optional(),
    version: versionField,
  })
  .strict();
export type UpdateInteraction = z.infer<typeof updateInteractionSchema>;
export const listInteractionsQuerySchema = pageQuerySchema
  .extend({
    partyId: z.uuid().optional(),
    channel: z.enum(interactionChannels).optional(),
    userId: z.union([z.uuid(), z.literal('me')]).optional(),
    from: datetime.optional(),
    to: datetime.optional(),
  })
  .strict();
export type ListInteractionsQuery = z.infer<typeof listInteractionsQuerySchema>;

const taskKind = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/)
  .describe(`e.g. ${taskKinds.join(', ')}`);
export const taskSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid().nullable(),
    kind: z.string(),
    title: z.string(),
    notes: z.string().nullable(),
    dueAt: timestamp,
    assigneeId: z.uuid(),
    status: z.enum(taskStatuses),
    overdue: z.boolean(),
    completedAt: timestamp.nullable(),
    createdBy: z.uuid().nullable(),
    partyName: z.string().nullable().describe('In lists: the party’s name, when you may see the party'),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;
export const createTaskSchema = z
  .object({
    partyId: z.uuid().nullable().optional(),
    kind: taskKind,
    title: z.string().trim().min(1).max(300),
    notes: z.string().max(20000).nullable().optional(),
    dueAt: datetime,
    assigneeId: z.uuid().optional().describe('Defaults to you'),
  })
  .strict();
export type CreateTask = z.infer<typeof createTaskSchema>;
export const updateTaskSchema = z
  .object({
    kind: taskKind.optional(),
    title: z.string().trim().min(1).max(300).optional(),
    notes: z.string().max(20000).nullable().optional(),
    dueAt: datetime.optional(),
    assigneeId: z.uuid().optional(),
    status: z.enum(taskStatuses).optional(),
    version: versionField,
  })
  .strict();
export type UpdateTask = z.infer<typeof updateTaskSchema>;
export const listTasksQuerySchema = pageQuerySchema
  .extend({
    assignee: z.union([z.uuid(), z.literal('me')]).optional(),
    partyId: z.uuid().optional(),
    status: z.enum(taskStatuses).optional(),
    due: z
      .enum(['overdue', 'today', 'week'])
      .optional()
      .describe(
        'overdue: open and past due; today / week: due from the start of today (in tz) to the end of today / the next 7 days',
      ),
    tz: z
      .string()
      .max(64)
      .default('UTC')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'Unknown time zone')
      .describe('IANA time zone for today/week, e.g. Asia/Shanghai'),
  })
  .strict();
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

export const timelineItemSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('interaction'), id: z.uuid(), at: timestamp, interaction: interactionSchema }),
    z.object({ type: z.literal('task'), id: z.uuid(), at: timestamp, task: taskSchema }),
    z.object({ type: z.literal('history'), id: z.uuid(), at: timestamp, history: historyEntrySchema }),
    z.object({ type: z.literal('care'), id: z.uuid(), at: timestamp, care: careNoteSchema }),
    z
      .object({ type: z.literal('event'), id: z.uuid(), at: timestamp, event: timelineEventSchema })
      .describe('Contributed by another module (cases, transactions, survey answers…)'),
  ])
  .meta({ id: 'TimelineItem' });
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineQuerySchema = pageQuerySchema
  .extend({
    types: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/)
      .optional()
      .describe(
        'Comma-separated subset: interaction, task, history, care, or a contributed source (case, transaction, survey_response…)',
      ),
  })
  .strict();
