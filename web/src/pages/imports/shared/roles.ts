import type { ImportJob, Role } from '../../../api/types.ts';

// Who may import what, as the server enforces it (imports.job.ts `importRoles`, not yet in a zod-free file the web
// could import through api.ts). Tiny on purpose: routes and navigation import it into the initial bundle.

export type ImportEntity = ImportJob['entity'];
export type ImportStatus = ImportJob['status'];

export const importEntities: readonly ImportEntity[] = [
  'parties',
  'employees',
  'interactions',
  'products',
  'transactions',
];
export const importStatuses: readonly ImportStatus[] = [
  'uploaded',
  'queued',
  'running',
  'completed',
  'failed',
  'reverted',
];

export const importRoles: Record<ImportEntity, readonly Role[]> = {
  parties: ['admin', 'manager', 'marketing'],
  interactions: ['admin', 'manager', 'marketing'],
  employees: ['admin', 'hr'],
  products: ['admin', 'manager', 'marketing'],
  transactions: ['admin', 'manager', 'marketing'],
};

/** Everyone who may import something: they see the Import page. */
export const importers: readonly Role[] = [...new Set(Object.values(importRoles).flat())];

/** The entities these roles may import. */
export const importableEntities = (roles: readonly Role[]): ImportEntity[] =>
  importEntities.filter((e) => importRoles[e].some((r) => roles.includes(r)));
