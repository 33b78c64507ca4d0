import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { validation } from '../../platform/errors.ts';
import { partyVisibilitySource } from '../parties/index.ts';
import type { Metrics, MetricsQuery, MetricsRow } from './service.schema.ts';
import { metricsRows, type MetricsSqlRow } from './service.repository.ts';

const round = (v: number | null, digits = 1) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const rate = (n: number, d: number) => (d > 0 ? round((100 * n) / d) : null);

const toRow = (r: MetricsSqlRow): MetricsRow => ({
  key: r.key,
  name: r.name,
  count: r.count,
  resolved: r.resolved,
  firstResponseMean: round(r.fr_mean),
  firstResponseP90: round(r.fr_p90),
  resolutionMean: round(r.res_mean),
  resolutionP90: round(r.res_p90),
  breachRate: rate(r.breached, r.due),
  reopenRate: rate(r.reopened, r.ever_resolved),
  csatMean: round(r.csat_mean, 2),
  csatCount: r.csat_count,
});

const empty: MetricsSqlRow = { key: null, name: null, count: 0, resolved: 0, fr_mean: null, fr_p90: null, res_mean: null, res_p90: null, breached: 0, due: 0, reopened: 0, ever_resolved: 0, csat_mean: null, csat_count: 0 };

/** A date alone means that whole UTC day: `from` its start, `to` its end. */
const instant = (v: string, end: boolean) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(Date.parse(`${v}T00:00:00Z`) + (end ? 86_400_000 : 0)) : new Date(v));

/** Service metrics (metrics.md "Service"), all in SQL over the cases the reader may see. */
export function metricsService(deps: Deps) {
  const { db } = deps;
  return {
    async metrics(ctx: RequestContext, q: MetricsQuery): Promise<Metrics> {
      const from = instant(q.from, false);
      const to = instant(q.to, true);
      if (to.getTime() <= from.getTime()) {
        throw validation('`to` must be after `from`', [{ path: ['querystring', 'to'], message: 'Must be after from', code: 'invalid_range' }]);
      }
      const vis = await partyVisibilitySource.visibility(db, ctx.actor.orgId);
      const range = { from, to, groupBy: q.groupBy, type: q.type };
      const [total, groups] = await Promise.all([metricsRows(db, ctx.actor, vis, range, false), q.groupBy === 'none' ? Promise.resolve([]) : metricsRows(db, ctx.actor, vis, range, true)]);
      return { from: from.toISOString(), to: to.toISOString(), groupBy: q.groupBy, total: toRow(total[0] ?? empty), groups: groups.map(toRow) };
    },
  };
}
