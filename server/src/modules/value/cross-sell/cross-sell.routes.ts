import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { valueStaffRoles } from '../segments/constants.ts';
import {
  crossSellQuerySchema,
  crossSellSchema,
  suggestionsQuerySchema,
  suggestionsSchema,
} from './cross-sell.schema.ts';
import { crossSellService } from './cross-sell.service.ts';

/** Association rules and the cross-sell ratio; suggestions on the party page (a value route under /api/parties). */
export function crossSellRoutes(app: TandemApp, deps: Deps) {
  const crossSell = crossSellService(deps);

  app.get('/api/value/cross-sell/rules', {
    config: { roles: [...valueStaffRoles] },
    schema: {
      tags: ['value'],
      summary:
        'Association rules A ⇒ B over baskets (support, confidence, lift, count) and the cross-sell ratio, over the customers you may see',
      querystring: crossSellQuerySchema,
      response: { 200: crossSellSchema },
    },
    handler: (req) => crossSell.rules(ctxOf(req), req.query),
  });

  app.get('/api/parties/:id/suggestions', {
    schema: {
      tags: ['value'],
      summary:
        'Products customers who bought what this one bought also bought, and it has not (404 when you may not see the party)',
      params: idParamsSchema,
      querystring: suggestionsQuerySchema,
      response: { 200: suggestionsSchema },
    },
    handler: (req) => crossSell.suggestions(ctxOf(req), req.params.id, req.query),
  });
}
