import type { RequestContext } from '../../../platform/auth/actor.ts';
import { whoOf, type AuditWho } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CreateParty } from '../parties.schema.ts';
import type { PartyRoleRow, PartyRow } from '../parties.tables.ts';

// Types and per-row failure handling shared by the parties bulk paths (bulk*.ts).
export type UpsertKey = 'externalId' | 'email' | 'phone';
export type BulkPartyInput = CreateParty;

/** A party as it was before a bulk update: its columns and its roles (current and ended). */
export interface PartySnapshot {
  party: Omit<PartyRow, 'search_text' | 'search_grams' | 'name_key'>;
  roles: PartyRoleRow[];
}

export interface RowFailure {
  action: 'failed';
  code: string;
  message: string;
  /** The input field, e.g. ['phones', 1] or ['roles', 0, 'stage']. */
  path: (string | number)[];
}
export type BulkPartyResult =
  { action: 'created'; id: string } | { action: 'updated'; id: string; before: PartySnapshot } | RowFailure;

export interface BulkPartiesOutcome {
  created: string[];
  updated: { id: string; before: PartySnapshot }[];
  results: BulkPartyResult[];
}

export type Who = RequestContext | AuditWho;
export const auditWho = (who: Who): AuditWho => ('actor' in who ? whoOf(who) : who);

export class RowError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

export const failure = (err: unknown): RowFailure => {
  if (err instanceof RowError) {
    return { action: 'failed', code: err.code, message: err.message, path: err.path };
  }
  if (err instanceof AppError) {
    const first = (err.details as { path?: (string | number)[]; code?: string }[] | undefined)?.[0];
    return {
      action: 'failed',
      code: first?.code ?? err.code.toLowerCase(),
      message: err.message,
      path: (first?.path ?? []).filter((p) => p !== 'body'),
    };
  }
  throw err;
};
