import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { ctxOf } from '../auth/actor.ts';
import type { Database } from '../db/types.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import { searchQuerySchema, searchResponseSchema, type SearchResult } from './search.schema.ts';

/** A module contributes results to the global search box; each provider applies its own access rules in SQL. */
export type SearchProvider = (db: Kysely<Database>, actor: Actor, q: string, limit: number) => Promise<SearchResult[]>;

export { platformSearchProviders } from './search.repository.ts';

export function searchRoutes(app: TandemApp, deps: Deps, providers: SearchProvider[]) {
  app.get('/api/search', {
    schema: {
      tags: ['platform'],
      summary: 'Global search across what you may see',
      querystring: searchQuerySchema,
      response: { 200: searchResponseSchema },
    },
    handler: async (req) => {
      const { actor } = ctxOf(req);
      const { q, limit } = req.query;
      // A list read: the replica when there is one, unless this reader just wrote (docs/scale.md "A read replica").
      const db = await deps.reads.db(actor);
      const results = await Promise.all(providers.map((p) => p(db, actor, q, limit)));
      return { items: results.flat().slice(0, limit) };
    },
  });
}
