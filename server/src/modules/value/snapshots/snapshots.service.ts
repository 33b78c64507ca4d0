import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import { readableParty } from '../../parties/index.ts';
import type { SnapshotRunRow } from '../segments/value-segments.tables.ts';
import type { CreateSnapshot, CustomerValue, PartyValue, SnapshotRun } from './snapshots.schema.ts';
import { snapshotsRepository } from './snapshots.repository.ts';
import { defaultValueScorer } from './scorer.repository.ts';
import type { ScoreRun, ValueScorer } from './scorer.ts';
import { classesRepository } from '../classes/classes.repository.ts';
import { defaultClassSettings, parseClassSettings } from '../classes/defaults.ts';
import { writeSnapshotClv } from '../clv/snapshot-clv.ts';
import { readSetting } from '../settings.service.ts';

/** Job: one snapshot run ({ orgId, runId }); and the nightly run of every organisation with transactions. */
export const SNAPSHOT_RUN_JOB = 'value-snapshot-run';
export const SNAPSHOT_NIGHTLY_JOB = 'value-snapshots-nightly';
/** Used when an organisation has no transaction in the window to take the currency from. */
const FALLBACK_CURRENCY = 'CNY';

export const toSnapshotRun = (r: SnapshotRunRow): SnapshotRun => ({
  id: r.id,
  asOf: r.as_of,
  currency: r.currency,
  windowDays: r.window_days,
  status: r.status,
  customers: r.customers,
  scored: r.scored,
  leftOutTransactions: r.left_out,
  error: r.error,
  requestedBy: r.requested_by,
  createdAt: r.created_at.toISOString(),
  startedAt: r.started_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
});

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Queues a run (or answers the one already queued or running). */
async function queue(
  db: Db,
  orgId: string,
  input: CreateSnapshot,
  requestedBy: string | null,
): Promise<{ run: SnapshotRunRow; created: boolean }> {
  const active = await snapshotsRepository.activeRun(db, orgId);
  if (active) {
    return { run: active, created: false };
  }
  const asOf = input.asOf ?? todayUtc();
  const currency =
    input.currency ?? (await snapshotsRepository.mainCurrency(db, orgId, asOf, input.windowDays)) ?? FALLBACK_CURRENCY;
  try {
    const run = await snapshotsRepository.insertRun(db, {
      org_id: orgId,
      as_of: asOf,
      currency,
      window_days: input.windowDays,
      requested_by: requestedBy,
    });
    return { run, created: true };
  } catch (err) {
    // Another request queued one in the meantime (one active run per organisation): answer that one.
    const other = (err as { code?: string }).code === '23505' && (await snapshotsRepository.activeRun(db, orgId));
    if (other) {
      return { run: other, created: false };
    }
    throw err;
  }
}

/**
 * The value class (the org's class settings, as GET /api/value/classes applies them) and the CLV (the latest fitted
 * model in the run's currency) of the run's customers: two set-based statements after the scores are written.
 */
async function scoreClassAndClv(db: Db, spec: ScoreRun, runId: string): Promise<void> {
  const settings = (await readSetting(db, spec.orgId, 'classes', defaultClassSettings, parseClassSettings)).value;
  await classesRepository.classifySnapshot(db, spec.orgId, runId, {
    asOf: spec.asOf,
    windowDays: spec.windowDays,
    settings,
  });
  await writeSnapshotClv(db, { orgId: spec.orgId, runId, currency: spec.currency, asOf: spec.asOf });
}

/**
 * Value snapshots (docs/metrics.md "Value snapshots"): per buyer, as of a day, recency/frequency/monetary, r/f/m
 * scores and RFM segment (one SQL statement), then value class and CLV (one statement each), so that lists and
 * segments filter and sort by value without recomputing it. Nightly for every organisation, and on demand (202: a run in the job
 * queue, or in this process when no queue runs).
 */
