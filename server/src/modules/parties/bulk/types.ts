import type { RowFailure } from '../../../platform/bulk/row-failure.ts';
import type { CreateParty } from '../parties.schema.ts';
import type { PartyRoleRow, PartyRow } from '../parties.tables.ts';

// Types shared by the parties bulk paths (upsert, restore, interactions).
export type UpsertKey = 'externalId' | 'email' | 'phone';
export type BulkPartyInput = CreateParty;

/** A party as it was before a bulk update: its columns and its roles (current and ended). */
export interface PartySnapshot {
  party: Omit<PartyRow, 'search_text' | 'search_grams' | 'name_key'>;
  roles: PartyRoleRow[];
}

export type BulkPartyResult =
  { action: 'created'; id: string } | { action: 'updated'; id: string; before: PartySnapshot } | RowFailure;

export interface BulkPartiesOutcome {
  created: string[];
  updated: { id: string; before: PartySnapshot }[];
  results: BulkPartyResult[];
}

/** A party found by an upsert key, with whether the caller may change it. */
export type Match = PartyRow & { writable: boolean };
