import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { snapshotRequesterRoles, valueStaffRoles } from '../segments/constants.ts';
import {
  createSnapshotSchema,
  partyValueSchema,
  snapshotRunListSchema,
  snapshotRunSchema,
} from './snapshots.schema.ts';
import { snapshotsService } from './snapshots.service.ts';
import { valueCustomersPageSchema, valueCustomersQuerySchema } from './customers.schema.ts';
import { valueCustomersService } from './customers.service.ts';
import { VALUE_ROLES } from '../value.access.ts';

/** Value snapshots (runs on demand, their list) and the customer's tier on the party page. */
export function snapshotsRoutes(app: TandemApp, deps: Deps, snapshots = snapshotsService(deps)) {
  app.post('/api/value/snapshots', {
    config: { roles: [...snapshotRequesterRoles] },
    schema: {
      tags: ['value'],
      summary:
        'Compute every buyer’s value snapshot now (202 with the run; the one already queued or running if any). Poll GET /api/value/snapshots/{id}',
      body: createSnapshotSchema,
      response: { 202: snapshotRunSchema },
    },
    handler: async (req, reply) => reply.status(202).send(await snapshots.request(ctxOf(req), req.body)),
  });

  app.get('/api/value/snapshots', {
    config: { roles: [...valueStaffRoles] },
    schema: {
      tags: ['value'],
      summary: 'The latest snapshot runs (the newest finished one is what segments and the party page read)',
      response: { 200: snapshotRunListSchema },
    },
    handler: (req) => snapshots.list(ctxOf(req)),
  });

  app.get('/api/value/snapshots/:id', {
    config: { roles: [...valueStaffRoles] },
    schema: {
      tags: ['value'],
      summary: 'One snapshot run and its status',
      params: idParamsSchema,
      response: { 200: snapshotRunSchema },
    },
    handler: (req) => snapshots.get(ctxOf(req), req.params.id),
  });

  const customers = valueCustomersService(deps);
  app.get('/api/value/customers', {
    config: { roles: [...VALUE_ROLES] },
    schema: {
      tags: ['value'],
      summary:
        'Customers by value from the latest snapshot: filter by RFM segment, value class, owner or name; sort by CLV, monetary, recency or frequency (only the customers you may see)',
      querystring: valueCustomersQuerySchema,
      response: { 200: valueCustomersPageSchema },
    },
    handler: (req) => customers.list(ctxOf(req), req.query),
  });

  app.get('/api/parties/:id/value', {
    schema: {
      tags: ['value'],
      summary:
        "The customer's tier from the latest value snapshot: RFM segment, value class, CLV and the scores (404 when you may not see the party)",
      params: idParamsSchema,
      response: { 200: partyValueSchema },
    },
    handler: (req) => snapshots.partyValue(ctxOf(req), req.params.id),
  });
}
