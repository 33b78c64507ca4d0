import type { ReadRouter } from '../db/read-routing.ts';
import type { TandemApp } from './types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read your writes (docs/scale.md "A read replica"): after a write request succeeds, stamp the caller's session or
 * token on the primary before the answer goes out, so the caller's next reads — on whichever server — come from the
 * primary for a few seconds. Nothing happens without a replica. Untraced routes (an anonymous grievance) touch no
 * row of the caller's, so they are not stamped either.
 */
export function registerReadYourWrites(app: TandemApp, reads: ReadRouter): void {
  if (!reads.replicated) {
    return;
  }
  app.addHook('onSend', async (req, reply, payload) => {
    const actor = req.actor;
    if (!actor || SAFE_METHODS.has(req.method) || reply.statusCode >= 400 || req.routeOptions.config.untraced) {
      return payload;
    }
    try {
      await reads.markWrite(actor);
    } catch (err) {
      // The write itself committed; failing its answer now would invite a retry of something already done.
      req.log.warn({ err }, 'could not stamp the write for read-your-writes: the next reads may miss it briefly');
    }
    return payload;
  });
}
