import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { VALUE_ROLES } from '../value.access.ts';
import { boardValueQuerySchema, boardValueSchema } from './board.schema.ts';
import { boardService } from './board.service.ts';

export function boardRoutes(app: TandemApp, deps: Deps) {
  const board = boardService(deps);
  app.get('/api/value/board', {
    config: { roles: [...VALUE_ROLES] },
    schema: {
      tags: ['value'],
      summary:
        'The party board’s value: per stage of the role the count, revenue of the last 12 months and CLV totals, and the value of the cards named (ids), over the parties you see in full',
      querystring: boardValueQuerySchema,
      response: { 200: boardValueSchema },
    },
    handler: (req) => board.values(ctxOf(req), req.query),
  });
}
