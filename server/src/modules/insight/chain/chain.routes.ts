import { ctxOf } from '../../../platform/auth/actor.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { CHAIN_ROLES } from '../insight.access.ts';
import { chainQuerySchema, chainSchema } from './chain.schema.ts';
import type { ChainService } from './chain.service.ts';

export function chainRoutes(app: TandemApp, svc: ChainService) {
  app.get('/api/insight/chain', {
    config: { roles: CHAIN_ROLES },
    schema: {
      tags: ['insight'],
      summary:
        'Service-profit chain: employee score (shown groups only) against customer score per org unit or owner, Pearson r with Fisher CI, Spearman ρ, the published benchmark',
      querystring: chainQuerySchema,
      response: { 200: chainSchema },
    },
    handler: (req) => svc.chain(ctxOf(req), req.query),
  });
}
