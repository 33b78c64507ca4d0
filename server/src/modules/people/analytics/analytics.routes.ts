import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { turnoverReaderRoles } from '../constants.ts';
import { turnoverQuerySchema, turnoverSchema } from './turnover.schema.ts';
import { turnoverService } from './turnover.service.ts';

export function analyticsRoutes(app: TandemApp, deps: Deps) {
  const turnover = turnoverService(deps);
  app.get('/api/people/turnover', {
    config: { roles: [...turnoverReaderRoles] },
    schema: {
      tags: ['people'],
      summary:
        'Turnover per month or org unit: separations (voluntary, involuntary), average headcount, rate, first-year turnover (docs/metrics.md). Managers: their reports only',
      querystring: turnoverQuerySchema,
      response: { 200: turnoverSchema },
    },
    handler: (req) => turnover.turnover(ctxOf(req), req.query),
  });
}
