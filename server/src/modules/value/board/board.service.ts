import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { customerVisibility, stagesOf } from '../../parties/index.ts';
import { requireValueRole } from '../value.access.ts';
import { boardValues } from './board.repository.ts';
import type { BoardValue, BoardValueQuery } from './board.schema.ts';

/** Revenue on the board counts this many months back (docs/metrics.md "Board value"). */
export const BOARD_REVENUE_MONTHS = 12;

/** The instant `months` calendar months before `now` (UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Board value: per stage the count, revenue (last 12 months) and CLV totals; the value of the cards asked for. */
export function boardService(deps: Deps) {
  return {
    async values(ctx: RequestContext, q: BoardValueQuery, now = new Date()): Promise<BoardValue> {
      requireValueRole(ctx.actor);
      const { actor } = ctx;
      const since = monthsBefore(now, BOARD_REVENUE_MONTHS);
      const owners = q.ownerId?.length ? q.ownerId.map((o) => (o === 'me' ? (actor.userId ?? '') : o)) : null;
      // A read-only analytics read: the replica when there is one (docs/scale.md "A read replica").
      const db = await deps.reads.db(actor);
      const rows = await boardValues(db, actor, await customerVisibility(db, actor.orgId), {
        role: q.role,
        owners: owners?.filter(Boolean) ?? null,
        q: q.q ?? null,
        ids: q.ids ?? [],
        currency: q.currency ?? null,
        since,
      });
      const columnRows = rows.filter((r) => r.kind === 'column');
      const first = columnRows[0];
      const columns = stagesOf(q.role).map((stage) => {
        const r = columnRows.find((x) => x.stage === stage);
        return {
          stage,
          count: r?.count ?? 0,
          revenue: r?.revenue ?? '0.00',
          clv: r?.clv ?? null,
          clvCustomers: r?.clv_customers ?? 0,
        };
      });
      const cards = rows
        .filter((r) => r.kind === 'card' && r.party_id)
        .map((r) => ({ partyId: r.party_id as string, stage: r.stage, revenue: r.revenue, clv: r.clv }));
      return {
        currency: first?.currency ?? q.currency ?? null,
        since: since.toISOString(),
        clvAsOf: first?.clv_as_of ?? null,
        columns,
        cards,
        note: columnRows.length ? null : 'not_enough_data',
      };
    },
  };
}
