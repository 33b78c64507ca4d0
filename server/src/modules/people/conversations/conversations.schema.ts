import { z } from 'zod';
import { isoDateTime } from '../../../platform/http/common.schema.ts';
import { conversationKinds } from '../constants.ts';
import { day, longText, shortText } from '../people.schema.ts';

export const createOneOnOneSchema = z
  .object({
    partyId: z.uuid().describe('The employee'),
    kind: z.enum(conversationKinds).default('one_on_one').describe('A 1:1 or a walk-around talk'),
    heldOn: day,
    notes: longText.nullable().optional().describe('Private: the two of you and HR'),
    actions: z
      .array(z.object({ title: shortText, dueAt: isoDateTime }).strict())
      .max(20)
      .default([])
      .describe('Agreed actions: each becomes a task for you, on the employee'),
  })
  .strict();
export type CreateOneOnOne = z.infer<typeof createOneOnOneSchema>;

export const oneOnOneSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    displayName: z.string(),
    managerId: z.uuid(),
    kind: z.enum(conversationKinds),
    heldOn: z.string(),
    notes: z.string().nullable(),
    actions: z.array(z.object({ title: z.string(), taskId: z.uuid() })),
    createdAt: z.string(),
  })
  .meta({ id: 'OneOnOne' });
export type OneOnOne = z.infer<typeof oneOnOneSchema>;

export const listOneOnOnesQuerySchema = z
  .object({ partyId: z.uuid().optional(), from: day.optional(), to: day.optional() })
  .strict();
export type ListOneOnOnesQuery = z.infer<typeof listOneOnOnesQuerySchema>;
