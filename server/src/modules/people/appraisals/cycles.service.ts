import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import { cycleStatusMoves, type cycleStatuses } from '../constants.ts';
import type { CycleRow } from '../people.tables.ts';
import { loadPeopleSettings } from '../settings/settings.service.ts';
import { cyclesRepository } from './appraisals.repository.ts';
import type { CreateCycle, Cycle, UpdateCycle } from './cycles.schema.ts';
import { tooFrequent } from './guards.ts';

type Status = (typeof cycleStatuses)[number];
const statusAction = {
  draft: 'cycle_update',
  published: 'cycle_published',
  open: 'cycle_open',
  calibrating: 'cycle_calibrating',
  closed: 'cycle_closed',
} as const satisfies Record<Status, string>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const toCycle = (c: CycleRow, count: number): Cycle => ({
  id: c.id,
  name: c.name,
  periodStart: c.period_start,
  periodEnd: c.period_end,
  criteria: c.criteria,
  bottomBandPercent: Number(c.bottom_band_percent),
  opensAt: iso(c.opens_at) ?? '',
  noticeDays: c.notice_days,
  participants: c.participants,
  status: c.status as Status,
  publishedAt: iso(c.published_at),
  openedAt: iso(c.opened_at),
  closedAt: iso(c.closed_at),
  appraisalCount: count,
  version: c.version,
});

const bad = (field: string, message: string, code: string) =>
  validation(message, [{ path: ['body', field], message, code }]);

function checkShape(c: Pick<CreateCycle, 'periodStart' | 'periodEnd' | 'criteria'>) {
  if (c.periodEnd < c.periodStart) {
    throw bad('periodEnd', 'The period cannot end before it starts', 'too_small');
  }
  const keys = c.criteria.map((x) => x.key);
  if (new Set(keys).size !== keys.length) {
    throw bad('criteria', 'Criterion keys must be unique', 'duplicate');
  }
}

/** Draft → published: the participants are fixed and notified, each checked against APPRAISAL_TOO_FREQUENT. */
async function publish(trx: Db, ctx: RequestContext, c: CycleRow) {
  const orgId = ctx.actor.orgId;
  const parties = await cyclesRepository.participants(trx, orgId, c.participants.orgUnitIds, c.participants.partyIds);
  if (!parties.length) {
    throw conflict('The cycle has no participants: name current employees or units with employees', {
      reason: 'NO_PARTICIPANTS',
    });
  }
  const { maxAppraisalsPerYear } = await loadPeopleSettings(trx, orgId);
  const others = await cyclesRepository.otherStarts(trx, orgId, c.id, parties, c.period_start);
  const offenders = parties.filter((p) =>
    tooFrequent(
      others.filter((o) => o.party_id === p).map((o) => o.period_start),
      c.period_start,
      maxAppraisalsPerYear,
    ),
  );
  if (offenders.length) {
    throw conflict(
      `No one is appraised in more than ${maxAppraisalsPerYear} cycle(s) whose periods start within 12 months: appraising more often undermines the security people need`,
      { reason: 'APPRAISAL_TOO_FREQUENT', partyIds: offenders, maxPerYear: maxAppraisalsPerYear },
    );
  }
  const now = new Date();
  await cyclesRepository.insertAppraisals(
    trx,
    parties.map((party_id) => ({ org_id: orgId, cycle_id: c.id, party_id, notified_at: now })),
  );
  return { published_at: now };
}

/** Published → open: only once every participant has had the criteria for noticeDays (CRITERIA_NOT_PUBLISHED). */
function open(c: CycleRow) {
  const since = c.published_at ? (Date.now() - new Date(c.published_at).getTime()) / 86_400_000 : -1;
  if (since < c.notice_days) {
    const when = c.published_at
      ? new Date(new Date(c.published_at).getTime() + c.notice_days * 86_400_000).toISOString()
      : null;
    throw conflict(
      `A cycle opens only after its criteria were published to every participant at least ${c.notice_days} days before${when ? `: open from ${when}` : ''}`,
      { reason: 'CRITERIA_NOT_PUBLISHED', noticeDays: c.notice_days, opensFrom: when },
    );
  }
  return { opened_at: new Date() };
}

/** Calibrating → closed: every appraisal scored and banded, the bottom band within its share and each with a plan. */
async function close(trx: Db, ctx: RequestContext, c: CycleRow) {
  const check = await cyclesRepository.closeCheck(trx, ctx.actor.orgId, c.id);
  if (check.incomplete > 0) {
    throw conflict(`${check.incomplete} appraisal(s) still need scores and a band`, {
      reason: 'APPRAISALS_INCOMPLETE',
      incomplete: check.incomplete,
    });
  }
  const cap = Math.floor((Number(c.bottom_band_percent) / 100) * check.total);
  if (check.bottom > cap) {
    throw conflict(`The bottom band holds at most ${c.bottom_band_percent} % of the participants (${cap})`, {
      reason: 'BOTTOM_BAND_OVER',
      bottom: check.bottom,
      cap,
    });
  }
  if (check.without_plan.length) {
    throw conflict(
      'Everyone in the bottom band needs an improvement plan (training, a mentor, a reassessment at least 60 days later) before the cycle closes',
      { reason: 'IMPROVEMENT_PLAN_REQUIRED', partyIds: check.without_plan },
    );
  }
  return { closed_at: new Date() };
}

