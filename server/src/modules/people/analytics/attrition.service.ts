import type { Expression, SqlBool } from 'kysely';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { cursorValueFits, decodeCursor, encodeCursor, invalidCursor } from '../../../platform/db/pagination.ts';
import { employeeGroupScores, type EmployeeGroupScore } from '../../surveys/index.ts';
import { attritionFactors, RISK_HIGH, RISK_MEDIUM, type AttritionFactor } from '../constants.ts';

type RiskBand = 'low' | 'medium' | 'high';
import { attritionScope, everyEmployee } from '../people.access.ts';
import { loadAttritionWeights, loadPeopleSettings, normaliseWeights } from '../settings/settings.service.ts';
import { attritionRepository, type GroupRisk, type ScoredRow, type ScoreParams } from './attrition.repository.ts';
import type { AttritionItem, AttritionPage, AttritionQuery, Backtest, BacktestQuery } from './attrition.schema.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const today = () => new Date().toISOString().slice(0, 10);
const monthsBefore = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

/**
 * The group factor per unit (docs/metrics.md "Attrition risk"): the unit's eNPS from the latest closed employee
 * survey of the 12 months before asOf where the unit was shown (risk 0 at +30 or more, 1 at −30 or less), else its
 * engagement outcome as a share of the scale (0 at 75 % or more, 1 at 25 % or less). Groups below the anonymity
 * minimum are never in the read model, so they add no risk.
 */
export function groupRisks(enps: EmployeeGroupScore[], engagement: EmployeeGroupScore[]): GroupRisk[] {
  const out = new Map<string, GroupRisk>();
  for (const g of engagement) {
    const share = g.scaleMax > g.scaleMin ? (g.score - g.scaleMin) / (g.scaleMax - g.scaleMin) : 1;
    out.set(g.orgUnitId, {
      unit_id: g.orgUnitId,
      r: round1(clamp01((0.75 - share) / 0.5) * 1000) / 1000,
      detail: `Group engagement ${g.score} on ${g.scaleMin}–${g.scaleMax} (n=${g.n})`,
    });
  }
  for (const g of enps) {
    out.set(g.orgUnitId, {
      unit_id: g.orgUnitId,
      r: round1(clamp01((30 - g.score) / 60) * 1000) / 1000,
      detail: `Group eNPS ${g.score} (n=${g.n})`,
    });
  }
  return [...out.values()];
}

/** Score parameters as of a day: the organisation's weights and settings, and its groups' survey results. */
export async function scoreParams(
  db: Db,
  orgId: string,
  asOf: string,
  scope: Expression<SqlBool>,
): Promise<ScoreParams> {
  const [weights, settings] = await Promise.all([loadAttritionWeights(db, orgId), loadPeopleSettings(db, orgId)]);
  const window = { from: new Date(`${monthsBefore(asOf, 12)}T00:00:00Z`), to: new Date(`${asOf}T00:00:00Z`) };
  window.to.setUTCDate(window.to.getUTCDate() + 1);
  const [enps, engagement] = await Promise.all([
    employeeGroupScores(db, orgId, { metric: 'enps', ...window }),
    employeeGroupScores(db, orgId, { metric: 'engagement', ...window }),
  ]);
  return {
    orgId,
    asOf,
    scope,
    weights: normaliseWeights(weights),
    windowFromMonths: settings.riskWindowFromMonths,
    windowToMonths: settings.riskWindowToMonths,
    contractWindowDays: settings.contractWindowDays,
    groups: groupRisks(enps, engagement),
  };
}

export const bandOf = (score: number): RiskBand =>
  score >= RISK_HIGH ? 'high' : score >= RISK_MEDIUM ? 'medium' : 'low';

