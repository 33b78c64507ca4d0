import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { validation } from '../../platform/errors.ts';
import { cursorValueFits, decodeCursor } from '../../platform/db/pagination.ts';
import { customerVisibility } from '../parties/index.ts';
import { addDays, pickCurrency, todayIn } from './core-common.ts';
import type { CurrencyCount } from './core.schema.ts';
import { scopeRepository, type Scope } from './core-scope.repository.ts';
import { requireValueRole } from './value.access.ts';

/** A window of `windowDays` days ending with `asOf` (docs/metrics.md "Windows"), resolved for one request. */
export interface ResolvedWindow {
  scope: Scope;
  asOf: string;
  /** The analysis currency; null when the window has no transaction (or ends in the future). */
  currency: string | null;
  currencies: CurrencyCount[];
  excluded: number;
}

/** Checks the role, reads the org's visibility, settles asOf (default today) and the currency of the window. */
export async function resolveWindow(
  db: Db,
  ctx: RequestContext,
  q: { asOf?: string | undefined; windowDays: number; currency?: string | undefined; timeZone: string },
): Promise<ResolvedWindow> {
  requireValueRole(ctx.actor);
  const scope: Scope = {
    actor: ctx.actor,
    visibility: await customerVisibility(db, ctx.actor.orgId),
    timeZone: q.timeZone,
  };
  const today = todayIn(q.timeZone);
  const asOf = q.asOf ?? today;
  // A window ending in the future: nothing to analyse yet (docs/metrics.md "Bad input").
  if (asOf > today) {
    return { scope, asOf, currency: null, currencies: [], excluded: 0 };
  }
  const currencies = await scopeRepository.currencies(db, scope, addDays(asOf, 1 - q.windowDays), addDays(asOf, 1));
  const { currency, excluded } = pickCurrency(q.currency, currencies);
  return { scope, asOf, currency: currencies.length ? currency : null, currencies, excluded };
}

/** The party id a list cursor carries (lists of the value core page in party-id order). */
export function cursorPartyId(cursor: string | undefined): string | undefined {
  if (!cursor) {
    return undefined;
  }
  const [after] = decodeCursor(cursor, 1);
  if (!cursorValueFits(after, 'uuid')) {
    throw validation('Invalid cursor', [
      { path: ['query', 'cursor'], message: 'Invalid cursor', code: 'invalid_cursor' },
    ]);
  }
  return String(after);
}
