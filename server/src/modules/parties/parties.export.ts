import { ctxOf } from '../../platform/auth/actor.ts';
import { allPages, exportQuerySchema, sendExport, type ExportColumn } from '../../platform/export/exporter.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import type { Deps } from '../../platform/deps.ts';
import { listPartiesQuerySchema, type Party } from './parties.schema.ts';
import { partiesService } from './parties.service.ts';

const roleSummary = (p: Party) => p.roles.map((r) => `${r.role}:${r.stage}`).join(' ');
const perRole = (p: Party, pick: (r: Party['roles'][number]) => string | null) =>
  p.roles
    .map((r) => pick(r))
    .filter((v): v is string => Boolean(v))
    .join(' ') || null;

export const partyExportColumns: ExportColumn<Party>[] = [
  { key: 'displayName', header: 'displayName', value: (p) => p.displayName },
  { key: 'externalId', header: 'externalId', value: (p) => p.externalId ?? null },
  { key: 'kind', header: 'kind', value: (p) => p.kind },
  { key: 'roles', header: 'roles', value: roleSummary },
  { key: 'stage', header: 'stage', value: (p) => perRole(p, (r) => r.stage) },
  {
    key: 'level',
    header: 'level',
    value: (p) => perRole(p, (r) => (r.level ? `${r.level}→${r.targetLevel ?? ''}` : null)),
  },
  { key: 'quadrant', header: 'quadrant', value: (p) => perRole(p, (r) => r.quadrant) },
  { key: 'stakeholderGroup', header: 'stakeholderGroup', value: (p) => perRole(p, (r) => r.stakeholderGroup) },
  { key: 'contact', header: 'contact', value: (p) => [...(p.emails ?? []), ...(p.phones ?? [])].join(' ') },
  { key: 'emails', header: 'emails', value: (p) => (p.emails ?? []).join(' ') },
  { key: 'phones', header: 'phones', value: (p) => (p.phones ?? []).join(' ') },
  { key: 'tags', header: 'tags', value: (p) => (p.tags ?? []).join(' ') },
  { key: 'ownerId', header: 'ownerId', value: (p) => p.ownerId ?? null },
  { key: 'createdAt', header: 'createdAt', value: (p) => p.createdAt },
  { key: 'updatedAt', header: 'updatedAt', value: (p) => p.updatedAt },
  { key: 'id', header: 'id', value: (p) => p.id },
];

/** CSV/XLSX of the party list with its filters; it pages through the same access-filtered list, so you export only what you see. */
export function partiesExportRoutes(app: TandemApp, deps: Deps) {
  const parties = partiesService(deps);
  app.get('/api/parties/export', {
    schema: {
      tags: ['parties'],
      summary: 'Export the parties you see as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters',
      querystring: listPartiesQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns: wanted, ...filters } = req.query;
      return sendExport(reply, {
        name: 'parties',
        query: { format, encoding, columns: wanted },
        columns: partyExportColumns,
        rows: allPages((cursor) => parties.list(ctx, { ...filters, limit: 500, cursor })),
      });
    },
  });
}
