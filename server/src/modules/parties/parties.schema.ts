import { z } from 'zod';
import { localeSchema } from '../../platform/identity/identity.schema.ts';
import {
  isoDate,
  isoDateTime,
  MAX_INT4,
  multiValue,
  pageQuerySchema,
  timestamp,
  versionField,
} from '../../platform/http/common.schema.ts';
import {
  customerStages,
  employeeStages,
  genders,
  historyFields,
  kotlerLevels,
  MAX_BULK_PARTIES,
  partyKinds,
  partyRoles,
  quadrants,
  relationshipPhases,
} from './constants.ts';

export const partyKindSchema = z.enum(partyKinds);
export const partyRoleNameSchema = z.enum(partyRoles);
const allStages = [...new Set([...customerStages, ...employeeStages])] as [string, ...string[]];
export const kotlerLevelSchema = z.enum(kotlerLevels);
export const quadrantSchema = z.enum(quadrants);
export const phaseSchema = z.enum(relationshipPhases);
const date = isoDate;
const shortText = z.string().trim().max(200);
const reason = z.string().trim().max(1000);

const factValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
const factMap = z
  .record(z.string().min(1).max(100), factValue)
  .refine((m) => Object.keys(m).length <= 100, 'at most 100 entries');
export const careNoteInputSchema = z
  .object({
    id: z.uuid().optional(),
    at: isoDateTime.optional(),
    note: z.string().trim().min(1).max(4000),
    topic: z.enum(['feelings', 'worries', 'life_event', 'other']).nullable().optional(),
  })
  .strict();
export const careNoteSchema = z
  .object({ id: z.uuid(), at: timestamp, note: z.string(), topic: z.string().nullable() })
  .meta({ id: 'CareNote' });
export const profileInputSchema = z
  .object({
    facts: factMap.optional(),
    preferences: factMap.optional(),
    care: z.array(careNoteInputSchema).max(500).optional(),
  })
  .strict();
export const profileSchema = z.object({
  facts: z.record(z.string(), factValue),
  preferences: z.record(z.string(), factValue),
  care: z.array(careNoteSchema),
});
export const addressSchema = z
  .object({
    text: shortText.optional(),
    country: shortText.optional(),
    region: shortText.optional(),
    city: shortText.optional(),
    district: shortText.optional(),
    street: shortText.optional(),
    postalCode: z.string().trim().max(20).optional(),
  })
  .strict();
