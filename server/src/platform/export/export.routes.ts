import { ctxOf } from '../auth/actor.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import type { AuditRow } from '../db/types.ts';
import type { TandemApp } from '../http/types.ts';
import type { Deps } from '../deps.ts';
import { listAuditQuerySchema } from '../audit/audit.schema.ts';
import { listUsersQuerySchema, type User } from '../identity/identity.schema.ts';
import { usersService } from '../identity/users.service.ts';
import { allPages, exportQuerySchema, sendExport, type ExportColumn } from './exporter.ts';

const userColumns: ExportColumn<User>[] = [
  { key: 'displayName', header: 'displayName', value: (u) => u.displayName },
  { key: 'email', header: 'email', value: (u) => u.email },
  { key: 'roles', header: 'roles', value: (u) => u.roles.join(' ') },
  { key: 'orgUnitId', header: 'orgUnitId', value: (u) => u.orgUnitId },
  { key: 'locale', header: 'locale', value: (u) => u.locale },
  { key: 'active', header: 'active', value: (u) => u.active },
  { key: 'lastLoginAt', header: 'lastLoginAt', value: (u) => u.lastLoginAt },
  { key: 'createdAt', header: 'createdAt', value: (u) => u.createdAt },
  { key: 'id', header: 'id', value: (u) => u.id },
];

const auditColumns: ExportColumn<AuditRow & { actor_name: string | null }>[] = [
  { key: 'at', header: 'at', value: (r) => r.at },
  { key: 'actorName', header: 'actorName', value: (r) => r.actor_name },
  { key: 'actorType', header: 'actorType', value: (r) => r.actor_type },
  { key: 'action', header: 'action', value: (r) => r.action },
  { key: 'entityType', header: 'entityType', value: (r) => r.entity_type },
  { key: 'entityId', header: 'entityId', value: (r) => r.entity_id },
  { key: 'before', header: 'before', value: (r) => (r.before === null ? null : JSON.stringify(r.before)) },
  { key: 'after', header: 'after', value: (r) => (r.after === null ? null : JSON.stringify(r.after)) },
  { key: 'requestId', header: 'requestId', value: (r) => r.request_id },
  { key: 'ip', header: 'ip', value: (r) => r.ip },
];

/** CSV/XLSX exports of the platform's lists, with the same filters (and access rules) as the lists. */
export function exportRoutes(app: TandemApp, deps: Deps) {
  const users = usersService(deps);

  app.get('/api/users/export', {
    schema: {
      tags: ['users'],
      summary: 'Export users as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters',
      querystring: listUsersQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns, ...filters } = req.query;
      return sendExport(reply, {
        name: 'users',
        query: { format, encoding, columns },
        columns: userColumns,
        rows: allPages((cursor) => users.list(ctx, filters, { limit: 500, cursor })),
      });
    },
  });

  app.get('/api/audit/export', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['audit'],
      summary: 'Export the audit log as CSV or XLSX, with the list filters (admin)',
      querystring: listAuditQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: (req, reply) => {
      const { actor } = ctxOf(req);
      const { format, encoding, columns, ...filters } = req.query;
      return sendExport(reply, {
        name: 'audit',
        query: { format, encoding, columns },
        columns: auditColumns,
        rows: allPages((cursor) => auditRepository.list(deps.db, actor.orgId, filters, { limit: 500, cursor })),
      });
    },
  });
}
