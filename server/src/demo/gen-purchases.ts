import { afterCommerceBatch, bulkUpsertTransactions, type BulkTransactionInput } from '../modules/commerce/index.ts';
import { categories, txChannels, type Customers } from './gen-customers.ts';
import type { GenContext } from './gen-context.ts';
import { businessTime, DAY, YEAR } from './rng.ts';

/** Purchases per customer: Poisson over the active period at the customer's rate, scaled so they add up to `T` exactly. */
function purchaseCounts(g: GenContext, c: Customers, T: number): { counts: Uint32Array; total: number } {
  const { rng } = g;
  const { N } = c;
  const expected = new Float64Array(N);
  let sumExpected = 0;
  for (let i = 0; i < N; i++) {
    expected[i] = (c.rate[i] as number) * Math.max(0, ((c.ends[i] as number) - (c.acquired[i] as number)) / YEAR);
    sumExpected += expected[i] as number;
  }
  const counts = new Uint32Array(N);
  let total = 0;
  const k = sumExpected > 0 ? T / sumExpected : 0;
  for (let i = 0; i < N; i++) {
    counts[i] = rng.poisson((expected[i] as number) * k);
    total += counts[i] as number;
  }
  // Hit T exactly: add to or take from random customers (adds go to customers with a rate, so churned-early ones stay small).
  let guard = 0;
  while (total !== T && N > 0 && guard++ < 100 * (Math.abs(T - total) + N)) {
    const i = rng.int(N);
    if (total < T && (expected[i] as number) > 0) {
      counts[i] = (counts[i] as number) + 1;
      total++;
    } else if (total > T && (counts[i] as number) > 0) {
      counts[i] = (counts[i] as number) - 1;
      total--;
    }
  }
  return { counts, total };
}

interface Catalogue {
  productIds: string[];
  productsByCategory: string[][];
}

/** Customer `i`'s purchases, in time order: baskets favour the preferred category (cross-sell), channels the preferred one. */
function purchasesOf(g: GenContext, c: Customers, i: number, n: number, p: Catalogue): BulkTransactionInput[] {
  const { rng, asOf } = g;
  const a = c.acquired[i] as number;
  const span = Math.max(DAY, (c.ends[i] as number) - a);
  const times: number[] = [];
  for (let j = 0; j < n; j++) {
    times.push(businessTime(rng, a + rng.next() * span));
  }
  times.sort((x, y) => x - y);
  return times.map((at) => {
    const lines = 1 + Math.min(3, rng.poisson(0.5));
    const basket: { productId: string; quantity: number }[] = [];
    for (let l = 0; l < lines; l++) {
      const cat = rng.next() < 0.65 ? (c.prefCat[i] as number) : rng.int(categories.length);
      const pool = p.productsByCategory[cat] ?? [];
      const productId = pool.length ? rng.pick(pool) : rng.pick(p.productIds);
      if (!basket.some((b) => b.productId === productId)) {
        basket.push({ productId, quantity: 1 + rng.poisson((c.spend[i] as number) * 0.8) });
      }
    }
    const channel = rng.next() < 0.75 ? txChannels[c.prefChannel[i] as number] : rng.pick(txChannels);
    return {
      partyId: c.ids[i] as string,
      occurredAt: new Date(Math.min(at, asOf - 1000)).toISOString(),
      currency: 'CNY',
      channel,
      lines: basket,
    };
  });
}

/**
 * Transactions: Poisson arrivals over each customer's active period, so recency, frequency and monetary
 * value differ and relate the way RFM and CLV expect; loaded `batch` rows per database transaction.
 */
export async function generatePurchases(g: GenContext, c: Customers, T: number, catalogue: Catalogue) {
  const { counts, total } = purchaseCounts(g, c, T);
  const t3 = performance.now();
  let written = 0;
  let buffer: BulkTransactionInput[] = [];
  const flush = async () => {
    if (!buffer.length) {
      return;
    }
    const rows = buffer;
    buffer = [];
    await g.db.transaction().execute(async (trx) => {
      const res = await bulkUpsertTransactions(trx, g.who, rows);
      const failed = res.results.find((r) => r.action === 'failed');
      if (failed) {
        throw new Error(`Generated transaction rejected: ${JSON.stringify(failed)}`);
      }
    });
    written += rows.length;
    await afterCommerceBatch(g.db, Math.ceil(written / g.batch));
    g.progress('transactions', written, total, t3);
  };
  for (let i = 0; i < c.N; i++) {
    const n = counts[i] as number;
    if (!n) {
      continue;
    }
    for (const tx of purchasesOf(g, c, i, n, catalogue)) {
      buffer.push(tx);
      if (buffer.length >= g.batch) {
        await flush();
      }
    }
  }
  await flush();
  return { counts, written, ms: performance.now() - t3 };
}
