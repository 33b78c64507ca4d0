import { ctxOf } from '../../../platform/auth/actor.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { VALUE_ROLES } from '../value.access.ts';
import { concentrationQuerySchema, concentrationSchema } from './concentration.schema.ts';
import type { ConcentrationService } from './concentration.service.ts';

export function concentrationRoutes(app: TandemApp, svc: ConcentrationService) {
  app.get('/api/value/concentration', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary:
        'Revenue concentration over the customers (or their owners) you may see in [from, to): n, total, top-20 % share, Gini, Lorenz curve',
      querystring: concentrationQuerySchema,
      response: { 200: concentrationSchema },
    },
    handler: (req) => svc.concentration(ctxOf(req), req.query),
  });
}
