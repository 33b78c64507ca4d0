import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import type { Deps } from '../../../platform/deps.ts';
import { MERGE_UNDO_DAYS } from '../constants.ts';
import { duplicateSchema, mergeBodySchema, mergeResultSchema, partySchema } from '../parties.schema.ts';
import { mergeService } from './merge.service.ts';

export function mergeRoutes(app: TandemApp, deps: Deps) {
  const merges = mergeService(deps);
  const tags = ['parties'];

  app.get('/api/parties/:id/duplicates', {
    schema: {
      tags,
      summary:
        'Likely duplicates you may see: same normalised email or phone, or a similar name (Chinese names included); at most 20, best first',
      params: idParamsSchema,
      response: { 200: z.object({ items: z.array(duplicateSchema) }) },
    },
    handler: (req) => merges.duplicates(ctxOf(req), req.params.id),
  });

  app.post('/api/parties/:id/merge', {
    schema: {
      tags,
      summary: `Merge this party into intoId: its roles, interactions, tasks, history, contacts, tags and care notes move to intoId and this one is marked merged. Reversible for ${MERGE_UNDO_DAYS} days with POST /api/parties/:id/unmerge.`,
      params: idParamsSchema,
      body: mergeBodySchema,
      response: { 200: mergeResultSchema },
    },
    handler: (req) => merges.merge(ctxOf(req), req.params.id, req.body.intoId, req.body.version),
  });

  app.post('/api/parties/:id/unmerge', {
    schema: {
      tags,
      summary: `Undo the merge of this (merged-away) party within ${MERGE_UNDO_DAYS} days: what moved returns, added contacts and tags leave the target`,
      params: idParamsSchema,
      response: { 200: z.object({ source: partySchema, target: partySchema }) },
    },
    handler: (req) => merges.unmerge(ctxOf(req), req.params.id),
  });
}
