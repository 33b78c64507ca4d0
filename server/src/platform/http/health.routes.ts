import { ping } from '../db/database.ts';
import type { TandemApp } from './types.ts';
import type { Deps } from '../deps.ts';
import { healthSchema } from './health.ts';

export function healthRoutes(app: TandemApp, deps: Deps) {
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['platform'], summary: 'Liveness and database check', response: { 200: healthSchema } },
    handler: async () => {
      await ping(deps.db);
      return { status: 'ok' as const, database: deps.engine, version: deps.version };
    },
  });
}
