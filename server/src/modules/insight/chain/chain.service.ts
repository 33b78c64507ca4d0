import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { Db } from '../../../platform/db/database.ts';
import { validation } from '../../../platform/errors.ts';
import { ownerAtSql } from '../../parties/index.ts';
import { customerAnswersSql, employeeGroupScores, suppressedEmployeeGroups } from '../../surveys/index.ts';
import { DAY_MS, NOT_ENOUGH_DATA, todayUtc } from '../insight.common.ts';
import {
  answerScores,
  chainCurrency,
  growthScores,
  retentionScores,
  type ChainWindow,
  type CustomerScoreRow,
} from './chain.repository.ts';
import type { Chain, ChainPoint, ChainQuery } from './chain.schema.ts';
import { fisherCi, pearson, spearman } from './stats.ts';

/** Unit-level r between engagement and customer outcomes in the meta-analysis of Harter, Schmidt & Hayes [L-HSH02]. */
export const CHAIN_BENCHMARK = {
  low: 0.2,
  high: 0.35,
  source: 'Harter, Schmidt & Hayes (2002), Journal of Applied Psychology 87(2)',
  what: 'unit-level correlation of employee engagement with customer and business outcomes',
};

const day = (s: string) => new Date(`${s}T00:00:00.000Z`);
/** The same instant `months` calendar months later (UTC; the day clamps to the month's end). */
function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

function periods(q: ChainQuery) {
  const to = q.to ? day(q.to) : new Date(day(todayUtc()).getTime() + DAY_MS);
  const from = q.from ? day(q.from) : new Date(to.getTime() - 365 * DAY_MS);
  if (to.getTime() <= from.getTime()) {
    throw validation('`to` must be after `from`', [
      { path: ['querystring', 'to'], message: 'Must be after from', code: 'invalid_range' },
    ]);
  }
  return { from, to, cFrom: addMonths(from, q.lagMonths), cTo: addMonths(to, q.lagMonths) };
}

/** The service-profit chain (docs/metrics.md "The chain"): employee and customer scores per unit, and their correlation. */
export function chainService(deps: Deps) {
  async function customerRows(db: Db, orgId: string, q: ChainQuery, w: ChainWindow) {
    if (q.customerMetric === 'nps' || q.customerMetric === 'csat') {
      const answers = customerAnswersSql(orgId, q.customerMetric, w.from, w.to);
      return { rows: await answerScores(db, w, q.customerMetric, answers), currency: null };
    }
    if (q.customerMetric === 'retention') {
      return { rows: await retentionScores(db, w), currency: null };
    }
    const start = new Date(2 * w.from.getTime() - w.to.getTime());
    const currency = q.currency ?? (await chainCurrency(db, orgId, start, w.to));
    return { rows: currency ? await growthScores(db, w, currency) : [], currency };
  }

  return {
    async chain(ctx: RequestContext, q: ChainQuery): Promise<Chain> {
      const { orgId } = ctx.actor;
      const p = periods(q);
      // A read-only analytics read: the replica when there is one (docs/scale.md "A read replica").
      const db = await deps.reads.db(ctx.actor);
      const window: ChainWindow = {
        orgId,
        level: q.level,
        from: p.cFrom,
        to: p.cTo,
        ownerAt: (party, owner, at) => ownerAtSql(orgId, party, owner, at),
      };
      const employeeOpts = { metric: q.employeeMetric, from: p.from, to: p.to };
      const groups = new Map((await employeeGroupScores(db, orgId, employeeOpts)).map((g) => [g.orgUnitId, g]));
      const excludedGroups = await suppressedEmployeeGroups(db, orgId, employeeOpts);
      const { rows, currency } = await customerRows(db, orgId, q, window);
      const scored = rows.filter((r): r is CustomerScoreRow & { score: number } => r.score !== null);
      const points: ChainPoint[] = scored.flatMap((r) => {
        const g = r.unit_id ? groups.get(r.unit_id) : undefined;
        return g
          ? [
              {
                key: r.key,
                name: r.name,
                employees: g.n,
                customers: r.customers,
                employeeScore: g.score,
                customerScore: r.score,
              },
            ]
          : [];
      });
      const xs = points.map((pt) => pt.employeeScore);
      const ys = points.map((pt) => pt.customerScore);
      const n = points.length;
      const r = pearson(xs, ys);
      const rho = spearman(xs, ys);
      return {
        level: q.level,
        employeeMetric: q.employeeMetric,
        customerMetric: q.customerMetric,
        lagMonths: q.lagMonths,
        employeePeriod: { from: p.from.toISOString(), to: p.to.toISOString() },
        customerPeriod: { from: p.cFrom.toISOString(), to: p.cTo.toISOString() },
        currency,
        points,
        pearson: { r, ci95: fisherCi(r, n), n },
        spearman: { rho, ci95: fisherCi(rho, n, 1.06), n },
        benchmark: CHAIN_BENCHMARK,
        note: 'correlation_not_causation',
        dataNote: r === null ? NOT_ENOUGH_DATA : null,
        excludedGroups,
        unitsWithoutEmployeeScore: scored.length - n,
      };
    },
  };
}
export type ChainService = ReturnType<typeof chainService>;
