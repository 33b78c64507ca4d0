import { ctxOf } from '../../../platform/auth/actor.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { STAFF_ROLES } from '../cases.access.ts';
import type { metricsService } from './metrics.service.ts';
import { metricsQuerySchema, metricsSchema } from './metrics.schema.ts';

export function metricsRoutes(app: TandemApp, svc: ReturnType<typeof metricsService>) {
  const tags = ['service'];

  app.get('/api/cases/metrics', {
    config: { roles: STAFF_ROLES },
    schema: {
      tags,
      summary:
        'Counts, mean and p90 first-response and resolution time (business minutes), breach rate, reopen rate, mean post-resolution CSAT — over cases created in [from, to) that you may see',
      querystring: metricsQuerySchema,
      response: { 200: metricsSchema },
    },
    handler: (req) => svc.metrics(ctxOf(req), req.query),
  });
}
