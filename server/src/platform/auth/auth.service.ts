import type { Actor } from './actor.ts';
import { hashSecret, randomToken, verifyPassword } from './crypto.ts';
import { sessionsRepository } from './sessions.repository.ts';
import { loginThrottle } from './login-throttle.ts';
import { tokensRepository } from './tokens.repository.ts';
import { recordAudit } from '../audit/audit.ts';
import type { UserRow } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { Deps } from '../deps.ts';
import { usersRepository } from '../identity/users.repository.ts';
import type { SessionUser } from './auth.schema.ts';

export const SESSION_COOKIE = 'tandem_session';
export const TOKEN_PREFIX = 'tdm_';
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
// Extend a session at most this often, so reads do not each write.
const SESSION_TOUCH_MS = 5 * 60 * 1000;
/**
 * How long a resolved token or session is reused without asking the database (each request would
 * otherwise run the token/session lookup, the costliest statement of a simple read). Every write
 * request through this app forgets them all (`forgetResolved`), so sign-out, revocation, role changes
 * and deactivation apply at once here. Changes made elsewhere (another server, the CLI, SQL) arrive as a
 * `tandem_auth` notification at their commit (migration 0028's triggers), which forgets them too; on
 * PostgreSQL, while that listener is not connected, nothing is reused at all.
 */
export const RESOLVED_TTL_MS = 1000;
const RESOLVED_MAX = 10_000;

export interface LoginLimits {
  /** Failures per account before it is locked for `windowSeconds`. */
  perAccount: number;
  /** Failures per client address before it is locked for `windowSeconds`. */
  perAddress: number;
  windowSeconds: number;
}
export const defaultLoginLimits: LoginLimits = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 };

export function toSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles,
    orgId: u.org_id,
    locale: u.locale,
    orgUnitId: u.org_unit_id,
    partyId: u.party_id,
  };
}

function actorOf(
  u: UserRow,
  method: Actor['authMethod'],
  extra: Pick<Actor, 'sessionId' | 'tokenId' | 'csrfToken'>,
): Actor {
  return { ...toSessionUser(u), userId: u.id, authMethod: method, ...extra };
}

/**
 * Invalidation of resolved sessions and tokens by changes made elsewhere: `subscribe` calls back on every
 * `tandem_auth` notification and reports whether it is listening. Without it (standalone uses) nothing is reused.
 */
export interface AuthChanges {
  subscribe(onChange: () => void, onListening: (listening: boolean) => void): () => Promise<void>;
}

