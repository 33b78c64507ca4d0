import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { ctxOf } from '../auth/actor.ts';
import type { Database } from '../db/types.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import { searchQuerySchema, searchResponseSchema, type SearchResult } from './search.schema.ts';

/** A module contributes results to the global search box; each provider applies its own access rules in SQL. */
export type SearchProvider = (db: Kysely<Database>, actor: Actor, q: string, limit: number) => Promise<SearchResult[]>;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const platformSearchProviders: SearchProvider[] = [
  async (db, actor, q, limit) => {
    const rows = await db
      .selectFrom('app_user')
      .select(['id', 'display_name', 'email'])
      .where('org_id', '=', actor.orgId)
      .where((eb) => eb.or([eb('display_name', 'ilike', like(q)), eb('email', 'ilike', like(q))]))
      .orderBy('display_name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      type: 'user',
      id: r.id,
      title: r.display_name,
      subtitle: r.email,
      url: `/settings/users/${r.id}`,
    }));
  },
  async (db, actor, q, limit) => {
    const rows = await db
      .selectFrom('org_unit')
      .select(['id', 'name'])
      .where('org_id', '=', actor.orgId)
      .where('name', 'ilike', like(q))
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      type: 'org_unit',
      id: r.id,
      title: r.name,
      subtitle: null,
      url: `/settings/org-units?focus=${r.id}`,
    }));
  },
];

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
      const results = await Promise.all(providers.map((p) => p(deps.db, actor, q, limit)));
      return { items: results.flat().slice(0, limit) };
    },
  });
}
