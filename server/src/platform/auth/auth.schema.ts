import { z } from 'zod';
import { localeSchema, organizationSchema, roleSchema } from '../identity/identity.schema.ts';
import { pageQuerySchema, timestamp } from '../http/common.schema.ts';

export const loginSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(1).max(254),
    password: z.string().min(1).max(200),
    org: z.string().max(100).optional().describe('Organisation slug, only needed when the email exists in several'),
  })
  .strict();

export const sessionUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    orgId: z.uuid(),
    locale: localeSchema.nullable(),
    orgUnitId: z.uuid().nullable(),
    partyId: z.uuid().nullable(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.object({
  user: sessionUserSchema,
  org: organizationSchema,
  /** Present for cookie sessions: send it back as `x-csrf-token` on writes. */
  csrfToken: z.string().nullable(),
  authMethod: z.enum(['session', 'token']),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const updateMeSchema = z
  .object({ locale: localeSchema.nullable().optional(), displayName: z.string().trim().min(1).max(200).optional() })
  .strict();

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    userId: z.uuid(),
    prefix: z.string(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenCreatedSchema = apiTokenSchema
  .extend({ token: z.string().describe('Shown once') })
  .meta({ id: 'ApiTokenCreated' });
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;
export const createTokenSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const listTokensQuerySchema = pageQuerySchema
  .extend({
    all: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    includeRevoked: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();

export const ownSessionSchema = z
  .object({
    id: z.uuid(),
    current: z.boolean().describe('The session this request came with'),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: timestamp,
    lastSeenAt: timestamp,
    expiresAt: timestamp,
  })
  .meta({ id: 'OwnSession' });
export type OwnSession = z.infer<typeof ownSessionSchema>;
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) })
  .strict();
export type ChangePassword = z.infer<typeof changePasswordSchema>;
