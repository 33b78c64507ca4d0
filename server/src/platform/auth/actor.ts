import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Locale, Role } from '../identity/constants-types.ts';

/** Who is making the request, resolved once per request from the session cookie or bearer token. */
export interface Actor {
  orgId: string;
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string | null;
  partyId: string | null;
  locale: Locale | null;
  authMethod: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  csrfToken: string | null;
}

/** What services need about the request besides its input. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  ip: string | null;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw new AppError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}`);
  }
}

export function ctxOf(req: FastifyRequest): RequestContext {
  if (!req.actor) {
    throw new AppError('UNAUTHENTICATED', 'Sign in first');
  }
  return { actor: req.actor, requestId: req.id, ip: req.ip };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Route needs no signed-in user. */
    public?: boolean;
    /** Route needs one of these roles. */
    roles?: Role[];
    /**
     * Route may act anonymously for the signed-in user (an anonymous grievance): resolving the session writes
     * nothing (no sliding-expiry touch), so no row of theirs changes in the same moment.
     */
    untraced?: boolean;
  }
}
