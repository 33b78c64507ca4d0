import { ctxOf } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { withHeaders, wordsOf } from '../../platform/export/dictionary.ts';
import { allPages, exportQuerySchema, sendExport, type ExportColumn } from '../../platform/export/exporter.ts';
import { unitsOfUsers } from '../../platform/export/names.ts';
import { exportLang, type ExportLang } from '../../platform/export/readable.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { listCasesQuerySchema, type Case } from './cases.schema.ts';
import type { CasesService } from './cases.service.ts';
import { nextDueAt } from './sla/sla.ts';

/** The next due time of a running clock (the queue's SLA column and its sort). */
const nextDue = (c: Case) =>
  nextDueAt({
    status: c.status,
    first_responded_at: c.firstRespondedAt ? new Date(c.firstRespondedAt) : null,
    first_response_due_at: c.firstResponseDueAt ? new Date(c.firstResponseDueAt) : null,
    resolve_due_at: c.resolveDueAt ? new Date(c.resolveDueAt) : null,
  })?.toISOString() ?? null;

// No submitter column: a named grievance's submitter is its party; an anonymous one has none.
/** The machine format (`raw=true`): field names as headers, codes as stored. */
export const caseColumns: ExportColumn<Case>[] = [
  { key: 'subject', header: 'subject', value: (c) => c.subject },
  { key: 'type', header: 'type', value: (c) => c.type },
  { key: 'status', header: 'status', value: (c) => c.status },
  { key: 'priority', header: 'priority', value: (c) => c.priority },
  { key: 'channel', header: 'channel', value: (c) => c.channel },
  { key: 'partyName', header: 'partyName', value: (c) => c.partyName },
  { key: 'assigneeName', header: 'assigneeName', value: (c) => c.assigneeName },
  { key: 'slaState', header: 'slaState', value: (c) => c.slaState },
  { key: 'slaDueAt', header: 'slaDueAt', value: (c) => nextDue(c) },
  { key: 'firstResponseDueAt', header: 'firstResponseDueAt', value: (c) => c.firstResponseDueAt },
  { key: 'resolveDueAt', header: 'resolveDueAt', value: (c) => c.resolveDueAt },
  { key: 'firstResponseMinutes', header: 'firstResponseMinutes', value: (c) => c.firstResponseMinutes },
  { key: 'resolutionMinutes', header: 'resolutionMinutes', value: (c) => c.resolutionMinutes },
  { key: 'rootCause', header: 'rootCause', value: (c) => c.rootCause },
  { key: 'remedy', header: 'remedy', value: (c) => c.remedy },
  { key: 'remedyCost', header: 'remedyCost', value: (c) => c.remedyCost },
  { key: 'csatScore', header: 'csatScore', value: (c) => c.csatScore },
  { key: 'reopenCount', header: 'reopenCount', value: (c) => c.reopenCount },
  { key: 'createdAt', header: 'createdAt', value: (c) => c.createdAt },
  { key: 'resolvedAt', header: 'resolvedAt', value: (c) => c.resolvedAt },
  { key: 'id', header: 'id', value: (c) => c.id },
];

/**
 * The readable format (docs/domain.md "Exports"): headers and labels (type, status, priority, channel, SLA state,
 * root cause, remedy) in `lang`, the assignee's org unit beside the assignee's name; the machine keys, so
 * `columns=` picks the same.
 */
export function readableCaseColumns(lang: ExportLang, unitOf: (userId: string | null) => string | null) {
  const w = wordsOf(lang);
  const readable: Record<string, ExportColumn<Case>['value']> = {
    type: (c) => w('caseTypes', c.type),
    status: (c) => w('caseStatuses', c.status),
    priority: (c) => w('casePriorities', c.priority),
    channel: (c) => w('caseChannels', c.channel),
    slaState: (c) => w('slaStates', c.slaState),
    rootCause: (c) => w('rootCauses', c.rootCause),
    remedy: (c) => w('remedies', c.remedy),
  };
  const columns = caseColumns.map((c) => ({ ...c, value: readable[c.key] ?? c.value }));
  const at = columns.findIndex((c) => c.key === 'assigneeName') + 1;
  columns.splice(at, 0, { key: 'assigneeUnit', header: 'assigneeUnit', value: (c) => unitOf(c.assigneeId) });
  return withHeaders(columns, lang, 'caseHeaders');
}

/** CSV/XLSX of the case list with its filters: pages through the same access-filtered list. */
export function casesExportRoutes(app: TandemApp, cases: CasesService, db: Db) {
  app.get('/api/cases/export', {
    schema: {
      tags: ['service'],
      summary:
        'Export the cases you see as CSV (UTF-8 with BOM, or GB18030) or XLSX, with the list filters; readable in your language unless raw=true',
      querystring: listCasesQuerySchema.omit({ limit: true, cursor: true }).extend(exportQuerySchema.shape),
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, encoding, columns: wanted, raw, lang, ...filters } = req.query;
      const columns = raw
        ? caseColumns
        : readableCaseColumns(exportLang(lang, ctx.actor.locale), await unitsOfUsers(db, ctx.actor.orgId));
      return sendExport(reply, {
        name: 'cases',
        query: { format, encoding, columns: wanted },
        columns,
        rows: allPages((cursor) => cases.list(ctx, { ...filters, limit: 500, cursor })),
      });
    },
  });
}
