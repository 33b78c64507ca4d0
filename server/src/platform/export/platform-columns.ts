import type { AuditRow } from '../db/types.ts';
import type { User } from '../identity/identity.schema.ts';
import { withHeaders, type Words } from './dictionary.ts';
import type { ExportColumn } from './exporter.ts';
import type { ExportLang } from './readable.ts';

// The columns of the platform's exports: the machine format (`raw=true`, unchanged) and the readable one (headers,
// labels and names in the reader's language; docs/domain.md "Exports"). Readable columns keep the machine keys, so
// `columns=` picks the same ones in both.

export const userColumns: ExportColumn<User>[] = [
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

export type AuditExportRow = AuditRow & { actor_name: string | null };

export const auditColumns: ExportColumn<AuditExportRow>[] = [
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

/** Several labels in one cell: "; " between them (English labels have spaces). */
export const LIST_SEPARATOR = '; ';

/** Readable users: role labels, the org unit's name, the language's name, active/deactivated as the web says it. */
export function readableUserColumns(
  lang: ExportLang,
  words: Words,
  unitName: (id: string | null) => string | null,
): ExportColumn<User>[] {
  const readable: Record<string, ExportColumn<User>['value']> = {
    roles: (u) => u.roles.map((r) => words('roles', r)).join(LIST_SEPARATOR),
    orgUnitId: (u) => unitName(u.orgUnitId),
    locale: (u) => words('languages', u.locale),
    active: (u) => words('userStatus', String(u.active)),
  };
  return withHeaders(
    userColumns.map((c) => ({ ...c, value: readable[c.key] ?? c.value })),
    lang,
    'userHeaders',
  );
}

/** Readable audit rows: labels of the action, the record type and the kind of actor; the changes stay JSON. */
export function readableAuditColumns(lang: ExportLang, words: Words): ExportColumn<AuditExportRow>[] {
  const readable: Record<string, ExportColumn<AuditExportRow>['value']> = {
    actorType: (r) => words('auditActorTypes', r.actor_type),
    action: (r) => words('auditActions', r.action),
    entityType: (r) => words('auditEntityTypes', r.entity_type),
  };
  return withHeaders(
    auditColumns.map((c) => ({ ...c, value: readable[c.key] ?? c.value })),
    lang,
    'auditHeaders',
  );
}
