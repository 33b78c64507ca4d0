import { z } from 'zod';
import { isoDate, timestamp } from '../../platform/http/common.schema.ts';
import { hrMeasureKinds } from './constants.ts';

// The HR service catalogue (正推法, docs/domain.md "HR-department CRM"): what HR offers, to which groups, the value
// each group should get and how delivery is measured.

const serviceGroupSchema = z.object({
  groupKey: z.string().max(63),
  expectedValue: z.string().trim().max(1000).nullable(),
  measure: z.object({
    kind: z.enum(hrMeasureKinds),
    ref: z.string().trim().max(200).nullable().describe('Survey dimension key, case type or indicator name'),
  }),
});
export const serviceSchema = z
  .object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string(),
    description: z.string().nullable(),
    ownerUserId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    active: z.boolean(),
    groups: z.array(serviceGroupSchema),
    deliveries: z.number().int().describe('Deliveries recorded so far'),
  })
  .meta({ id: 'HrService' });
export type HrService = z.infer<typeof serviceSchema>;
export const servicesSchema = z.object({ items: z.array(serviceSchema) });

const groupsInput = z
  .array(
    serviceGroupSchema.extend({
      expectedValue: z.string().trim().max(1000).nullable().optional(),
      measure: z
        .object({ kind: z.enum(hrMeasureKinds), ref: z.string().trim().min(1).max(200).nullable().optional() })
        .strict()
        .optional(),
    }),
  )
  .max(20)
  .refine((gs) => new Set(gs.map((g) => g.groupKey)).size === gs.length, 'Each group once');
export const createServiceSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).nullable().optional(),
    ownerUserId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
    groups: groupsInput.optional(),
  })
  .strict();
export type CreateService = z.infer<typeof createServiceSchema>;
export const updateServiceSchema = createServiceSchema.partial().strict();
export type UpdateService = z.infer<typeof updateServiceSchema>;

export const deliverySchema = z
  .object({
    id: z.uuid(),
    serviceId: z.uuid(),
    groupKey: z.string(),
    deliveredOn: z.string(),
    quantity: z.number().int(),
    note: z.string().nullable(),
    recordedBy: z.uuid().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'HrDelivery' });
export type HrDelivery = z.infer<typeof deliverySchema>;
export const deliveriesSchema = z.object({ items: z.array(deliverySchema) });
export const createDeliverySchema = z
  .object({
    groupKey: z.string().max(63),
    deliveredOn: isoDate,
    quantity: z.number().int().min(1).max(1_000_000).optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type CreateDelivery = z.infer<typeof createDeliverySchema>;