async function move(trx: Db, ctx: RequestContext, c: CycleRow, to: Status) {
  const from = c.status as Status;
  if (to === 'open' && from === 'draft') {
    // The guard explains itself where a draft is opened directly.
    return open(c);
  }
  if (!cycleStatusMoves[from].includes(to)) {
    throw conflict(`A ${from} cycle cannot move to ${to}`, { reason: 'ILLEGAL_STATUS_MOVE', from, to });
  }
  if (to === 'published') {
    return publish(trx, ctx, c);
  }
  if (to === 'open') {
    return open(c);
  }
  if (to === 'calibrating') {
    return { calibrating_at: new Date() };
  }
  return close(trx, ctx, c);
}

export function cyclesService(deps: Deps) {
  const { db } = deps;
  const withCount = async (dbx: Db, orgId: string, c: CycleRow) =>
    toCycle(c, (await cyclesRepository.counts(dbx, orgId, [c.id])).get(c.id) ?? 0);
  return {
    async create(ctx: RequestContext, input: CreateCycle): Promise<Cycle> {
      checkShape(input);
      return db.transaction().execute(async (trx) => {
        const { noticeDays } = await loadPeopleSettings(trx, ctx.actor.orgId);
        const row = await cyclesRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          name: JSON.stringify(input.name),
          period_start: input.periodStart,
          period_end: input.periodEnd,
          criteria: JSON.stringify(input.criteria),
          bottom_band_percent: input.bottomBandPercent,
          opens_at: input.opensAt,
          notice_days: input.noticeDays ?? noticeDays,
          participants: JSON.stringify(input.participants),
          created_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'cycle_create',
          entityType: 'appraisal_cycle',
          entityId: row.id,
          after: input,
        });
        return toCycle(row, 0);
      });
    },

    async list(ctx: RequestContext): Promise<{ items: Cycle[] }> {
      const rows = await cyclesRepository.list(db, ctx.actor.orgId);
      const counts = await cyclesRepository.counts(
        db,
        ctx.actor.orgId,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => toCycle(r, counts.get(r.id) ?? 0)) };
    },

    async get(ctx: RequestContext, id: string): Promise<Cycle> {
      const row = await cyclesRepository.find(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('Appraisal cycle');
      }
      return withCount(db, ctx.actor.orgId, row);
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateCycle): Promise<Cycle> {
      return db.transaction().execute(async (trx) => {
        const orgId = ctx.actor.orgId;
        const c = await cyclesRepository.find(trx, orgId, id, true);
        if (!c) {
          throw notFound('Appraisal cycle');
        }
        const { status, version: _v, ...fields } = input;
        const editing = Object.keys(fields).length > 0;
        if (editing && c.status !== 'draft') {
          throw conflict('Published criteria are immutable: a published cycle changes only its status', {
            reason: 'CRITERIA_IMMUTABLE',
          });
        }
        checkShape({
          periodStart: fields.periodStart ?? c.period_start,
          periodEnd: fields.periodEnd ?? c.period_end,
          criteria: fields.criteria ?? c.criteria,
        });
        const stamps = status && status !== c.status ? await move(trx, ctx, c, status) : {};
        const row = await cyclesRepository.update(trx, orgId, id, version, {
          ...(fields.name ? { name: JSON.stringify(fields.name) } : {}),
          ...(fields.periodStart ? { period_start: fields.periodStart } : {}),
          ...(fields.periodEnd ? { period_end: fields.periodEnd } : {}),
          ...(fields.criteria ? { criteria: JSON.stringify(fields.criteria) } : {}),
          ...(fields.bottomBandPercent !== undefined ? { bottom_band_percent: fields.bottomBandPercent } : {}),
          ...(fields.opensAt ? { opens_at: fields.opensAt } : {}),
          ...(fields.noticeDays ? { notice_days: fields.noticeDays } : {}),
          ...(fields.participants ? { participants: JSON.stringify(fields.participants) } : {}),
          ...(status && status !== c.status ? { status, ...stamps } : {}),
        });
        if (!row) {
          failedUpdate(toCycle(c, 0), 'Appraisal cycle');
        }
        await recordAudit(trx, ctx, {
          action: status && status !== c.status ? statusAction[status] : 'cycle_update',
          entityType: 'appraisal_cycle',
          entityId: id,
          before: { status: c.status },
          after: input,
        });
        return withCount(trx, orgId, row);
      });
    },
  };
}
