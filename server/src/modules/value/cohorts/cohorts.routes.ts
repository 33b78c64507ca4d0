import { ctxOf } from '../../../platform/auth/actor.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { VALUE_ROLES } from '../value.access.ts';
import { cohortsQuerySchema, cohortsSchema } from './cohorts.schema.ts';
import type { CohortsService } from './cohorts.service.ts';

export function cohortsRoutes(app: TandemApp, svc: CohortsService) {
  app.get('/api/value/cohorts', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary:
        'Per month of first purchase in [from, to): the cohort size and, for k = 0 … N, the share of the cohort with a purchase in month k — over the customers you may see',
      querystring: cohortsQuerySchema,
      response: { 200: cohortsSchema },
    },
    handler: (req) => svc.cohorts(ctxOf(req), req.query),
  });
}
