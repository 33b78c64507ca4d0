import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { validation } from '../../../platform/errors.ts';
import { customerVisibility } from '../../parties/index.ts';
import { visibleCustomer } from '../value.access.ts';
import { NOT_ENOUGH_DATA, period } from '../value.common.ts';
import { cohortCells, type CohortCell } from './cohorts.repository.ts';
import type { Cohorts, CohortsQuery } from './cohorts.schema.ts';

/** At most this many cohort months in one answer (20 years). */
export const MAX_COHORT_MONTHS = 240;

const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
const monthName = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Every month of the period, each with its k = 0 … last month, empty cells as zeros (docs/metrics.md). */
export function cohortTable(from: Date, to: Date, cells: CohortCell[]): Cohorts['cohorts'] {
  const first = monthIndex(from);
  const last = monthIndex(new Date(to.getTime() - 1));
  const byCohort = new Map<string, Map<number, number>>();
  for (const c of cells) {
    const m = byCohort.get(c.cohort) ?? new Map<number, number>();
    m.set(c.k, c.customers);
    byCohort.set(c.cohort, m);
  }
  const out: Cohorts['cohorts'] = [];
  for (let i = first; i <= last; i++) {
    const month = monthName(i);
    const ks = byCohort.get(month) ?? new Map<number, number>();
    const size = ks.get(0) ?? 0;
    const retention = size
      ? Array.from({ length: last - i + 1 }, (_, k) => ({
          k,
          customers: ks.get(k) ?? 0,
          share: (ks.get(k) ?? 0) / size,
        }))
      : [];
    out.push({ month, size, retention });
  }
  return out;
}

export function cohortsService(deps: Deps) {
  return {
    async cohorts(ctx: RequestContext, q: CohortsQuery): Promise<Cohorts> {
      const { orgId } = ctx.actor;
      const p = period(q);
      const head = { from: p.from.toISOString(), to: p.to.toISOString() };
      if (p.future) {
        return { ...head, cohorts: [], note: NOT_ENOUGH_DATA };
      }
      if (monthIndex(p.to) - monthIndex(p.from) > MAX_COHORT_MONTHS) {
        const message = `At most ${MAX_COHORT_MONTHS} months of cohorts in one request`;
        throw validation(message, [{ path: ['querystring', 'from'], message, code: 'too_long' }]);
      }
      // A read-only analytics read: the replica when there is one (docs/scale.md "A read replica").
      const db = await deps.reads.db(ctx.actor);
      const scope = visibleCustomer(ctx.actor, await customerVisibility(db, orgId));
      const cohorts = cohortTable(p.from, p.to, await cohortCells(db, { orgId, from: p.from, to: p.to, scope }));
      return { ...head, cohorts, note: cohorts.some((c) => c.size > 0) ? null : NOT_ENOUGH_DATA };
    },
  };
}
export type CohortsService = ReturnType<typeof cohortsService>;
