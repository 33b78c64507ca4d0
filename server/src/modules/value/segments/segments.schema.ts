import { z } from 'zod';
import { pageQuerySchema, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import { MAX_BULK_PARTIES } from '../../parties/index.ts';
import { segmentMemberSorts } from './constants.ts';
import { segmentRuleSchema } from './rule.schema.ts';

const name = z.string().trim().min(1).max(100);
const description = z.string().trim().max(1000);
const priority = z
  .number()
  .int()
  .min(0)
  .max(10000)
  .describe('Lower first: a respondent’s segment (surveys, groupBy=segment) is the first active one they match');

export const createSegmentSchema = z
  .object({
    name,
    description: description.optional(),
    rule: segmentRuleSchema,
    priority: priority.default(100),
  })
  .strict();
export type CreateSegment = z.infer<typeof createSegmentSchema>;

export const updateSegmentSchema = z
  .object({
    name: name.optional(),
    description: description.nullable().optional(),
    rule: segmentRuleSchema.optional(),
    priority: priority.optional(),
    archived: z.boolean().optional().describe('Archived segments keep their history but leave lists and surveys'),
    version: versionField,
  })
  .strict();
export type UpdateSegment = z.infer<typeof updateSegmentSchema>;

export const segmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    rule: segmentRuleSchema,
    priority: z.number().int(),
    archived: z.boolean(),
    createdBy: z.uuid().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Segment' });
export type Segment = z.infer<typeof segmentSchema>;

export const listSegmentsQuerySchema = pageQuerySchema
  .extend({
    archived: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('true: archived segments only (default: active ones)'),
  })
  .strict();
export type ListSegmentsQuery = z.infer<typeof listSegmentsQuerySchema>;

export const segmentMemberSchema = z
  .object({
    id: z.uuid().describe('The party'),
    displayName: z.string(),
    kind: z.string(),
    ownerId: z.uuid().nullable(),
    rfmSegment: z.string().nullable(),
    valueClass: z.string().nullable(),
    clv: z.string().nullable(),
    monetary: z.string().nullable(),
    lastPurchaseOn: z.string().nullable(),
  })
  .meta({ id: 'SegmentMember' });
export type SegmentMember = z.infer<typeof segmentMemberSchema>;

export const membersQuerySchema = pageQuerySchema
  .extend({
    sort: z
      .enum(segmentMemberSorts)
      .default('name')
      .describe('name, or by value from the latest snapshot: -monetary, -clv (customers without a value last)'),
  })
  .strict();
export type MembersQuery = z.infer<typeof membersQuerySchema>;

export const segmentCountSchema = z
  .object({
    count: z.number().int().describe('Members you may see, now'),
    valueSnapshotAsOf: z.string().nullable().describe('The value snapshot value conditions read (null: none yet)'),
    note: z.string().nullable(),
  })
  .meta({ id: 'SegmentCount' });
export type SegmentCount = z.infer<typeof segmentCountSchema>;

export const segmentPreviewBodySchema = z.object({ rule: segmentRuleSchema }).strict();
export const segmentPreviewSchema = segmentCountSchema
  .extend({ sample: z.array(segmentMemberSchema).describe('The first members by name (at most 20)') })
  .meta({ id: 'SegmentPreview' });
export type SegmentPreview = z.infer<typeof segmentPreviewSchema>;

export const segmentHistorySchema = z
  .object({
    months: z.array(
      z.object({
        month: z.string().describe('The first day of the month the membership was taken'),
        members: z.number().int(),
        entered: z.number().int().describe('Members that month who were not members the month before'),
        left: z.number().int().describe('Members the month before who are not members that month'),
      }),
    ),
    note: z.string().nullable(),
  })
  .meta({ id: 'SegmentHistory' });
export type SegmentHistory = z.infer<typeof segmentHistorySchema>;

export const addSegmentMembersSchema = z
  .object({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(MAX_BULK_PARTIES)
      .describe('A selection of the party list, at most as many as one bulk action')
      .refine((ids) => new Set(ids).size === ids.length, 'Each party once'),
  })
  .strict();
export type AddSegmentMembers = z.infer<typeof addSegmentMembersSchema>;
export const addSegmentMembersOutcomeSchema = z
  .object({
    added: z.number().int(),
    already: z.number().int().describe('Already listed by hand'),
    segment: segmentSchema,
  })
  .meta({ id: 'AddSegmentMembersOutcome' });
export type AddSegmentMembersOutcome = z.infer<typeof addSegmentMembersOutcomeSchema>;
