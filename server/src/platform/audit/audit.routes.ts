import { ctxOf } from '../auth/actor.ts';
import { pageSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import { auditRepository } from './audit.repository.ts';
import { auditEntrySchema, listAuditQuerySchema, type AuditEntry } from './audit.schema.ts';

export function auditRoutes(app: TandemApp, deps: Deps) {
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
