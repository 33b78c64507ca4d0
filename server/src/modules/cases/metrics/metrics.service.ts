import type { RequestContext } from '../../../platform/auth/actor.ts';
import { storableInstant } from '../../../platform/db/instants.ts';
import type { Deps } from '../../../platform/deps.ts';
import { validation } from '../../../platform/errors.ts';
import { customerVisibility } from '../../parties/index.ts';
import { policiesRepository } from '../sla/policies.repository.ts';
import { DEFAULT_POLICY } from '../sla/policies.service.ts';
import { metricsRows, metricsSeriesRows, type MetricsPeriodRow, type MetricsSqlRow } from './metrics.repository.ts';
import type { Metrics, MetricsPeriod, MetricsQuery, MetricsRow } from './metrics.schema.ts';

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

const toPeriod = (r: MetricsPeriodRow): MetricsPeriod => {
  const { key, name: _name, ...row } = toRow(r);
  return { period: key ?? '', start: r.start.toISOString(), ...row };
};

/** At most this many periods in a series (two years of days). */
export const MAX_PERIODS = 732;
const periodDays = { day: 1, week: 7, month: 28 } as const;

const empty: MetricsSqlRow = {
  key: null,
  name: null,
  count: 0,
  resolved: 0,
  fr_mean: null,
  fr_p90: null,
  res_mean: null,
  res_p90: null,
  breached: 0,
  due: 0,
  reopened: 0,
  ever_resolved: 0,
  csat_mean: null,
  csat_count: 0,
};

/** A date alone means that whole UTC day: `from` its start, `to` its end. */
const instant = (v: string, end: boolean) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(Date.parse(`${v}T00:00:00Z`) + (end ? 86_400_000 : 0)) : new Date(v);

/**
 * Service metrics (counts, clock times, breach, reopen, CSAT), all in SQL over the cases the reader may see. With `interval` the
 * same measures come per day / ISO week / month of creation. Periods are cut in one IANA zone: the reader's
 * `timeZone` (the web sends the browser's, so periods match its date picker), else the zone of the org's
 * default SLA policy (an organisation has no zone of its own; its business calendar is the closest), never
 * the server's. Every period overlapping [from, to) is returned, empty ones as zero rows.
 */
export function metricsService(deps: Deps) {
  const { db } = deps;
  return {
    async metrics(ctx: RequestContext, q: MetricsQuery): Promise<Metrics> {
      const from = instant(q.from, false);
      const to = instant(q.to, true);
      if (!storableInstant(to.getTime())) {
        const message =
          'A date `to` runs to the end of its day, which for 9999-12-31 is past the last storable instant';
        throw validation(message, [{ path: ['querystring', 'to'], message, code: 'out_of_range' }]);
      }
      if (to.getTime() <= from.getTime()) {
        throw validation('`to` must be after `from`', [
          { path: ['querystring', 'to'], message: 'Must be after from', code: 'invalid_range' },
        ]);
      }
      const interval = q.interval;
      // Upper bound of the periods overlapping [from, to): a month counted as its shortest.
      if (
        interval &&
        Math.ceil((to.getTime() - from.getTime()) / (periodDays[interval] * 86_400_000)) + 1 > MAX_PERIODS
      ) {
        throw validation(`At most ${MAX_PERIODS} periods: pick a longer interval or a shorter range`, [
          { path: ['querystring', 'interval'], message: `More than ${MAX_PERIODS} periods`, code: 'too_many_periods' },
        ]);
      }
      const vis = await customerVisibility(db, ctx.actor.orgId);
      const range = { from, to, groupBy: q.groupBy, type: q.type, now: new Date() };
      // Periods follow the org's business calendar (its default SLA policy) unless the reader names a zone.
      const timeZone = interval
        ? (q.timeZone ??
          (await policiesRepository.findDefault(db, ctx.actor.orgId))?.time_zone ??
          DEFAULT_POLICY.timeZone)
        : null;
      const [total, groups, series] = await Promise.all([
        metricsRows(db, ctx.actor, vis, range, false),
        q.groupBy === 'none' ? Promise.resolve([]) : metricsRows(db, ctx.actor, vis, range, true),
        interval && timeZone
          ? metricsSeriesRows(db, ctx.actor, vis, { ...range, interval, timeZone })
          : Promise.resolve([]),
      ]);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        groupBy: q.groupBy,
        total: toRow(total[0] ?? empty),
        groups: groups.map(toRow),
        interval: interval ?? null,
        timeZone,
        series: series.map(toPeriod),
      };
    },
  };
}
