import { z } from 'zod';
import { timestamp } from '../../../platform/http/common.schema.ts';
import { caseStatuses } from '../constants.ts';
import { day, text } from '../fields.schema.ts';

export const createGrievanceSchema = z
  .object({
    subject: text(300),
    description: text(20_000),
    anonymous: z
      .boolean()
      .default(false)
      .describe('No link to the submitter is stored anywhere; a follow-up code is returned once'),
  })
  .strict();
export type CreateGrievance = z.infer<typeof createGrievanceSchema>;
export const grievanceCreatedSchema = z.object({
  id: z.uuid().nullable().describe('Named grievances only (an anonymous submitter follows up with the code)'),
  followUpCode: z.string().nullable().describe('Anonymous only, shown once: read replies and write back with it'),
});
export type GrievanceCreated = z.infer<typeof grievanceCreatedSchema>;

export const followUpCodeParamsSchema = z.object({ code: z.string().min(10).max(100) }).strict();
export const grievanceFollowUpSchema = z.object({
  subject: z.string(),
  status: z.enum(caseStatuses),
  createdOn: day,
  messages: z.array(z.object({ from: z.enum(['submitter', 'handler']), body: z.string(), at: timestamp })),
});
export type GrievanceFollowUp = z.infer<typeof grievanceFollowUpSchema>;
export const followUpMessageSchema = z.object({ body: text(20_000) }).strict();

export const myGrievanceSchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    status: z.enum(caseStatuses),
    createdAt: timestamp,
    lastActivityAt: timestamp.describe('The latest reply, follow-up or status change'),
  })
  .meta({ id: 'MyGrievance' });
export type MyGrievance = z.infer<typeof myGrievanceSchema>;
export const myGrievancesSchema = z.object({ items: z.array(myGrievanceSchema) });
