import { sql, type Expression, type SqlBool } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { canSeeFull, livePartyVisible, visiblePartySet } from '../parties/index.ts';

/** A transaction follows its party: visible iff the party (aliased `p`) is live and the reader sees it in full. */
export const transactionVisible = (actor: Actor, visibility: Visibility, mode: 'read' | 'write'): Expression<SqlBool> =>
  livePartyVisible(actor, visibility, mode);

/** The parties whose transactions a restricted reader sees, as a set to count and read by key; null: they see all. */
export const transactionPartySet = (actor: Actor, visibility: Visibility) =>
  visiblePartySet(actor, visibility, 'read', false);

/**
 * Whom a bulk write acts for: a person, who may change the parties they see in full for writing, or
 * the system (trusted callers such as the demo loader and benchmarks), which may change every party.
 */
export type WriteScope = { actor: Actor; visibility: Visibility } | 'system';

/** Whether the scope may change the party aliased `p` (the caller's query checks that it is live). */
export function mayChangeParty(scope: WriteScope): Expression<SqlBool> {
  return scope === 'system' ? sql<SqlBool>`true` : canSeeFull(scope.actor, scope.visibility, 'write');
}
