import { recordAudit } from '../../../platform/audit/audit.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, unprocessable, validation } from '../../../platform/errors.ts';
import { customerVisibility } from '../../parties/index.ts';
import { listedCustomer, liveCustomer, visibleCustomer } from '../value.access.ts';
import { chooseCurrency, DAY_MS, storable, todayUtc } from '../value.common.ts';
import { currencyCounts } from '../value.repository.ts';
import type { ValueClvFitRow } from '../value.tables.ts';
import type {
  ClvCustomer,
  ClvCustomersPage,
  ClvCustomersQuery,
  ClvFit,
  ClvModel,
  FitInput,
  SimpleClv,
  SimpleClvQuery,
} from './clv.schema.ts';
import { clvRepository, type Triple } from './clv.repository.ts';
import { predictionsRepository, type PredictionRow, type TripleFactor } from './predictions.repository.ts';
import { pAlive } from './bgnbd.ts';
import { discountedPurchases, fitModel, UNIT_DAYS } from './model.ts';
import { simpleClvInputs } from './simple.repository.ts';
import { simpleClv } from './simple.ts';

// The probabilistic CLV (docs/metrics.md "CLV, probabilistic"): fits run inline when the org is small and as a
// job (CLV_FIT_JOB) when it is large; the model is population-level (all live customers of the org), predictions
// cover the customers the reader may see.

export const CLV_FIT_JOB = 'value-clv-fit';
/** Above this many transactions up to asOf, a fit runs as a job when the queue runs (202). */
export const INLINE_FIT_MAX_TRANSACTIONS = 200_000;

