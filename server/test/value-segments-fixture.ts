import { expect } from 'vitest';
import type { Harness, Session } from './harness.ts';

// A small book of customers with purchases, for value's segments, snapshots, cross-sell and wallet tests. Dates
// are counted back from today (UTC) so that "within n days" and the RFM window do not depend on the calendar.

const DAY = 86_400_000;
export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (n: number, hour = 10) =>
  new Date(Math.floor(Date.now() / DAY) * DAY - n * DAY + hour * 3_600_000).toISOString();

export interface Product {
  id: string;
  name: string;
}

export function valueHelpers(h: Harness, admin: Session) {
  const a = h.as(admin);

  async function ok<T>(res: Promise<{ statusCode: number; body: string; json: () => unknown }>, code = 0): Promise<T> {
    const r = await res;
    expect(r.statusCode < 300 && (!code || r.statusCode === code), `${r.statusCode} ${r.body.slice(0, 400)}`).toBe(
      true,
    );
    return (r.body ? r.json() : null) as T;
  }

  return {
    ok,
    async product(name: string, category: string | null, price = '10.00'): Promise<Product> {
      const p = await ok<{ id: string }>(a.post('/api/products', { name, category, price, currency: 'CNY' }));
      return { id: p.id, name };
    },

    async party(
      s: Session,
      displayName: string,
      body: Record<string, unknown> = {},
    ): Promise<{ id: string; version: number }> {
      return ok(
        h.as(s).post('/api/parties', { kind: 'person', displayName, roles: [{ role: 'customer' }], ...body }),
        201,
      );
    },

    /** A purchase (or, with a negative amount and no lines, a refund) `ago` days before today. */
    async buy(
      partyId: string,
      ago: number,
      lines: { product: Product; amount: string }[],
      opts: { currency?: string; amount?: string; hour?: number } = {},
    ): Promise<string> {
      const body = {
        partyId,
        occurredAt: daysAgo(ago, opts.hour ?? 10),
        currency: opts.currency ?? 'CNY',
        ...(opts.amount !== undefined ? { amount: opts.amount } : {}),
        ...(lines.length
          ? { lines: lines.map((l) => ({ productId: l.product.id, quantity: 1, unitPrice: l.amount })) }
          : {}),
      };
      return (await ok<{ id: string }>(a.post('/api/transactions', body), 201)).id;
    },

    /** Asks for a value snapshot as of today and waits until it is done. */
    async snapshot(body: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
      const run = await ok<{ id: string; status: string }>(a.post('/api/value/snapshots', body), 202);
      for (let i = 0; i < 200; i++) {
        const got = await ok<{ id: string; status: string; error: string | null }>(
          a.get(`/api/value/snapshots/${run.id}`),
        );
        if (got.status === 'done' || got.status === 'failed') {
          expect(got.error).toBeNull();
          return got;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('snapshot did not finish');
    },
  };
}
