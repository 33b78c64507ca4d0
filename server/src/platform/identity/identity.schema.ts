import { z } from 'zod';
import { pageQuerySchema, timestamp, versionField } from '../http/common.schema.ts';

import { locales, roles } from './constants.ts';

export { locales, roles };
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const displayName = z.string().trim().min(1).max(200);
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200);

export const userSchema = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    orgUnitId: z.uuid().nullable(),
    partyId: z.uuid().nullable(),
    locale: localeSchema.nullable(),
    active: z.boolean(),
    lastLoginAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z
  .object({
    email,
    displayName,
    password: passwordSchema,
    roles: z.array(roleSchema).min(1).max(roles.length),
    orgUnitId: z.uuid().nullable().optional(),
    locale: localeSchema.nullable().optional(),
  })
  .strict();
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: displayName.optional(),
    email: email.optional(),
    password: passwordSchema.optional(),
    roles: z.array(roleSchema).min(1).max(roles.length).optional(),
    orgUnitId: z.uuid().nullable().optional(),
    locale: localeSchema.nullable().optional(),
    active: z.boolean().optional(),
    partyId: z.uuid().nullable().optional().describe('Link the user to their own employee record (party)'),
    version: versionField,
  })
  .strict();
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const userSortFields = ['displayName', 'email', 'createdAt', 'lastLoginAt'] as const;
export const listUsersQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(200).optional(),
    role: roleSchema.optional(),
    orgUnitId: z.uuid().optional(),
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    scope: z.enum(['all', 'team']).default('all'),
    sort: z.enum([...userSortFields, ...userSortFields.map((f) => `-${f}` as const)]).default('displayName'),
  })
  .strict();

export const orgUnitSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    managerUserId: z.uuid().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'OrgUnit' });
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const createOrgUnitSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    parentId: z.uuid().nullable().optional(),
    managerUserId: z.uuid().nullable().optional(),
  })
  .strict();
export const updateOrgUnitSchema = createOrgUnitSchema.partial().extend({ version: versionField }).strict();
export type CreateOrgUnit = z.infer<typeof createOrgUnitSchema>;
export type UpdateOrgUnit = z.infer<typeof updateOrgUnitSchema>;
export const listOrgUnitsQuerySchema = pageQuerySchema
  .extend({ limit: z.coerce.number().int().min(1).max(1000).default(500) })
  .strict();

export const organizationSchema = z
  .object({ id: z.uuid(), name: z.string(), slug: z.string(), defaultLocale: localeSchema })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof organizationSchema>;