const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00.000Z`) + DAY_MS);

function toModel(row: ValueClvFitRow): ClvModel | null {
  const r = row.result;
  if (row.status !== 'done' || !r) {
    return null;
  }
  return {
    fitId: row.id,
    asOf: row.as_of,
    timeUnit: row.time_unit,
    currency: row.currency.trim(),
    bgnbd: r.bgnbd,
    gammaGamma: r.gammaGamma,
    frequencySpendCorrelation: r.frequencySpendCorrelation,
    excludedTransactions: r.excludedTransactions,
    diagnostics: r.diagnostics,
    fitMillis: r.fitMillis,
    fittedAt: (row.finished_at ?? row.requested_at).toISOString(),
  };
}

export function toFit(row: ValueClvFitRow): ClvFit {
  return {
    id: row.id,
    status: row.status,
    asOf: row.as_of,
    timeUnit: row.time_unit,
    currency: row.currency.trim(),
    requestedAt: row.requested_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    error: row.error ?? null,
    model: toModel(row),
  };
}

/** Runs one queued fit: ONE aggregation in SQL, the maximum-likelihood fits here; stores the model or the reason. */
export async function runClvFit(db: Db, orgId: string, fitId: string): Promise<ValueClvFitRow | undefined> {
  const fit = await clvRepository.claim(db, orgId, fitId);
  if (!fit) {
    return clvRepository.byId(db, orgId, fitId);
  }
  const started = Date.now();
  const currency = fit.currency.trim();
  const rows = await clvRepository.compressedInputs(db, orgId, currency, fit.as_of);
  const outcome = fitModel(rows, UNIT_DAYS[fit.time_unit]);
  if (!outcome.ok) {
    return clvRepository.finish(db, orgId, fitId, { error: { reason: outcome.reason, message: outcome.message } });
  }
  const counts = await currencyCounts(db, orgId, liveCustomer, null, dayAfter(fit.as_of));
  const excluded = counts.filter((c) => c.currency !== currency).reduce((s, c) => s + c.transactions, 0);
  const result = { ...outcome.model, excludedTransactions: excluded, fitMillis: Date.now() - started };
  return clvRepository.finish(db, orgId, fitId, { result });
}

function failed(row: ValueClvFitRow): never {
  const error = row.error ?? { reason: 'not_converged', message: 'The fit failed' };
  throw unprocessable(error.message, { reason: error.reason, fitId: row.id });
}

type Cursor = { clv: number; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.clv, c.id])).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const [clv, id] = JSON.parse(Buffer.from(s, 'base64url').toString()) as [unknown, unknown];
    if (typeof clv === 'number' && typeof id === 'string') {
      return { clv, id };
    }
  } catch {
    // falls through to the validation error
  }
  throw validation('Invalid cursor', [{ path: ['querystring', 'cursor'], message: 'Invalid cursor', code: 'invalid' }]);
}

/**
 * P(alive), E[Y(H)] and the discounted E[Y] sum per distinct (x, tₓ, T) of the customers in scope: the only rows that
 * leave SQL; the per-customer arithmetic and the ordering stay in SQL (predictions.repository.ts).
 */
function tripleFactors(model: ClvModel, triples: readonly Triple[], q: ClvCustomersQuery): TripleFactor[] {
  const unitDays = UNIT_DAYS[model.timeUnit];
  const horizon = { horizonMonths: q.horizonMonths, annualDiscountRate: q.annualDiscountRate, unitDays };
  return triples.flatMap((t) => {
    const c = { x: t.x, tx: t.tx_days / unitDays, T: t.t_days / unitDays };
    const d = discountedPurchases(model.bgnbd, c, horizon);
    const alive = pAlive(model.bgnbd, c.x, c.tx, c.T);
    return [d.discounted, d.expectedPurchases, alive].every(Number.isFinite)
      ? [{ ...t, pAlive: alive, expectedPurchases: d.expectedPurchases, discounted: d.discounted }]
      : [];
  });
}

const toCustomer = (r: PredictionRow, unitDays: number): ClvCustomer => ({
  partyId: r.party_id,
  x: r.x,
  tx: r.tx_days / unitDays,
  T: r.t_days / unitDays,
  pAlive: r.p_alive,
  expectedPurchases: r.expected_purchases,
  expectedSpend: r.expected_spend,
  clv: r.clv,
});

export function clvService(deps: Deps) {
  const { db } = deps;

  async function latest(orgId: string, currency: string | undefined) {
    const row = await clvRepository.latestModel(db, orgId, currency);
    if (!row) {
      throw notFound(`CLV model${currency ? ` in ${currency}` : ''} (fit one with POST /api/value/clv/fit)`);
    }
    return row;
  }

  return {
    /** Starts a fit: 200 with the model when it ran inline, 202 with the queued fit when it went to the job queue. */
    async fit(ctx: RequestContext, input: FitInput): Promise<{ status: 200 | 202; fit: ClvFit }> {
      const { orgId } = ctx.actor;
      if (input.asOf > todayUtc()) {
        const message = 'asOf must not be after today (UTC): the future has no transactions to fit';
        throw validation(message, [{ path: ['body', 'asOf'], message, code: 'future_date' }]);
      }
      const counts = await currencyCounts(db, orgId, liveCustomer, null, dayAfter(input.asOf));
      const { currency } = chooseCurrency(input.currency, counts);
      if (!currency) {
        throw unprocessable('There are no transactions up to asOf: nothing to fit', {
          reason: 'too_few_repeat_buyers',
        });
      }
      const row = await db.transaction().execute(async (trx) => {
        const r = await clvRepository.insertFit(trx, {
          org_id: orgId,
          as_of: input.asOf,
          time_unit: input.timeUnit,
          currency,
          requested_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, { action: 'create', entityType: 'value_clv_fit', entityId: r.id, after: input });
        return r;
      });
      const large = (await clvRepository.transactionCount(db, orgId, input.asOf)) > INLINE_FIT_MAX_TRANSACTIONS;
      if (input.background || large) {
        // The queue when it runs (serve); otherwise in this process, as imports do (tests, one-off tools).
        if (deps.jobs.running) {
          await deps.jobs.send(CLV_FIT_JOB, { orgId, fitId: row.id });
        } else {
          runClvFit(db, orgId, row.id).catch((err: unknown) => deps.log.error({ err }, 'CLV fit failed'));
        }
        return { status: 202, fit: toFit(row) };
      }
      const done = (await runClvFit(db, orgId, row.id)) ?? row;
      if (done.status === 'failed') {
        failed(done);
      }
      return { status: 200, fit: toFit(done) };
    },

    async fitById(ctx: RequestContext, id: string): Promise<ClvFit> {
      const row = await clvRepository.byId(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('CLV fit');
      }
      return toFit(row);
    },

    async model(ctx: RequestContext, currency: string | undefined): Promise<ClvModel> {
      return toModel(await latest(ctx.actor.orgId, currency)) as ClvModel;
    },

    /** Predictions for the customers the reader may see, from the current model at its as-of date. */
    async customers(ctx: RequestContext, q: ClvCustomersQuery): Promise<ClvCustomersPage> {
      const { orgId } = ctx.actor;
      const model = toModel(await latest(orgId, q.currency)) as ClvModel;
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      const vis = await customerVisibility(db, orgId);
      const scope = listedCustomer(ctx.actor, vis) ?? visibleCustomer(ctx.actor, vis);
      const { currency, asOf } = model;
      const factors = tripleFactors(model, await clvRepository.triples(db, orgId, currency, asOf, scope), q);
      const rows = await predictionsRepository.page(db, {
        ...{ orgId, currency, asOf, scope, gammaGamma: model.gammaGamma, factors, after },
        descending: q.sort !== 'clv',
        limit: q.limit + 1,
      });
      const items = rows.slice(0, q.limit).map((r) => toCustomer(r, UNIT_DAYS[model.timeUnit]));
      const last = items[items.length - 1];
      const nextCursor = rows.length > q.limit && last ? encodeCursor({ clv: last.clv, id: last.partyId }) : null;
      return { items, nextCursor, fitId: model.fitId, asOf, currency };
    },

    /** The simple CLV over the customers the reader may see; a future asOf has no data (zeros and a note). */
    async simple(ctx: RequestContext, q: SimpleClvQuery): Promise<SimpleClv> {
      const { orgId } = ctx.actor;
      const asOf = q.asOf ?? todayUtc();
      const scope = visibleCustomer(ctx.actor, await customerVisibility(db, orgId));
      const from = storable(new Date(dayAfter(asOf).getTime() - 730 * DAY_MS));
      const future = asOf > todayUtc();
      // The currency asked for needs no pass of its own: the inputs query counts the others in the same scan.
      const counts = future || q.currency ? [] : await currencyCounts(db, orgId, scope, from, dayAfter(asOf));
      const { currency } = chooseCurrency(q.currency, counts);
      const base = { asOf, currency, grossMargin: q.grossMargin };
      if (!currency || future) {
        const none = { customers: 0, purchase_days: 0, revenue: 0, prior_customers: 0, lost: 0, excluded: 0 };
        return simpleClv(none, base);
      }
      return simpleClv(await simpleClvInputs(db, orgId, currency, asOf, scope), base);
    },
  };
}
export type ClvService = ReturnType<typeof clvService>;
