import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { validation } from '../../platform/errors.ts';
import { cursorValueFits, decodeCursor } from '../../platform/db/pagination.ts';
import { customerVisibility } from '../parties/index.ts';
import { pickCurrency, todayIn } from './core-common.ts';
import type { CurrencyCount } from './core.schema.ts';
import type { Scope } from './core-scope.repository.ts';
import { requireValueRole } from './value.access.ts';

/** A window of `windowDays` days ending with `asOf` (docs/metrics.md "Windows"), resolved for one request. */
export interface ResolvedWindow {
  scope: Scope;
  asOf: string;
  /** The window ends in the future: nothing to analyse yet (docs/metrics.md "Bad input"). */
  future: boolean;
}

/** Checks the role, reads the org's visibility and settles asOf (default today). */
export async function resolveWindow(
  db: Db,
  ctx: RequestContext,
  q: { asOf?: string | undefined; timeZone: string },
): Promise<ResolvedWindow> {
  requireValueRole(ctx.actor);
  const scope: Scope = {
    actor: ctx.actor,
    visibility: await customerVisibility(db, ctx.actor.orgId),
    timeZone: q.timeZone,
  };
  const today = todayIn(q.timeZone);
  const asOf = q.asOf ?? today;
  return { scope, asOf, future: asOf > today };
}

/** The currencies of a window (most transactions first), the analysis currency and how many were left out. */
export function currencyOutcome(
  asked: string | undefined,
  rows: { kind: string; key: string | null; customers: number; revenue: string }[],
): { currency: string | null; currencies: CurrencyCount[]; excluded: number } {
  const currencies = rows
    .filter((r) => r.kind === 'currency' && r.key !== null)
    .map((r) => ({ currency: r.key as string, transactions: r.customers, revenue: r.revenue }))
    .sort((x, y) => y.transactions - x.transactions || (x.currency < y.currency ? -1 : 1));
  const { currency, excluded } = pickCurrency(asked, currencies);
  return { currency: currencies.length ? currency : null, currencies, excluded };
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
