import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { grievanceSlaCounts, myGrievanceCounts } from '../../cases/index.ts';
import { relationshipMapService } from '../../parties/index.ts';
import { appraisalsService, turnoverService } from '../../people/index.ts';
import { myInvitationsService } from '../../surveys/index.ts';
import type { HomeCard } from './home.schema.ts';

// The home cards that other modules' services answer (docs/metrics.md "Home cards"), each under the caller's own
// access: appraisals the caller may read, grievances the caller may see, parties the relationship map lets them see.

type Card = (role: HomeCard['role'], key: string, data: Record<string, unknown>) => HomeCard;
/** Cycle statuses in which appraisals wait for their scores. */
const SCORING = new Set(['open', 'calibrating']);

/** Manager: appraisals of their reports in open or calibrating cycles that have no score yet (their own excluded). */
export async function appraisalsDueCard(deps: Deps, ctx: RequestContext, card: Card): Promise<HomeCard> {
  const { items } = await appraisalsService(deps).list(ctx, undefined, false);
  const pending = items.filter((a) => SCORING.has(a.cycleStatus) && a.partyId !== ctx.actor.partyId);
  return card('manager', 'appraisals_due', {
    due: pending.filter((a) => a.overallScore === null).length,
    total: pending.length,
  });
}

/** HR: turnover over the last 12 months, open grievances by SLA state, relationships by HR quadrant. */
export async function hrCards(deps: Deps, ctx: RequestContext, card: Card): Promise<HomeCard[]> {
  const t = await turnoverService(deps).turnover(ctx, { groupBy: 'month' });
  const sla = await grievanceSlaCounts(deps.db, ctx.actor);
  const map = await relationshipMapService(deps).get(ctx);
  const quadrants: Record<string, number> = {};
  for (const q of map.quadrants) {
    if (q.quadrant) {
      quadrants[q.quadrant] = (quadrants[q.quadrant] ?? 0) + q.count;
    }
  }
  return [
    card('hr', 'turnover', {
      rate: t.total.rate,
      leavers: t.total.separations,
      headcount: t.total.headcountEnd,
      note: t.note,
    }),
    card('hr', 'grievances_sla', sla),
    card('hr', 'hr_relationships', {
      relationships: Object.values(quadrants).reduce((a, n) => a + n, 0),
      ...quadrants,
    }),
  ];
}

/** Employee: their appraisals (closed ones awaiting their reply), open surveys, their named grievances. */
export async function employeeCards(deps: Deps, ctx: RequestContext, card: Card): Promise<HomeCard[]> {
  const now = Date.now();
  const { items } = await appraisalsService(deps).list(ctx, undefined, true);
  const surveys = await myInvitationsService(deps).mine(ctx);
  const grievances = await myGrievanceCounts(deps.db, ctx.actor.orgId, ctx.actor.userId);
  return [
    card('employee', 'my_appraisals', {
      total: items.length,
      awaitingReply: items.filter(
        (a) =>
          a.cycleStatus === 'closed' && a.reply === null && a.replyUntil !== null && Date.parse(a.replyUntil) > now,
      ).length,
    }),
    card('employee', 'open_surveys', {
      open: surveys.filter((s) => !s.answered).length,
      total: surveys.length,
    }),
    card('employee', 'my_grievances', grievances),
  ];
}
