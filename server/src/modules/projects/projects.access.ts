import type { Expression, SqlBool } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import { requireRole, type Actor } from '../../platform/auth/actor.ts';
import { livePartyVisible } from '../parties/index.ts';
import { PROJECT_ROLES, REVIEW_READERS, REVIEW_WRITERS } from './constants.ts';

// Who may do what with projects and quality reviews (docs/projects.md "Access"); the expected outcomes per actor are
// in projects.access-matrix.ts.

/** Projects: organisation-wide roles only, since their targets are measured over the whole customer base. */
export const requireProjectRole = (actor: Actor) => requireRole(actor, ...PROJECT_ROLES);
/** Quality reviews: who runs a cycle (creates, changes, acts, starts the next). */
export const requireReviewWriter = (actor: Actor) => requireRole(actor, ...REVIEW_WRITERS);
/** Quality reviews: who reads a cycle and records interviews (agents included). */
export const requireReviewReader = (actor: Actor) => requireRole(actor, ...REVIEW_READERS);

/**
 * The key customers, as the party aliased `p`, whose interviews and trust a reader sees: those they may read in
 * full (owner, backup owner, their managers, admin, executives; docs/domain.md "Access"). Everything a cycle shows
 * about a customer — the list, the heatmap, relationships in trouble, overdue responses — goes through it.
 */
export const reviewCustomerVisible = (actor: Actor, visibility: Visibility): Expression<SqlBool> =>
  livePartyVisible(actor, visibility, 'read');
