import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { validation } from '../../../platform/errors.ts';
import { canSeeFull, createSystemTask, customerVisibility } from '../../parties/index.ts';
import { segmentAudience } from '../../value/index.ts';
import { campaignsService } from '../campaigns/campaigns.service.ts';
import type { Campaign } from '../campaigns/campaigns.schema.ts';
import type { LossCause } from '../constants.ts';
import { periodOf } from '../period.ts';
import { winbackRates } from './rate.ts';
import { winbackRepository as repo, type LossRow } from './winback.repository.ts';
import type { Loss, WinbackCampaign, WinbackQuery, WinbackSummary, WinbackTasks } from './winback.schema.ts';

/** The most a win-back action takes at once (tasks or a campaign's named audience). */
const TARGET_CAP = 1000;
const DAY_MS = 86_400_000;

const toLoss = (r: LossRow): Loss => ({
  partyId: r.party_id,
  name: r.display_name,
  ownerId: r.owner_id,
  lostAt: r.lost_at.toISOString(),
  reason: r.reason,
  cause: r.cause as LossCause,
  causeSource: r.cause_source,
  wonBackAt: r.won_back_at?.toISOString() ?? null,
  stage: r.stage,
});

type Scope = { segment?: string | undefined; from?: string | undefined; to?: string | undefined };

async function members(db: Db, orgId: string, segment: string | undefined): Promise<string[] | null> {
  if (!segment) {
    return null;
  }
  const ids = await segmentAudience(db, orgId, segment);
  if (!ids) {
    throw validation('Unknown or archived segment', [
      { path: ['querystring', 'segment'], message: 'Unknown or archived segment', code: 'unknown_reference' },
    ]);
  }
  return ids;
}

async function scope(db: Db, ctx: RequestContext, q: Scope, mode: 'read' | 'write') {
  const p = periodOf(q);
  const visible = canSeeFull(ctx.actor, await customerVisibility(db, ctx.actor.orgId), mode);
  return { p, visible, members: await members(db, ctx.actor.orgId, q.segment) };
}

/** Customers still lost: their latest loss in scope, not won back since, customer stage still churned. */
async function targets(
  db: Db,
  ctx: RequestContext,
  q: Scope & { partyIds?: string[] | undefined },
  mode: 'read' | 'write',
) {
  const s = await scope(db, ctx, q, mode);
  const { rows } = await repo.losses(db, ctx.actor.orgId, s.visible, {
    from: s.p.from,
    to: s.p.to,
    members: s.members,
    limit: 10 * TARGET_CAP,
  });
  const latest = new Map<string, LossRow>();
  for (const r of rows) {
    if (!latest.has(r.party_id)) latest.set(r.party_id, r);
  }
  let out = [...latest.values()].filter((r) => r.stage === 'churned' && !r.won_back_at);
  if (q.partyIds) {
    const wanted = new Set(q.partyIds);
    const missing = q.partyIds.findIndex((id) => !out.some((r) => r.party_id === id));
    if (missing >= 0) {
      throw validation('Not a churned customer of this scope', [
        { path: ['body', 'partyIds', missing], message: 'Not a churned customer you may see', code: 'not_churned' },
      ]);
    }
    out = out.filter((r) => wanted.has(r.party_id));
  }
  if (!out.length) {
    throw validation('No churned customer to win back in this scope', [
      { path: ['body', 'partyIds'], message: 'No churned customer in this scope', code: 'empty_audience' },
    ]);
  }
  return out.slice(0, TARGET_CAP);
}

/** Churned customers, win-back tasks and campaigns, and the win-back rate by cause (docs/care.md "Win-back"). */
export function winbackService(deps: Deps) {
  const { db } = deps;

  return {
    async list(ctx: RequestContext, q: WinbackQuery) {
      const s = await scope(db, ctx, q, 'read');
      const r = await repo.losses(db, ctx.actor.orgId, s.visible, {
        from: s.p.from,
        to: s.p.to,
        members: s.members,
        limit: q.limit,
      });
      return {
        from: s.p.fromDay,
        to: s.p.toDay,
        total: r.total,
        items: r.rows.map(toLoss),
        note: r.total ? null : 'Not enough data: no customer was lost in this period',
      };
    },

    async summary(ctx: RequestContext, q: Scope): Promise<WinbackSummary> {
      const s = await scope(db, ctx, q, 'read');
      const r = await repo.summary(db, ctx.actor.orgId, s.visible, { from: s.p.from, to: s.p.to, members: s.members });
      const rates = winbackRates(r.byCause);
      return {
        from: s.p.fromDay,
        to: s.p.toDay,
        ...rates.overall,
        wonBackMoves: r.wonBackMoves,
        byCause: rates.byCause,
        note: rates.overall.lost ? null : 'Not enough data: no customer was lost in this period',
      };
    },

    /** One task per loss for the party's owner (the caller when it has no active owner); a loss gets one task ever. */
    async tasks(ctx: RequestContext, input: WinbackTasks) {
      const orgId = ctx.actor.orgId;
      const list = await targets(db, ctx, input, 'write');
      return db.transaction().execute(async (trx) => {
        const taskIds: string[] = [];
        let existing = 0;
        for (const r of list) {
          if (!(await repo.claimTask(trx, orgId, r.party_id, r.lost_at))) {
            existing++;
            continue;
          }
          const task = await createSystemTask(trx, orgId, {
            kind: 'win_back',
            title: input.title ?? `Win back ${r.display_name}`,
            partyId: r.party_id,
            notes: `Lost ${r.lost_at.toISOString().slice(0, 10)}; cause: ${r.cause}${r.reason ? ` (${r.reason})` : ''}`,
            dueAt: new Date(Date.now() + input.dueInDays * DAY_MS),
            assigneeId: (await repo.activeUser(trx, orgId, r.owner_id)) ?? ctx.actor.userId,
          });
          await repo.setTask(trx, orgId, r.party_id, r.lost_at, task.id);
          taskIds.push(task.id);
        }
        return { created: taskIds.length, existing, taskIds };
      });
    },

    /** A draft campaign of kind win_back to the customers still churned (sent from the campaigns, under the guard). */
    async campaign(ctx: RequestContext, input: WinbackCampaign): Promise<Campaign> {
      const list = await targets(db, ctx, input, 'read');
      return campaignsService(deps).create(ctx, {
        name: input.name,
        kind: 'win_back',
        commercial: input.commercial,
        audience: { partyIds: list.map((r) => r.party_id) },
        subjectZh: input.subjectZh,
        subjectEn: input.subjectEn,
        bodyZh: input.bodyZh,
        bodyEn: input.bodyEn,
      });
    },
  };
}
