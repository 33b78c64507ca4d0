import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { VALUE_ROLES } from '../value.access.ts';
import { summaryQuerySchema, summarySchema } from './summary.schema.ts';
import { summaryService } from './summary.service.ts';

export function summaryRoutes(app: TandemApp, deps: Deps) {
  const service = summaryService(deps);
  app.get('/api/value/summary', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary:
        'Customers at the start and end of [from, to), acquired, lost, retention, churn and acquisition rates, revenue, active customers, repeat-purchase rate (docs/metrics.md)',
      querystring: summaryQuerySchema,
      response: { 200: summarySchema },
    },
    handler: (req) => service.summary(ctxOf(req), req.query),
  });
}
