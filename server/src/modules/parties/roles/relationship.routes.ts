import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { partyRoleSchema, roleParamsSchema } from '../parties.schema.ts';
import { relationshipHistorySchema, relationshipInputSchema } from './relationship.schema.ts';
import { relationshipService } from './relationship.service.ts';

const tags = ['parties'];

export function relationshipRoutes(app: TandemApp, deps: Deps) {
  const relationship = relationshipService(deps);

  app.put('/api/parties/:id/roles/:role/relationship', {
    schema: {
      tags,
      summary:
        'Change the two relationship scales of a current role, with a reason: the HR quadrant (initiative × participation scores, derived; its own target and date) and Kotler’s level (its own target and date). Omitted fields keep their value',
      params: roleParamsSchema,
      body: relationshipInputSchema,
      response: { 200: partyRoleSchema },
    },
    handler: (req) => relationship.put(ctxOf(req), req.params.id, req.params.role, req.body),
  });
  app.get('/api/parties/:id/roles/:role/relationship/history', {
    schema: {
      tags,
      summary: 'Every change of the role’s two relationship scales, newest first, with actor and reason',
      params: roleParamsSchema,
      response: { 200: relationshipHistorySchema },
    },
    handler: (req) => relationship.history(ctxOf(req), req.params.id, req.params.role),
  });
}
