import { z } from 'zod';
import { pageQuerySchema } from '../../../platform/http/common.schema.ts';
import { loyaltyClasses } from '../classes/constants.ts';
import { segmentKey } from '../rfm/rfm.schema.ts';
import { valueCustomerSorts } from '../segments/constants.ts';

export const valueCustomersQuerySchema = z
  .object({
    rfmSegment: segmentKey.optional().describe('Only customers in this RFM segment'),
    valueClass: z.enum(loyaltyClasses).optional().describe('Only customers of this loyalty × profitability class'),
    ownerId: z.uuid().optional().describe("Only this user's customers"),
    q: z.string().trim().min(1).max(200).optional().describe('Part of the name'),
    sort: z.enum(valueCustomerSorts).default('clv'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: pageQuerySchema.shape.limit,
    cursor: pageQuerySchema.shape.cursor,
  })
  .strict();
export type ValueCustomersQuery = z.infer<typeof valueCustomersQuerySchema>;

export const valueCustomerSchema = z
  .object({
    partyId: z.uuid(),
    name: z.string(),
    ownerId: z.uuid().nullable(),
    rfmSegment: z.string().nullable(),
    valueClass: z.string().nullable(),
    clv: z.string().nullable().describe('In the snapshot currency; null without a fitted CLV model in it'),
    recencyDays: z.number().int(),
    frequency: z.number().int().describe('Distinct purchase days in the RFM window'),
    monetary: z.string().describe('Net amount in the RFM window'),
    r: z.number().int().nullable(),
    f: z.number().int().nullable(),
    m: z.number().int().nullable(),
  })
  .meta({ id: 'ValueCustomer' });
export type ValueCustomer = z.infer<typeof valueCustomerSchema>;

export const valueCustomersPageSchema = z
  .object({
    asOf: z.string().nullable().describe("The latest finished snapshot's day; null when there is none yet"),
    currency: z.string().nullable(),
    items: z.array(valueCustomerSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ValueCustomersPage' });
export type ValueCustomersPage = z.infer<typeof valueCustomersPageSchema>;
