import { ctxOf } from '../../platform/auth/actor.ts';
import { expectedVersion } from '../../platform/db/versioned.ts';
import type { Deps } from '../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import type { Role } from '../../platform/identity/constants-types.ts';
import {
  createProductSchema,
  createTransactionSchema,
  listProductsQuerySchema,
  listTransactionsQuerySchema,
  productSchema,
  transactionSchema,
  updateProductSchema,
} from './commerce.schema.ts';
import { commerceService } from './commerce.service.ts';

// Everyone reads the catalogue; admins, managers and marketing change it.
const catalogueEditors: Role[] = ['admin', 'manager', 'marketing'];

export function commerceRoutes(app: TandemApp, deps: Deps) {
  const commerce = commerceService(deps);

  app.get('/api/products', {
    schema: {
      tags: ['products'],
      summary: 'The product catalogue; q searches name and SKU; sort name, -updatedAt…',
      querystring: listProductsQuerySchema,
      response: { 200: pageSchema(productSchema) },
    },
    handler: (req) => commerce.listProducts(ctxOf(req), req.query),
  });

  app.get('/api/products/:id', {
    schema: { tags: ['products'], summary: 'One product', params: idParamsSchema, response: { 200: productSchema } },
    handler: (req) => commerce.getProduct(ctxOf(req), req.params.id),
  });

  app.post('/api/products', {
    config: { roles: catalogueEditors },
    schema: {
      tags: ['products'],
      summary: 'Add a product (price as a decimal; a taken SKU or external id answers 409)',
      body: createProductSchema,
      response: { 201: productSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await commerce.createProduct(ctxOf(req), req.body)),
  });

  app.patch('/api/products/:id', {
    config: { roles: catalogueEditors },
    schema: {
      tags: ['products'],
      summary: 'Change a product (send version); deactivate with active: false',
      params: idParamsSchema,
      body: updateProductSchema,
      response: { 200: productSchema },
    },
    handler: (req) =>
      commerce.updateProduct(
        ctxOf(req),
        req.params.id,
        expectedVersion(req.body.version, req.headers['if-match']),
        req.body,
      ),
  });

  app.get('/api/transactions', {
    schema: {
      tags: ['transactions'],
      summary:
        'Transactions of the parties you may see, with their lines; filters partyId, productId, channel, from/to; sort -occurredAt (default)',
      querystring: listTransactionsQuerySchema,
      response: { 200: pageSchema(transactionSchema) },
    },
    handler: (req) => commerce.listTransactions(ctxOf(req), req.query),
  });

  app.get('/api/transactions/:id', {
    schema: {
      tags: ['transactions'],
      summary: 'One transaction with its lines (404 when you may not see its party)',
      params: idParamsSchema,
      response: { 200: transactionSchema },
    },
    handler: (req) => commerce.getTransaction(ctxOf(req), req.params.id),
  });

  app.post('/api/transactions', {
    schema: {
      tags: ['transactions'],
      summary:
        "Record a transaction for a party you may change. With lines, the amount is their sum (a different given amount answers 400 amount_mismatch); a line's unit price defaults to the product's price",
      body: createTransactionSchema,
      response: { 201: transactionSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await commerce.createTransaction(ctxOf(req), req.body)),
  });
}
