import { z } from 'zod';
import { pageQuerySchema, timestamp, versionField } from '../../../platform/http/common.schema.ts';
import { fieldTypes, stakeholderSides } from '../constants.ts';
import { kotlerLevelSchema, quadrantSchema } from '../parties.schema.ts';

const label = z.string().trim().min(1).max(200);

export const stakeholderGroupSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    side: z.enum(stakeholderSides),
    sortOrder: z.number().int(),
    active: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'StakeholderGroup' });
export type StakeholderGroup = z.infer<typeof stakeholderGroupSchema>;
export const createStakeholderGroupSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower_snake_case key'),
    nameZh: label,
    nameEn: label,
    side: z.enum(stakeholderSides),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export type CreateStakeholderGroup = z.infer<typeof createStakeholderGroupSchema>;
export const updateStakeholderGroupSchema = createStakeholderGroupSchema
  .omit({ key: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: versionField })
  .strict()
  .describe('The key is permanent (roles refer to it); deactivate a group instead of deleting it');
export type UpdateStakeholderGroup = z.infer<typeof updateStakeholderGroupSchema>;
export const listStakeholderGroupsQuerySchema = pageQuerySchema
  .extend({
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();

export const fieldDefinitionSchema = z
  .object({
    id: z.uuid(),
    entity: z.literal('party'),
    key: z.string(),
    labelZh: z.string(),
    labelEn: z.string(),
    type: z.enum(fieldTypes),
    options: z.array(z.string()),
    required: z.boolean(),
    active: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'FieldDefinition' });
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;
const options = z.array(z.string().trim().min(1).max(100)).max(200);
export const createFieldDefinitionSchema = z
  .object({
    entity: z.literal('party').default('party'),
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'letters, digits and _ (starting with a letter)'),
    labelZh: label,
    labelEn: label,
    type: z.enum(fieldTypes),
    options: options.optional().describe('Choices of a select or multiselect field'),
    required: z.boolean().optional(),
  })
  .strict();
export type CreateFieldDefinition = z.infer<typeof createFieldDefinitionSchema>;
export const updateFieldDefinitionSchema = z
  .object({
    labelZh: label.optional(),
    labelEn: label.optional(),
    options: options.optional(),
    required: z.boolean().optional(),
    active: z.boolean().optional(),
    version: versionField,
  })
  .strict()
  .describe('Key and type are permanent: stored values depend on them');
export type UpdateFieldDefinition = z.infer<typeof updateFieldDefinitionSchema>;
export const listFieldDefinitionsQuerySchema = pageQuerySchema
  .extend({
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();

export const relationshipMapSchema = z
  .object({
    levels: z.array(
      z.object({
        stakeholderGroup: z.string().nullable(),
        level: kotlerLevelSchema.nullable(),
        targetLevel: kotlerLevelSchema.nullable(),
        count: z.number().int(),
      }),
    ),
    quadrants: z.array(
      z.object({
        stakeholderGroup: z.string().nullable(),
        quadrant: quadrantSchema.nullable(),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'RelationshipMap' });
export type RelationshipMap = z.infer<typeof relationshipMapSchema>;
