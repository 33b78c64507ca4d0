import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { valueStaffRoles } from '../segments/constants.ts';
import {
  putWalletSchema,
  walletQuerySchema,
  walletSchema,
  walletSummaryQuerySchema,
  walletSummarySchema,
} from './wallet.schema.ts';
import { walletService } from './wallet.service.ts';

/** A customer's wallet estimates and our share (value routes under /api/parties), and the share over your book. */
export function walletRoutes(app: TandemApp, deps: Deps) {
  const wallet = walletService(deps);

  app.get('/api/parties/:id/wallet', {
    schema: {
      tags: ['value'],
      summary: "The customer's estimated spend per category and our share of it (404 when you may not see the party)",
      params: idParamsSchema,
      querystring: walletQuerySchema,
      response: { 200: walletSchema },
    },
    handler: (req) => wallet.get(ctxOf(req), req.params.id, req.query.asOf),
  });

  app.put('/api/parties/:id/wallet', {
    schema: {
      tags: ['value'],
      summary: "Replace the customer's wallet estimates (if you may change the party; 404 otherwise)",
      params: idParamsSchema,
      body: putWalletSchema,
      response: { 200: walletSchema },
    },
    handler: (req) => wallet.put(ctxOf(req), req.params.id, req.body),
  });

  app.get('/api/value/wallet', {
    config: { roles: [...valueStaffRoles] },
    schema: {
      tags: ['value'],
      summary: 'Average share of wallet over the customers you may see that have an estimate',
      querystring: walletSummaryQuerySchema,
      response: { 200: walletSummarySchema },
    },
    handler: (req) => wallet.summary(ctxOf(req), req.query),
  });
}
