import { ctxOf } from '../auth/actor.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import { listAuditQuerySchema } from '../audit/audit.schema.ts';
import { listUsersQuerySchema } from '../identity/identity.schema.ts';
import { orgUnitsRepository } from '../identity/org-units.repository.ts';
import { usersService } from '../identity/users.service.ts';
import { wordsOf } from './dictionary.ts';
import { allPages, exportQuerySchema, sendExport } from './exporter.ts';
import { auditColumns, readableAuditColumns, readableUserColumns, userColumns } from './platform-columns.ts';
import { exportLang } from './readable.ts';

/**
 * CSV/XLSX exports of the platform's lists, with the same filters (and access rules) as the lists; readable in the
 * caller's language unless raw=true (docs/domain.md "Exports").
 */
export function exportRoutes(app: TandemApp, deps: Deps) {
  const users = usersService(deps);

  app.get('/api/users/export', {
    schema: {
      tags: ['users'],
      summary:
        'Export users as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters; readable in your language unless raw=true',
      querystring: listUsersQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns, raw, lang: asked, ...filters } = req.query;
      let chosen = userColumns;
      if (!raw) {
        const lang = exportLang(asked, ctx.actor.locale);
        const units = new Map((await orgUnitsRepository.names(deps.db, ctx.actor.orgId)).map((u) => [u.id, u.name]));
        chosen = readableUserColumns(lang, wordsOf(lang), (id) => (id ? (units.get(id) ?? null) : null));
      }
      return sendExport(reply, {
        name: 'users',
        query: { format, encoding, columns },
        columns: chosen,
        rows: allPages((cursor) => users.list(ctx, filters, { limit: 500, cursor })),
      });
    },
  });

  app.get('/api/audit/export', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['audit'],
      summary:
        'Export the audit log as CSV or XLSX, with the list filters (admin); readable in your language unless raw=true',
      querystring: listAuditQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: async (req, reply) => {
      const { actor } = ctxOf(req);
      const { format, encoding, columns, raw, lang: asked, ...filters } = req.query;
      const lang = exportLang(asked, actor.locale);
      // An export is a long list read: the replica when there is one (docs/scale.md "A read replica").
      const db = await deps.reads.db(actor);
      return sendExport(reply, {
        name: 'audit',
        query: { format, encoding, columns },
        columns: raw ? auditColumns : readableAuditColumns(lang, wordsOf(lang)),
        rows: allPages((cursor) => auditRepository.list(db, actor.orgId, filters, { limit: 500, cursor })),
      });
    },
  });
}