export function snapshotsService(deps: Deps, scorer: ValueScorer = defaultValueScorer) {
  const { db } = deps;
  const running = new Map<string, Promise<void>>();

  /** Computes a queued run: the one statement, its counts, the run's status; then prunes older runs. */
  async function execute(orgId: string, runId: string): Promise<void> {
    const run = await snapshotsRepository.findRun(db, orgId, runId);
    if (!run || run.status !== 'queued') {
      return;
    }
    await snapshotsRepository.setStatus(db, orgId, runId, { status: 'running', started: true });
    const spec: ScoreRun = { orgId, asOf: run.as_of, currency: run.currency, windowDays: run.window_days };
    try {
      const prepared = await scorer.prepare(db, spec);
      await db.transaction().execute(async (trx) => {
        const customers = await snapshotsRepository.write(trx, runId, spec, prepared);
        await snapshotsRepository.analyze(trx);
        await scoreClassAndClv(trx, spec, runId);
        const scored = await snapshotsRepository.scoredCount(trx, orgId, runId);
        const leftOut = await snapshotsRepository.leftOut(trx, spec);
        await snapshotsRepository.setStatus(trx, orgId, runId, {
          status: 'done',
          customers,
          scored,
          left_out: leftOut,
          finished: true,
        });
        await snapshotsRepository.prune(trx, orgId);
      });
    } catch (err) {
      deps.log.error({ err, orgId, runId }, 'value snapshot failed');
      const message = err instanceof Error ? err.message.slice(0, 500) : 'failed';
      await snapshotsRepository.setStatus(db, orgId, runId, { status: 'failed', error: message, finished: true });
    }
  }

  /** Runs a queued run here unless it already runs here; resolves when it has finished. */
  function launch(orgId: string, runId: string): Promise<void> {
    const going = running.get(runId);
    if (going) {
      return going;
    }
    const p = execute(orgId, runId).finally(() => running.delete(runId));
    running.set(runId, p);
    return p;
  }

  return {
    execute: launch,

    /** Waits for a run this process is computing (tests, tools). */
    settled: async (runId: string): Promise<void> => {
      await running.get(runId);
    },

    async request(ctx: RequestContext, input: CreateSnapshot): Promise<SnapshotRun> {
      if (input.asOf && input.asOf > todayUtc()) {
        throw validation('A snapshot cannot be as of a day in the future', [
          { path: ['body', 'asOf'], message: 'In the future', code: 'future_date' },
        ]);
      }
      const orgId = ctx.actor.orgId;
      const { run, created } = await queue(db, orgId, input, ctx.actor.userId);
      if (created) {
        await recordAudit(db, ctx, {
          action: 'value.snapshot',
          entityType: 'value_snapshot_run',
          entityId: run.id,
          after: toSnapshotRun(run),
        });
        const jobId = await deps.jobs.send(SNAPSHOT_RUN_JOB, { orgId, runId: run.id });
        if (!jobId) {
          // No queue (tests, one process): compute here, after the answer; a failure is on the run and in the log.
          launch(orgId, run.id).catch((err: unknown) => deps.log.error({ err, orgId }, 'value snapshot failed'));
        }
      }
      return toSnapshotRun(run);
    },

    /** The nightly job: a run as of today for every organisation with transactions, one after another. */
    async nightly(): Promise<number> {
      let done = 0;
      for (const orgId of await snapshotsRepository.orgsWithTransactions(db)) {
        const { run, created } = await queue(db, orgId, { windowDays: 365 }, null);
        if (created) {
          await launch(orgId, run.id);
          done += 1;
        }
      }
      return done;
    },

    async get(ctx: RequestContext, id: string): Promise<SnapshotRun> {
      const run = await snapshotsRepository.findRun(db, ctx.actor.orgId, id);
      if (!run) {
        throw notFound('Snapshot run');
      }
      return toSnapshotRun(run);
    },

    async list(ctx: RequestContext): Promise<{ items: SnapshotRun[] }> {
      return { items: (await snapshotsRepository.listRuns(db, ctx.actor.orgId, 50)).map(toSnapshotRun) };
    },

    /** The customer's tier from the latest snapshot (404 when the reader may not see the party in full). */
    async partyValue(ctx: RequestContext, partyId: string): Promise<PartyValue> {
      await readableParty(db, ctx, partyId);
      return partyValueOf(db, ctx.actor.orgId, partyId);
    },
  };
}

async function partyValueOf(db: Db, orgId: string, partyId: string): Promise<PartyValue> {
  const run = await snapshotsRepository.latestDone(db, orgId);
  if (!run) {
    return { partyId, value: null, note: 'No value snapshot yet' };
  }
  const r = await snapshotsRepository.partyRow(db, orgId, run.id, partyId);
  if (!r) {
    return { partyId, value: null, note: `No purchase in ${run.currency} up to ${run.as_of}` };
  }
  const value: CustomerValue = {
    asOf: r.as_of,
    currency: r.currency,
    firstPurchaseOn: r.first_purchase_on,
    lastPurchaseOn: r.last_purchase_on,
    purchaseDays: r.purchase_days,
    recencyDays: r.recency_days,
    frequency: r.frequency,
    monetary: r.monetary,
    r: r.r,
    f: r.f,
    m: r.m,
    rfmSegment: r.rfm_segment,
    valueClass: r.value_class,
    clv: r.clv,
  };
  return {
    partyId,
    value,
    note: r.r === null ? `No purchase in the ${run.window_days} days up to ${run.as_of}` : null,
  };
}
