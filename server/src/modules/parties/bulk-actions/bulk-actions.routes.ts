import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { bulkPartiesBodySchema, bulkPartiesOutcomeSchema, MAX_BULK_PARTIES } from './bulk-actions.schema.ts';
import { bulkActionsService } from './bulk-actions.service.ts';

export function bulkActionsRoutes(app: TandemApp, deps: Deps) {
  const svc = bulkActionsService(deps);
  app.post('/api/parties/bulk', {
    schema: {
      tags: ['parties'],
      summary: `One action on up to ${MAX_BULK_PARTIES} selected parties (owner, backup owner, tag, stage move with one reason, delete): each row changes as a change of one party would — its access rule, history and audit — and the answer gives each row's outcome`,
      body: bulkPartiesBodySchema,
      response: { 200: bulkPartiesOutcomeSchema },
    },
    handler: (req) => svc.run(ctxOf(req), req.body),
  });
}
