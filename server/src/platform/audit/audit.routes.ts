import { ctxOf } from '../auth/actor.ts';
import { pageSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import { auditRepository } from './audit.repository.ts';
import {
  auditEntrySchema,
  dailyCountSchema,
  dailyCountsQuerySchema,
  listAuditQuerySchema,
  type AuditEntry,
} from './audit.schema.ts';
import { z } from 'zod';

export function auditRoutes(app: TandemApp, deps: Deps) {
  app.get('/api/audit/daily-counts', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['audit'],
      summary: 'Anonymous actions counted per day (they have no audit rows of their own), admin',
      querystring: dailyCountsQuerySchema,
      response: { 200: z.object({ items: z.array(dailyCountSchema) }) },
    },
    handler: async (req) => {
      const rows = await auditRepository.dailyCounts(deps.db, ctxOf(req).actor.orgId, req.query.from, req.query.to);
      return { items: rows.map((r) => ({ day: r.day, action: r.action, count: r.count })) };
    },
  });

  app.get('/api/audit', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first (admin)',
      querystring: listAuditQuerySchema,
      response: { 200: pageSchema(auditEntrySchema) },
    },
    handler: async (req) => {
      const { limit, cursor, ...filters } = req.query;
      const page = await auditRepository.list(deps.db, ctxOf(req).actor.orgId, filters, { limit, cursor });
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r): AuditEntry => ({
          id: String(r.id),
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorType: r.actor_type,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
          at: r.at.toISOString(),
          requestId: r.request_id,
          ip: r.ip,
        })),
      };
    },
  });
}