export function authService(deps: Deps, limits: LoginLimits, changes?: AuthChanges) {
  const { db, secret } = deps;
  const throttle = loginThrottle(db, secret, limits);

  // Resolved actors by token hash. `generation` changes on every forget; a lookup that started
  // before a forget (and may have read the old rows) is not stored.
  const resolved = new Map<string, { actor: Actor; until: number; generation: number }>();
  let generation = 0;
  // Reuse only while changes made elsewhere can reach us.
  let reuse = false;
  const cached = (hash: string): Actor | null => {
    if (!reuse) {
      return null;
    }
    const hit = resolved.get(hash);
    if (!hit) {
      return null;
    }
    if (hit.generation !== generation || hit.until <= Date.now()) {
      resolved.delete(hash);
      return null;
    }
    return hit.actor;
  };
  const remember = (hash: string, actor: Actor, startedAt: number, notAfter: number) => {
    if (!reuse || startedAt !== generation) {
      return;
    }
    if (resolved.size >= RESOLVED_MAX) {
      resolved.clear();
    }
    Object.freeze(actor.roles);
    resolved.set(hash, {
      actor: Object.freeze(actor),
      until: Math.min(Date.now() + RESOLVED_TTL_MS, notAfter),
      generation,
    });
  };

  const forgetResolved = () => {
    generation++;
    resolved.clear();
  };
  const unsubscribe = changes?.subscribe(forgetResolved, (listening) => {
    forgetResolved();
    reuse = listening;
  });

  return {
    /** Forgets every resolved token and session (after any write: it may have signed out, revoked, or changed a user). */
    forgetResolved,

    /** Stops listening for other processes' changes (the app's close). */
    async close() {
      await unsubscribe?.();
    },

    async login(
      input: { email: string; password: string; org?: string | undefined },
      meta: { ip: string; userAgent: string | null; requestId: string },
    ) {
      await throttle.refuseIfLocked(input.email, meta.ip);
      const candidates = (await usersRepository.findActiveByEmail(db, input.email)).filter(
        (u) => !input.org || u.org_slug === input.org,
      );
      let user: UserRow | undefined;
      for (const c of candidates) {
        if (await verifyPassword(c.password_hash, input.password)) {
          user = c;
          break;
        }
      }
      if (!candidates.length) {
        await verifyPassword(null, input.password);
      }
      if (!user) {
        await throttle.countFailure(input.email, meta.ip);
        for (const c of candidates) {
          await recordAudit(
            db,
            { orgId: c.org_id, actorId: null, actorType: 'anonymous', requestId: meta.requestId, ip: meta.ip },
            {
              action: 'login_failed',
              entityType: 'user',
              entityId: c.id,
            },
          );
        }
        throw new AppError('UNAUTHENTICATED', 'Wrong email or password');
      }
      await throttle.clearAccount(input.email);
      const token = randomToken();
      const csrfToken = randomToken(24);
      const signedIn = user;
      const session = await db.transaction().execute(async (trx) => {
        const s = await sessionsRepository.insert(trx, {
          orgId: signedIn.org_id,
          userId: signedIn.id,
          tokenHash: hashSecret(secret, token),
          csrfToken,
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 500) ?? null,
          expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
        });
        await usersRepository.touchLogin(trx, signedIn.org_id, signedIn.id);
        await recordAudit(
          trx,
          { orgId: signedIn.org_id, actorId: signedIn.id, actorType: 'user', requestId: meta.requestId, ip: meta.ip },
          {
            action: 'login',
            entityType: 'session',
            entityId: s.id,
          },
        );
        return s;
      });
      return {
        token,
        csrfToken,
        user: toSessionUser(signedIn),
        sessionId: session.id,
        maxAgeSeconds: SESSION_IDLE_MS / 1000,
      };
    },

    async logout(actor: Actor, meta: { ip: string; requestId: string }) {
      if (!actor.sessionId) {
        return;
      }
      const sessionId = actor.sessionId;
      await db.transaction().execute(async (trx) => {
        await sessionsRepository.delete(trx, actor.orgId, sessionId);
        await recordAudit(
          trx,
          { orgId: actor.orgId, actorId: actor.userId, actorType: 'user', requestId: meta.requestId, ip: meta.ip },
          {
            action: 'logout',
            entityType: 'session',
            entityId: sessionId,
          },
        );
      });
    },

    /** Resolves the cookie session; extends it when it has been idle for a while. */
    async fromSession(token: string, opts: { touch: boolean } = { touch: true }): Promise<Actor | null> {
      const hash = hashSecret(secret, token);
      const hit = cached(hash);
      if (hit) {
        return hit;
      }
      const startedAt = generation;
      const row = await sessionsRepository.findLive(db, hash);
      if (!row) {
        return null;
      }
      let expiresAt = row.expires_at;
      if (opts.touch && Date.now() - row.last_seen_at.getTime() > SESSION_TOUCH_MS) {
        expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
        await sessionsRepository.extend(db, row.org_id, row.session_id, expiresAt);
      }
      const actor = actorOf(row, 'session', { sessionId: row.session_id, tokenId: null, csrfToken: row.csrf_token });
      remember(hash, actor, startedAt, expiresAt.getTime());
      return actor;
    },

    async fromBearer(token: string, opts: { touch: boolean } = { touch: true }): Promise<Actor | null> {
      if (!token.startsWith(TOKEN_PREFIX)) {
        return null;
      }
      const hash = hashSecret(secret, token);
      const hit = cached(hash);
      if (hit) {
        return hit;
      }
      const startedAt = generation;
      const row = await tokensRepository.findLive(db, hash);
      if (!row) {
        return null;
      }
      if (opts.touch && (!row.last_used_at || Date.now() - row.last_used_at.getTime() > SESSION_TOUCH_MS)) {
        await tokensRepository.touch(db, row.org_id, row.token_id);
      }
      const actor = actorOf(row, 'token', { sessionId: null, tokenId: row.token_id, csrfToken: null });
      remember(hash, actor, startedAt, Infinity);
      return actor;
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
