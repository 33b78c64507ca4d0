import { hasRole, type RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { openCaseCount } from '../../cases/index.ts';
import { customerVisibility, livePartyVisible, openTaskCount } from '../../parties/index.ts';
import { attritionScores } from '../../people/index.ts';
import { employeeGroupScores } from '../../surveys/index.ts';
import { summaryService } from '../../value/index.ts';
import { capabilityRepository } from '../capability/capability.repository.ts';
import { chainService } from '../chain/chain.service.ts';
import { DAY_MS, todayUtc } from '../insight.common.ts';
import { keyPersonService } from '../key-person/key-person.service.ts';
import { atRiskCount, employeePartyIds, managedUnits } from './home.repository.ts';
import { appraisalsDueCard, employeeCards, hrCards } from './role-cards.ts';
import type { Home, HomeCard } from './home.schema.ts';

// The home page per role (docs/metrics.md "Home cards"): the cards of every role the caller holds, each computed
// under the caller's own visibility (an agent's "my customers at risk" covers the customers they own or back up).

const card = (role: HomeCard['role'], key: string, data: Record<string, unknown>): HomeCard => ({
  key,
  role,
  titleKey: `home.cards.${key}`,
  data,
});

/** Executive (and admin) cards: value, the chain, capability, key-person exposure, customers at risk. */
async function executiveCards(deps: Deps, ctx: RequestContext): Promise<HomeCard[]> {
  const { db } = deps;
  const reads = await deps.reads.db(ctx.actor);
  const to = todayUtc();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY_MS).toISOString().slice(0, 10);
  const s = await summaryService(deps).summary(ctx, {
    from,
    to,
    lapseDays: 365,
    currency: undefined,
    timeZone: 'UTC',
  });
  const kp = await keyPersonService(deps).risk(ctx, {});
  const c = await chainService(deps).chain(ctx, {
    level: 'orgUnit',
    employeeMetric: 'engagement',
    customerMetric: 'nps',
    lagMonths: 0,
  });
  const snaps = await capabilityRepository.listSnapshots(db, ctx.actor.orgId);
  const last = snaps.at(-1)?.result as { index: number | null; coverage: number } | undefined;
  const vis = await customerVisibility(db, ctx.actor.orgId);
  const top = [...kp.owners].sort((a, b) => b.exposure - a.exposure).slice(0, 5);
  return [
    card('executive', 'value', {
      currency: s.currency,
      revenue: s.revenue,
      retentionRate: s.retentionRate,
      acquisitionRate: s.acquisitionRate,
      activeCustomers: s.activeCustomers,
    }),
    card('executive', 'chain', { pearson: c.pearson, n: c.pearson.n, benchmark: c.benchmark, note: c.note }),
    card('executive', 'capability', {
      index: last?.index ?? null,
      coverage: last?.coverage ?? null,
      asOf: snaps.at(-1)?.as_of ?? null,
    }),
    card('executive', 'key_person', {
      concentration: kp.concentration,
      top: top.map((o) => ({ userId: o.userId, name: o.name, exposure: o.exposure, revenueShare: o.revenueShare })),
    }),
    card('executive', 'at_risk_customers', {
      count: await atRiskCount(reads, ctx.actor, livePartyVisible(ctx.actor, vis, 'read')),
    }),
  ];
}

// The counts are analytics reads: from the read replica when there is one (docs/scale.md "A read replica"), the
// caller's own recent writes from the primary. The organisation's visibility setting comes from the primary's cache.
export function homeService(deps: Deps) {
  const { db } = deps;

  async function manager(ctx: RequestContext): Promise<HomeCard[]> {
    const reads = await deps.reads.db(ctx.actor);
    const vis = await customerVisibility(db, ctx.actor.orgId);
    const units = new Set(await managedUnits(reads, ctx.actor));
    const to = new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + DAY_MS);
    const from = new Date(to.getTime() - 365 * DAY_MS);
    const groups = await employeeGroupScores(reads, ctx.actor.orgId, { metric: 'engagement', from, to });
    return [
      card('manager', 'team_at_risk', {
        count: await atRiskCount(reads, ctx.actor, livePartyVisible(ctx.actor, vis, 'read')),
      }),
      card('manager', 'tasks', { dueToday: await openTaskCount(reads, ctx.actor.orgId, ctx.actor.userId, to) }),
      await appraisalsDueCard(deps, ctx, card),
      card('manager', 'team_engagement', {
        groups: groups
          .filter((g) => units.has(g.orgUnitId))
          .map((g) => ({ orgUnitId: g.orgUnitId, n: g.n, score: g.score })),
      }),
    ];
  }

  async function hr(ctx: RequestContext): Promise<HomeCard[]> {
    const reads = await deps.reads.db(ctx.actor);
    const scores = await attritionScores(reads, ctx.actor.orgId, await employeePartyIds(reads, ctx.actor.orgId));
    const bands: Record<string, number> = { high: 0, medium: 0, low: 0 };
    for (const s of scores.values()) {
      bands[s.band] = (bands[s.band] ?? 0) + 1;
    }
    const [turnover, ...others] = await hrCards(deps, ctx, card);
    return [
      ...(turnover ? [turnover] : []),
      card('hr', 'attrition_bands', { bands, employees: scores.size }),
      ...others,
    ];
  }

  async function agent(ctx: RequestContext): Promise<HomeCard[]> {
    const { orgId, userId } = ctx.actor;
    const reads = await deps.reads.db(ctx.actor);
    const vis = await customerVisibility(db, orgId);
    const end = new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + DAY_MS);
    return [
      card('agent', 'my_tasks_today', { count: await openTaskCount(reads, orgId, userId, end) }),
      card('agent', 'my_at_risk', {
        count: await atRiskCount(reads, ctx.actor, livePartyVisible(ctx.actor, vis, 'read'), true),
      }),
      card('agent', 'my_open_cases', { count: await openCaseCount(reads, orgId, userId) }),
    ];
  }

  return {
    async home(ctx: RequestContext): Promise<Home> {
      const a = ctx.actor;
      const cards: HomeCard[] = [];
      if (hasRole(a, 'executive', 'admin')) {
        cards.push(...(await executiveCards(deps, ctx)));
      }
      if (hasRole(a, 'manager')) {
        cards.push(...(await manager(ctx)));
      }
      if (hasRole(a, 'hr')) {
        cards.push(...(await hr(ctx)));
      }
      if (hasRole(a, 'agent')) {
        cards.push(...(await agent(ctx)));
      }
      if (hasRole(a, 'employee')) {
        cards.push(
          card('employee', 'my_tasks_today', {
            count: await openTaskCount(db, a.orgId, a.userId, new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + DAY_MS)),
          }),
          ...(await employeeCards(deps, ctx, card)),
        );
      }
      return { cards };
    },
  };
}
export type HomeService = ReturnType<typeof homeService>;
