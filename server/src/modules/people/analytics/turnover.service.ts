import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { validation } from '../../../platform/errors.ts';
import { turnoverRepository, type TurnoverRow } from './turnover.repository.ts';
import type { Turnover, TurnoverLine, TurnoverQuery } from './turnover.schema.ts';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One line of docs/metrics.md "Turnover rate": never NaN, 0 without headcount. */
export function turnoverLine(r: TurnoverRow): TurnoverLine {
  const average = (r.headcount_start + r.headcount_end) / 2;
  const rate = (n: number) => (average > 0 ? round2((n / average) * 100) : 0);
  return {
    key: r.key,
    separations: r.separations,
    voluntary: r.voluntary,
    involuntary: r.involuntary,
    headcountStart: r.headcount_start,
    headcountEnd: r.headcount_end,
    averageHeadcount: average,
    rate: rate(r.separations),
    firstYearSeparations: r.first_year,
    firstYearRate: rate(r.first_year),
  };
}

const yearBefore = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`.replace(/-02-29$/, '-02-28');

export function turnoverService(deps: Deps) {
  const { db } = deps;
  return {
    async turnover(ctx: RequestContext, q: TurnoverQuery): Promise<Turnover> {
      const to = q.to ?? new Date().toISOString().slice(0, 10);
      const from = q.from ?? yearBefore(to);
      if (from > to) {
        throw validation('from must be on or before to', [
          { path: ['querystring', 'from'], message: 'After to', code: 'too_big' },
        ]);
      }
      if (Date.parse(to) - Date.parse(from) > 10 * 366 * 86_400_000) {
        throw validation('At most 10 years at a time', [
          { path: ['querystring', 'from'], message: 'More than 10 years before to', code: 'too_small' },
        ]);
      }
      const [rows, total] = await Promise.all([
        q.groupBy === 'orgUnit'
          ? turnoverRepository.byOrgUnit(db, ctx.actor, from, to)
          : turnoverRepository.byMonth(db, ctx.actor, from, to),
        turnoverRepository.total(db, ctx.actor, from, to),
      ]);
      const t = turnoverLine(total);
      return {
        from,
        to,
        groupBy: q.groupBy,
        rows: rows.map(turnoverLine),
        total: t,
        note: t.averageHeadcount > 0 ? null : 'Not enough data: no one was employed in this range',
      };
    },
  };
}
