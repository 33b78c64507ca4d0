import { z } from 'zod';
import { timestamp } from '../../platform/http/common.schema.ts';
import { roleSchema } from '../../platform/identity/identity.schema.ts';

// Practice organisations (docs/practice.md): separate organisations seeded from the demo generator, where trainees
// act without touching real records.

export const practiceOrgSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string().describe('Sign in with `org` set to this slug when the email also exists elsewhere'),
    seed: z.number().int(),
    size: z.object({ customers: z.number().int(), employees: z.number().int(), transactions: z.number().int() }),
    trainees: z.number().int(),
    resets: z.number().int(),
    createdAt: timestamp,
    resetAt: timestamp.nullable(),
  })
  .meta({ id: 'PracticeOrg' });
export type PracticeOrg = z.infer<typeof practiceOrgSchema>;
export const practiceOrgsSchema = z.object({ items: z.array(practiceOrgSchema) });

export const practiceOrgDetailSchema = practiceOrgSchema
  .extend({
    accounts: z.array(z.object({ userId: z.uuid(), email: z.string(), kind: z.enum(['admin', 'trainee']) })),
    digest: z
      .string()
      .describe('SHA-256 of the organisation’s data without ids and timestamps: equal after each reset'),
    rows: z.number().int(),
  })
  .meta({ id: 'PracticeOrgDetail' });
export type PracticeOrgDetail = z.infer<typeof practiceOrgDetailSchema>;

export const createdPracticeOrgSchema = practiceOrgSchema
  .extend({
    adminEmail: z.string(),
    password: z.string().describe('The practice admin’s password, shown once'),
  })
  .meta({ id: 'CreatedPracticeOrg' });
export type CreatedPracticeOrg = z.infer<typeof createdPracticeOrgSchema>;

export const createPracticeOrgSchema = z
  .object({ from: z.literal('demo').optional().describe('The only source: the demo generator (never real data)') })
  .strict();

export const addTraineeSchema = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase()),
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(roleSchema).min(1).max(7).optional().describe('Default: agent'),
    password: z.string().min(1).max(200).optional().describe('Generated (and shown once) when left out'),
  })
  .strict();
export type AddTrainee = z.infer<typeof addTraineeSchema>;
export const traineeSchema = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    password: z.string().nullable().describe('Shown once, when generated'),
  })
  .meta({ id: 'PracticeTrainee' });
