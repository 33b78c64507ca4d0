import { hasRole } from './actor.ts';
import { safeEqual } from './crypto.ts';
import { SESSION_COOKIE, type AuthService } from './auth.service.ts';
import { AppError } from '../errors.ts';
import type { TandemApp } from '../http/types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling (bearer token or session cookie), then enforces: signed in unless the
 * route is public, the route's roles, and a CSRF token on cookie-authenticated writes.
 */
export function registerAuthHooks(app: TandemApp, auth: AuthService): void {
  app.decorateRequest('actor', null);

  // A write may sign someone out, revoke a token or change a user: the app's response hook forgets the resolved
  // tokens and sessions before its answer goes out (platform/http/response-hooks.ts), so the next request sees it.

  app.addHook('preHandler', async (req) => {
    // The docs pages are static assets registered by a plugin, so they cannot carry route config.
    if (!req.url.startsWith('/api/') || req.is404 || req.url.startsWith('/api/docs')) {
      return;
    }
    const config = req.routeOptions.config;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      req.actor = m?.[1] ? await auth.fromBearer(m[1], { touch: !config.untraced }) : null;
      if (!req.actor && !config.public) {
        throw new AppError('UNAUTHENTICATED', 'Invalid or revoked API token');
      }
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      req.actor = cookie ? await auth.fromSession(cookie, { touch: !config.untraced }) : null;
    }
    if (config.public) {
      return;
    }
    const actor = req.actor;
    if (!actor) {
      throw new AppError('UNAUTHENTICATED', 'Sign in first (your session may have expired)');
    }
    if (actor.authMethod === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
        throw new AppError('FORBIDDEN', 'Missing or wrong CSRF token (send the x-csrf-token header from sign-in)', {
          reason: 'csrf',
        });
      }
    }
    if (config.roles && !hasRole(actor, ...config.roles)) {
      throw new AppError('FORBIDDEN', `This needs one of the roles: ${config.roles.join(', ')}`);
    }
  });
}