function detailOf(key: AttritionFactor, r: ScoredRow, p: ScoreParams): string {
  switch (key) {
    case 'tenure_window':
      return `Tenure ${r.tenure_months} months (risky window ${p.windowFromMonths}–${p.windowToMonths})`;
    case 'no_raise_or_promotion':
      return `${r.months_since_raise} months since the last raise or promotion (or the hire)`;
    case 'compa_ratio':
      return r.compa_ratio === null ? 'No pay band or salary' : `Compa-ratio ${r.compa_ratio.toFixed(2)}`;
    case 'group_engagement':
      return r.group_detail ?? 'No group result at or above the anonymity minimum';
    case 'grievances':
      return `${r.grievances} named grievance(s) in 12 months`;
    case 'manager_changes':
      return `${r.manager_changes} change(s) of manager in 12 months`;
    case 'appraisal_trend':
      return r.appraisal_previous === null
        ? 'Fewer than two closed appraisals'
        : `Appraisal ${r.appraisal_previous} → ${r.appraisal_latest}`;
    case 'contract_ending':
      return r.contract_end_on === null
        ? 'No fixed end'
        : `Contract ends ${r.contract_end_on}, renewal intent ${r.renewal_intent ?? 'not set'}`;
  }
}

export function toItem(r: ScoredRow, p: ScoreParams): AttritionItem {
  return {
    partyId: r.party_id,
    name: r.name,
    orgUnitId: r.org_unit_id,
    score: r.score,
    band: bandOf(r.score),
    factors: attritionFactors.map((key) => {
      const risk = r[`r_${key}`];
      return {
        key,
        risk: round1(risk * 100) / 100,
        contribution: round1(p.weights[key] * risk),
        detail: detailOf(key, r, p),
      };
    }),
  };
}

function parseCursor(cursor: string | undefined) {
  if (!cursor) {
    return undefined;
  }
  const [score, id] = decodeCursor(cursor, 2);
  if (typeof score !== 'number' || score < 0 || score > 100 || !cursorValueFits(id, 'uuid')) {
    throw invalidCursor();
  }
  return { score, id: id as string };
}

export function attritionService(deps: Deps) {
  const { db } = deps;
  const scope = (actor: Actor) => attritionScope(actor);
  return {
    async list(ctx: RequestContext, q: AttritionQuery): Promise<AttritionPage> {
      const after = parseCursor(q.cursor);
      const p = await scoreParams(db, ctx.actor.orgId, today(), scope(ctx.actor));
      const rows = await attritionRepository.page(
        db,
        p,
        { orgUnitId: q.orgUnitId, band: q.band, after, limit: q.limit + 1 },
        { high: RISK_HIGH, medium: RISK_MEDIUM },
      );
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => toItem(r, p)),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.score, last.party_id]) : null,
        weights: p.weights,
        asOf: p.asOf,
      };
    },

    async backtest(ctx: RequestContext, q: BacktestQuery): Promise<Backtest> {
      const asOf = q.asOf ?? today();
      const scoredOn = monthsBefore(asOf, 12);
      const p = await scoreParams(db, ctx.actor.orgId, scoredOn, everyEmployee());
      const r = await attritionRepository.backtest(db, p, RISK_HIGH);
      const pct = (a: number, b: number) => (b > 0 ? Math.round((10_000 * a) / b) / 100 : 0);
      return {
        asOf,
        scoredOn,
        population: r.population,
        leavers: r.leavers,
        topBandSize: r.top_band,
        leaversInTopBand: r.leavers_in_top,
        share: pct(r.leavers_in_top, r.leavers),
        topBandShare: pct(r.top_band, r.population),
        note:
          r.leavers === 0
            ? 'Not enough data: nobody employed on scoredOn left in the following 12 months'
            : asOf > today()
              ? 'asOf is in the future: leavers counted up to today'
              : null,
      };
    },
  };
}

/** Scores of the given employees as of today, for other modules (key-person risk); no reader scope applies. */
export async function attritionScores(
  db: Db,
  orgId: string,
  partyIds: string[],
): Promise<Map<string, { score: number; band: RiskBand }>> {
  if (!partyIds.length) {
    return new Map();
  }
  const p = await scoreParams(db, orgId, today(), everyEmployee());
  const rows = await attritionRepository.forParties(db, p, partyIds);
  return new Map(rows.map((r) => [r.party_id, { score: r.score, band: bandOf(r.score) }]));
}
