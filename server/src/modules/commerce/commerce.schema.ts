import { z } from 'zod';
import { isoDateTime, pageQuerySchema, timestamp, versionField } from '../../platform/http/common.schema.ts';
import { hasDecimals, isCurrency } from './money.ts';

const datetime = isoDateTime;

/** Money in: a number or a decimal string with at most 2 decimals, within numeric(14,2). Out: always a string ('123.45'). */
const money = (opts: { min?: number } = {}) =>
  z
    .union([
      z
        .number()
        .min(opts.min ?? -999_999_999_999.99)
        .max(999_999_999_999.99)
        .refine((n) => hasDecimals(n, 2), 'At most 2 decimals'),
      z
        .string()
        .regex(
          opts.min === 0 ? /^\d{1,12}(\.\d{1,2})?$/ : /^-?\d{1,12}(\.\d{1,2})?$/,
          'A decimal with at most 2 decimals, e.g. 12.50',
        ),
    ])
    .describe('A number or a decimal string; returned as a string');

const quantity = z
  .union([
    z
      .number()
      .gt(0, 'Quantity must be positive')
      .max(999_999_999)
      .refine((n) => hasDecimals(n, 3), 'At most 3 decimals'),
    z
      .string()
      .regex(/^\d{1,9}(\.\d{1,3})?$/, 'A positive decimal with at most 3 decimals')
      .refine((s) => Number(s) > 0, 'Quantity must be positive'),
  ])
  .describe('Positive; up to 3 decimals');

export const currencySchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isCurrency, 'Not an ISO 4217 currency code (e.g. CNY, USD, EUR)')
  .describe('ISO 4217, e.g. CNY');

const channelSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _')
  .describe('e.g. store, online, phone, wechat, partner');
const externalIdSchema = z.string().trim().min(1).max(200);

export const productSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sku: z.string().nullable(),
    externalId: z.string().nullable(),
    category: z.string().nullable(),
    price: z.string().nullable().describe('Decimal string'),
    currency: z.string(),
    active: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof productSchema>;

const productFields = {
  name: z.string().trim().min(1).max(300),
  sku: z.string().trim().min(1).max(100).nullable().optional(),
  externalId: externalIdSchema.nullable().optional(),
  category: z.string().trim().min(1).max(100).nullable().optional(),
  price: money({ min: 0 }).nullable().optional(),
  currency: currencySchema,
  active: z.boolean().optional(),
};
export const createProductSchema = z.object(productFields).strict();
export type CreateProduct = z.infer<typeof createProductSchema>;
export const updateProductSchema = z
  .object({
    ...productFields,
    name: productFields.name.optional(),
    currency: currencySchema.optional(),
    version: versionField,
  })
  .strict();
export type UpdateProduct = z.infer<typeof updateProductSchema>;

export const productSortFields = ['name', 'updatedAt', 'createdAt'] as const;
export const listProductsQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().min(1).max(100).optional().describe('Part of the name or SKU'),
    category: z.string().max(100).optional(),
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    sort: z.enum([...productSortFields, ...productSortFields.map((f) => `-${f}` as const)]).default('name'),
  })
  .strict();
export type ListProductsQuery = z.infer<typeof listProductsQuerySchema>;

export const transactionLineSchema = z.object({
  lineNo: z.number().int(),
  productId: z.uuid(),
  productName: z.string().nullable(),
  quantity: z.string(),
  unitPrice: z.string(),
  amount: z.string(),
});
export type TransactionLine = z.infer<typeof transactionLineSchema>;

export const transactionSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    partyName: z
      .string()
      .nullable()
      .describe('The party’s display name (the reader may see the party: transactions are visible only then)'),
    occurredAt: timestamp,
    amount: z.string().describe('Decimal string; the sum of the lines when there are lines'),
    currency: z.string(),
    channel: z.string().nullable(),
    externalId: z.string().nullable(),
    note: z.string().nullable(),
    lines: z.array(transactionLineSchema),
    createdBy: z.uuid().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Transaction' });
export type Transaction = z.infer<typeof transactionSchema>;

export const transactionLineInputSchema = z
  .object({
    productId: z.uuid(),
    quantity: quantity.default(1),
    unitPrice: money({ min: 0 })
      .optional()
      .describe("Defaults to the product's price when it is in the transaction's currency"),
    amount: money({ min: 0 })
      .optional()
      .describe('Defaults to quantity × unit price (a different amount is a line discount)'),
  })
  .strict();

export const createTransactionSchema = z
  .object({
    partyId: z.uuid(),
    occurredAt: datetime.optional().describe('Defaults to now'),
    amount: money()
      .optional()
      .describe('Required without lines; with lines it defaults to their sum and must equal it (400 amount_mismatch)'),
    currency: currencySchema,
    channel: channelSchema.nullable().optional(),
    externalId: externalIdSchema.nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
    lines: z.array(transactionLineInputSchema).max(500).optional(),
  })
  .strict()
  .refine((t) => t.amount !== undefined || (t.lines?.length ?? 0) > 0, {
    message: 'Give the amount or the lines',
    path: ['amount'],
  });
export type CreateTransaction = z.infer<typeof createTransactionSchema>;

export const transactionSortFields = ['occurredAt', 'createdAt'] as const;
export const listTransactionsQuerySchema = pageQuerySchema
  .extend({
    partyId: z.uuid().optional(),
    productId: z.uuid().optional().describe('Transactions with a line of this product'),
    channel: channelSchema.optional(),
    from: datetime.optional().describe('occurredAt ≥ from'),
    to: datetime.optional().describe('occurredAt < to'),
    sort: z
      .enum([...transactionSortFields, ...transactionSortFields.map((f) => `-${f}` as const)])
      .default('-occurredAt'),
  })
  .strict();
export type ListTransactionsQuery = z.infer<typeof listTransactionsQuerySchema>;
