import { ctxOf } from '../../platform/auth/actor.ts';
import { allPages, exportQuerySchema, sendExport, type ExportColumn } from '../../platform/export/exporter.ts';
import { exportLang, labelOf, type ExportLang } from '../../platform/export/readable.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Db } from '../../platform/db/database.ts';
import { orgUnitsRepository } from '../../platform/identity/org-units.repository.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import {
  kindLabels,
  levelLabels,
  partyExportHeaders,
  quadrantLabels,
  roleLabels,
  stageLabels,
} from './export-labels.ts';
import { listPartiesQuerySchema, type Party } from './parties.schema.ts';
import { partiesService } from './parties.service.ts';

const roleSummary = (p: Party) => p.roles.map((r) => `${r.role}:${r.stage}`).join(' ');
const perRole = (p: Party, pick: (r: Party['roles'][number]) => string | null, sep = ' ') =>
  p.roles
    .map((r) => pick(r))
    .filter((v): v is string => Boolean(v))
    .join(sep) || null;

/** The machine format (`raw=true`): field names as headers, codes and ids as stored. */
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

/** How the readable format names an owner's unit: the owner's org unit, by the owner's id. */
export type UnitOfOwner = (ownerId: string | null | undefined) => string | null;

/**
 * The readable format (docs/domain.md "Exports"): headers in `lang`, labels for kinds, roles, stages and levels,
 * the owner's name and unit instead of ids; several values of a role column are listed in role order, separated
 * by "; " (English labels have spaces); emails and phones in their own columns only. The column keys are the machine format's, so `columns=` picks the same.
 */
export function readablePartyColumns(lang: ExportLang, unitOf: UnitOfOwner): ExportColumn<Party>[] {
  const label = (labels: typeof kindLabels, code: string) => labelOf(labels, code, lang);
  const readable: Record<string, ExportColumn<Party>['value']> = {
    kind: (p) => label(kindLabels, p.kind),
    roles: (p) => perRole(p, (r) => label(roleLabels, r.role), '; '),
    stage: (p) => perRole(p, (r) => label(stageLabels, r.stage), '; '),
    level: (p) =>
      perRole(
        p,
        (r) =>
          r.level ? `${label(levelLabels, r.level)}→${r.targetLevel ? label(levelLabels, r.targetLevel) : ''}` : null,
        '; ',
      ),
    quadrant: (p) => perRole(p, (r) => (r.quadrant ? label(quadrantLabels, r.quadrant) : null), '; '),
    stakeholderGroup: (p) => perRole(p, (r) => r.stakeholderGroup, '; '),
    emails: (p) => (p.emails ?? []).join('; '),
    phones: (p) => (p.phones ?? []).join('; '),
    tags: (p) => (p.tags ?? []).join('; '),
    ownerId: (p) => p.ownerName ?? null,
  };
  // Emails and phones have their own columns; the combined one is the machine format's.
  const columns = partyExportColumns
    .filter((c) => c.key !== 'contact')
    .map((c) => ({
      key: c.key,
      header: partyExportHeaders[c.key]?.[lang] ?? c.header,
      value: readable[c.key] ?? c.value,
    }));
  const owner = columns.findIndex((c) => c.key === 'ownerId');
  const unitHeader = partyExportHeaders.ownerUnit as { 'zh-CN': string; en: string };
  columns.splice(owner + 1, 0, { key: 'ownerUnit', header: unitHeader[lang], value: (p) => unitOf(p.ownerId) });
  return columns;
}

/** Owner id → the name of the owner's org unit (one query each for users and units, whatever the export's size). */
export async function unitsOfOwners(db: Db, orgId: string): Promise<UnitOfOwner> {
  const [users, units] = await Promise.all([usersRepository.directory(db, orgId), orgUnitsRepository.names(db, orgId)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byUser = new Map(users.map((u) => [u.id, u.org_unit_id ? (unitName.get(u.org_unit_id) ?? null) : null]));
  return (ownerId) => (ownerId ? (byUser.get(ownerId) ?? null) : null);
}

/**
 * CSV/XLSX of the party list with its filters, or of the selected parties (`ids`, at most the bulk limit); it pages
 * through the same access-filtered list, so you export only what you see.
 */
export function partiesExportRoutes(app: TandemApp, deps: Deps) {
  const parties = partiesService(deps);
  app.get('/api/parties/export', {
    schema: {
      tags: ['parties'],
      summary:
        'Export the parties you see as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters or a selection (ids); readable in your language unless raw=true',
      querystring: listPartiesQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns: wanted, raw, lang, ...filters } = req.query;
      const columns = raw
        ? partyExportColumns
        : readablePartyColumns(exportLang(lang, ctx.actor.locale), await unitsOfOwners(deps.db, ctx.actor.orgId));
      return sendExport(reply, {
        name: 'parties',
        query: { format, encoding, columns: wanted },
        columns,
        rows: allPages((cursor) => parties.list(ctx, { ...filters, limit: 500, cursor })),
      });
    },
  });
}
