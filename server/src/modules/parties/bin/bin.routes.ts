import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { binPageSchema, binQuerySchema, MAX_PURGE, purgeBodySchema, purgeOutcomeSchema } from './bin.schema.ts';
import { binService } from './bin.service.ts';

export function binRoutes(app: TandemApp, deps: Deps) {
  const svc = binService(deps);
  app.get('/api/bin', {
    schema: {
      tags: ['parties'],
      summary:
        'The bin: deleted records the caller could restore (POST /api/parties/:id/restore), newest first, with who deleted them and when they may be purged',
      querystring: binQuerySchema,
      response: { 200: binPageSchema },
    },
    handler: (req) => svc.list(ctxOf(req), { limit: req.query.limit, cursor: req.query.cursor }),
  });
  app.post('/api/bin/purge', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['parties'],
      summary: `Purge up to ${MAX_PURGE} records from the bin for good (admin; only those deleted at least the retention period ago): their personal data is erased, their ids stay for the history that points at them`,
      body: purgeBodySchema,
      response: { 200: purgeOutcomeSchema },
    },
    handler: (req) => svc.purge(ctxOf(req), req.body.ids),
  });
}