const customValue = z.union([
  z.string().max(4000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(100),
  z.null(),
]);
export const customSchema = z.record(z.string().max(63), customValue);

export const employmentInputSchema = z
  .object({
    employeeNo: shortText.nullable().optional(),
    hireDate: date.nullable().optional(),
    orgUnitId: z.uuid().nullable().optional(),
    managerId: z.uuid().nullable().optional().describe('The manager (a user)'),
    jobTitle: shortText.nullable().optional(),
    careerTrack: shortText.nullable().optional(),
    grade: shortText.nullable().optional(),
    salary: z
      .union([z.number().nonnegative(), z.string().regex(/^\d{1,15}(\.\d{1,4})?$/)])
      .nullable()
      .optional()
      .describe('Sensitive: HR, admin, managers and the employee only'),
    exitDate: date.nullable().optional(),
    exitReason: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
/** Employment as returned: sensitive keys are omitted for readers outside the employee's circle. */
export const employmentSchema = z
  .object({
    employeeNo: z.string().nullable().optional(),
    hireDate: z.string().nullable().optional(),
    orgUnitId: z.uuid().nullable(),
    managerId: z.uuid().nullable(),
    jobTitle: z.string().nullable(),
    careerTrack: z.string().nullable().optional(),
    grade: z.string().nullable().optional(),
    salary: z.string().nullable().optional(),
    exitDate: z.string().nullable().optional(),
    exitReason: z.string().nullable().optional(),
  })
  .meta({ id: 'Employment' });

export const roleInputSchema = z
  .object({
    stakeholderGroup: z.string().max(63).nullable().optional(),
    stage: z.string().max(40).optional(),
    level: kotlerLevelSchema.nullable().optional(),
    targetLevel: kotlerLevelSchema.nullable().optional(),
    initiativeScore: z.number().int().min(1).max(5).nullable().optional(),
    participationScore: z.number().int().min(1).max(5).nullable().optional(),
    phase: phaseSchema.nullable().optional(),
    employment: employmentInputSchema.optional(),
    reason: reason.optional().describe('Why: recorded in the history with every stage, level or phase change'),
    version: versionField.describe('Required when the role exists already'),
  })
  .strict();
export type RoleInput = z.infer<typeof roleInputSchema>;
export const newRoleSchema = roleInputSchema.omit({ version: true }).extend({ role: partyRoleNameSchema }).strict();

export const partyRoleSchema = z
  .object({
    id: z.uuid(),
    role: partyRoleNameSchema,
    stakeholderGroup: z.string().nullable(),
    stage: z.string(),
    legalNextStages: z.array(z.string()),
    level: kotlerLevelSchema.nullable(),
    targetLevel: kotlerLevelSchema.nullable(),
    levelGap: z.number().int().nullable().describe('Steps from level to targetLevel on Kotler’s scale'),
    targetLevelBy: z.string().nullable().describe('Date by which the target Kotler level should be reached'),
    initiativeScore: z.number().int().nullable(),
    participationScore: z.number().int().nullable(),
    quadrant: quadrantSchema
      .nullable()
      .describe('HR quadrant, derived from the two scores (3 or more is high); never accepted as input'),
    targetQuadrant: quadrantSchema.nullable().describe('HR quadrant to reach (its own target, apart from Kotler’s)'),
    targetQuadrantBy: z.string().nullable(),
    phase: phaseSchema.nullable(),
    employment: employmentSchema.optional(),
    startedAt: timestamp,
    endedAt: timestamp.nullable(),
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'PartyRole' });
export type PartyRole = z.infer<typeof partyRoleSchema>;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const phone = z.string().trim().min(1).max(40);
const tag = z.string().trim().min(1).max(50);

const partyFields = {
  displayName: z.string().trim().min(1).max(200),
  externalId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('A key from another system; unique in the organisation (imports upsert by it)'),
  givenName: shortText.nullable().optional(),
  familyName: shortText.nullable().optional(),
  emails: z.array(email).max(20).optional(),
  phones: z
    .array(phone)
    .max(20)
    .optional()
    .describe('Any format; stored as E.164 where possible (+86 for Chinese numbers without a prefix)'),
  birthday: date.nullable().optional(),
  gender: z.enum(genders).nullable().optional(),
  address: addressSchema.nullable().optional(),
  locale: localeSchema.nullable().optional(),
  tags: z.array(tag).max(50).optional(),
  custom: customSchema.optional().describe('Validated against /api/field-definitions'),
  ownerId: z.uuid().nullable().optional(),
  backupOwnerId: z.uuid().nullable().optional(),
  profile: profileInputSchema.optional(),
};

export const createPartySchema = z
  .object({
    kind: partyKindSchema,
    ...partyFields,
    roles: z
      .array(newRoleSchema)
      .max(partyRoles.length)
      .refine((rs) => new Set(rs.map((r) => r.role)).size === rs.length, 'Each role once')
      .optional(),
  })
  .strict();
export type CreateParty = z.infer<typeof createPartySchema>;

export const updatePartySchema = z
  .object({
    ...partyFields,
    displayName: partyFields.displayName.optional(),
    kind: partyKindSchema.optional(),
    reason: reason.optional().describe('Recorded in the history with an owner change'),
    version: versionField,
  })
  .strict();
export type UpdateParty = z.infer<typeof updatePartySchema>;

export const partySchema = z
  .object({
    id: z.uuid(),
    kind: partyKindSchema,
    access: z
      .enum(['full', 'directory'])
      .describe('directory: an employee outside your circle; only directory fields are sent'),
    displayName: z.string(),
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    externalId: z.string().nullable().optional(),
    birthday: z.string().nullable().optional(),
    gender: z.string().nullable().optional(),
    address: addressSchema.nullable().optional(),
    locale: z.string().nullable().optional(),
    tags: z.array(z.string()).optional(),
    custom: customSchema.optional(),
    ownerId: z.uuid().nullable().optional(),
    ownerName: z.string().nullable().optional().describe('The owner’s display name (lists need no request per owner)'),
    backupOwnerId: z.uuid().nullable().optional(),
    backupOwnerName: z.string().nullable().optional(),
    profile: profileSchema.optional(),
    roles: z.array(partyRoleSchema).describe('Current roles; empty in directory mode'),
    directory: z
      .object({ jobTitle: z.string().nullable(), orgUnitId: z.uuid().nullable(), managerId: z.uuid().nullable() })
      .optional()
      .describe('Directory mode only: the employee’s title, unit and manager'),
    mergedIntoId: z.uuid().nullable(),
    deletedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Party' });
export type Party = z.infer<typeof partySchema>;

export const partySortFields = ['displayName', 'createdAt', 'updatedAt'] as const;
const sortKey = z.enum([...partySortFields, ...partySortFields.map((f) => `-${f}` as const)]);
export const listPartiesQuerySchema = pageQuerySchema
  .extend({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Name (any substring, Chinese included), email, phone in any format, or tag'),
    // Several values per filter match any of them (docs/domain.md "Lists and filters").
    role: multiValue(partyRoleNameSchema).optional(),
    stage: multiValue(z.enum(allStages)).optional(),
    level: kotlerLevelSchema.optional(),
    stakeholderGroup: z.string().max(63).optional(),
    ownerId: multiValue(z.union([z.uuid(), z.literal('me')])).optional(),
    tag: multiValue(tag).optional(),
    kind: multiValue(partyKindSchema).optional(),
    ids: multiValue(z.uuid(), MAX_BULK_PARTIES).optional().describe('Only these parties (the export of a selection)'),
    createdFrom: isoDateTime.optional(),
    createdTo: isoDateTime.optional(),
    status: z.enum(['active', 'deleted']).default('active').describe('deleted: the bin, for restoring'),
    sort: z
      .string()
      .max(100)
      .default('-updatedAt')
      .pipe(
        z.string().transform((s, ctx) => {
          const keys = s.split(',').map((k) => k.trim());
          const ok =
            keys.length <= 3 &&
            new Set(keys.map((k) => k.replace(/^-/, ''))).size === keys.length &&
            keys.every((k) => sortKey.safeParse(k).success);
          if (!ok) {
            ctx.addIssue({
              code: 'custom',
              message: `Sort by up to three of ${partySortFields.join(', ')} (prefix - for descending)`,
            });
            return z.NEVER;
          }
          return keys as z.infer<typeof sortKey>[];
        }),
      )
      .describe('Comma-separated, e.g. -updatedAt,displayName'),
  })
  .strict();
export type ListPartiesQuery = z.infer<typeof listPartiesQuerySchema>;

export const historyEntrySchema = z
  .object({
    id: z.uuid(),
    role: partyRoleNameSchema.nullable(),
    field: z.enum(historyFields),
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: z.string().nullable(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    at: timestamp,
  })
  .meta({ id: 'PartyHistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const historyQuerySchema = pageQuerySchema
  .extend({ role: partyRoleNameSchema.optional(), field: z.enum(historyFields).optional() })
  .strict();

export const roleParamsSchema = z.object({ id: z.uuid(), role: partyRoleNameSchema }).strict();
export const endRoleQuerySchema = z
  .object({ reason: reason.optional(), version: z.coerce.number().int().min(1).max(MAX_INT4).optional() })
  .strict();

export const duplicateSchema = z
  .object({ party: partySchema, reasons: z.array(z.enum(['email', 'phone', 'name'])), score: z.number() })
  .meta({ id: 'PartyDuplicate' });
export const mergeBodySchema = z
  .object({ intoId: z.uuid(), version: versionField.describe('Version of the party being merged away') })
  .strict();
export const mergeResultSchema = z
  .object({ mergeId: z.uuid(), source: partySchema, target: partySchema, undoUntil: timestamp })
  .meta({ id: 'PartyMergeResult' });
export type MergeResult = z.infer<typeof mergeResultSchema>;
