import { bulkUpsertProducts } from '../modules/commerce/index.ts';
import { afterPartiesBatch, bulkUpsertParties, type BulkPartyInput } from '../modules/parties/index.ts';
import type { GenContext } from './gen-context.ts';
import { DAY, mobile, pad, YEAR } from './rng.ts';

export const categories = [
  { key: 'tea', zh: '茶叶', en: 'Tea', price: 120 },
  { key: 'coffee', zh: '咖啡', en: 'Coffee', price: 80 },
  { key: 'teaware', zh: '茶具', en: 'Teaware', price: 260 },
  { key: 'gifts', zh: '礼盒', en: 'Gift sets', price: 480 },
  { key: 'snacks', zh: '零食', en: 'Snacks', price: 35 },
  { key: 'membership', zh: '会员服务', en: 'Membership', price: 699 },
  { key: 'service', zh: '定制服务', en: 'Custom service', price: 1500 },
] as const;
export const txChannels = ['store', 'online', 'wechat', 'phone', 'partner'] as const;

/** The catalogue: a product per 100 customers (20 to 300), lognormal prices around each category's. */
export async function generateProducts(g: GenContext, customers: number) {
  const t1 = performance.now();
  const { rng } = g;
  const productCount = Math.min(300, Math.max(20, Math.round(customers / 100)));
  const productRows = Array.from({ length: productCount }, (_, i) => {
    const c = categories[i % categories.length] as (typeof categories)[number];
    const price = Math.max(1, Math.round(rng.lognormal(Math.log(c.price), 0.5))) - (rng.next() < 0.5 ? 0.1 : 0);
    return {
      name: `${c.zh} ${g.fe.commerce.productName()}`,
      sku: `SKU-${pad(i + 1, 5)}`,
      externalId: `P${pad(i + 1, 5)}`,
      category: c.key,
      price: price.toFixed(2),
      currency: 'CNY',
    };
  });
  const productIds = await g.db
    .transaction()
    .execute(async (trx) => (await bulkUpsertProducts(trx, g.who, productRows)).created);
  const productsByCategory = categories.map((_, ci) => productIds.filter((_, i) => i % categories.length === ci));
  g.progress('products', productIds.length, productCount, t1);
  return { productIds, productsByCategory };
}

/** The customers and their purchase behaviour, one slot per customer (typed arrays: flat memory at any size). */
export interface Customers {
  N: number;
  ids: string[];
  acquired: Float64Array;
  ends: Float64Array;
  rate: Float64Array;
  spend: Float64Array;
  prefCat: Uint8Array;
  prefChannel: Uint8Array;
  ownerOf: Uint32Array;
  zhOf: Uint8Array;
  /** Owner user ids in their seeded (skew) order: `ownerOf[i]` indexes it. */
  order: string[];
}

/** Zipf-like weights over owners in a seeded order: a few hold most customers (and revenue). */
function ownerSkew(g: GenContext, owners: string[]) {
  const { rng } = g;
  const order = owners
    .map((o) => ({ o, k: rng.next() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.o);
  const weights = order.map((_, r) => 1 / Math.pow(r + 1, 1.2));
  const cum: number[] = [];
  weights.reduce((s, w, i) => (cum[i] = s + w), 0);
  const totalW = cum.at(-1) ?? 1;
  const ownerIndex = () => {
    const x = rng.next() * totalW;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  };
  return { order, ownerIndex };
}

/** Customer `i`: its behaviour into `c`, its party row out. */
function drawCustomer(g: GenContext, c: Customers, i: number, ownerIndex: () => number): BulkPartyInput {
  const { rng, asOf } = g;
  const window = 3 * YEAR;
  const company = rng.next() < 0.25;
  const zh = g.isZh();
  const f = zh ? g.fz : g.fe;
  const o = ownerIndex();
  c.acquired[i] = asOf - 7 * DAY - rng.next() * window;
  // Lifetime: exponential with a mean of 2.5 years; about a third stop buying before asOf.
  c.ends[i] = Math.min(asOf, c.acquired[i] + rng.exponential(2.5 * YEAR));
  c.rate[i] = rng.gamma(0.9, 1) * (company ? 1.5 : 1);
  c.spend[i] = rng.lognormal(0, 0.7) * (company ? 2.5 : 1) * (1 + 1 / (o + 1));
  c.prefCat[i] = rng.int(categories.length);
  c.prefChannel[i] = rng.int(txChannels.length);
  c.ownerOf[i] = o;
  c.zhOf[i] = zh ? 1 : 0;
  const name = company ? f.company.name() : f.person.fullName();
  const churned = c.ends[i] < asOf - 180 * DAY;
  return {
    kind: company ? 'organization' : 'person',
    displayName: name,
    externalId: `C${pad(i + 1, 7)}`,
    emails: [`c${i + 1}@${company ? 'corp' : 'mail'}.${g.slug}.demo`],
    phones: rng.next() < 0.8 ? [mobile(rng)] : [],
    locale: zh ? 'zh-CN' : 'en',
    tags: company ? ['企业 B2B'] : [],
    ownerId: c.order[o],
    roles: [
      {
        role: 'customer',
        stage: churned
          ? 'churned'
          : asOf - c.acquired[i] < 90 * DAY
            ? 'new'
            : rng.next() < 0.4
              ? 'loyal'
              : 'developing',
      },
    ],
  };
}

/**
 * Customers (people and companies) owned by sales agents with a Zipf-like skew; per customer an
 * acquisition date within three years before `asOf`, a gamma purchase rate, an exponential lifetime
 * and a lognormal spend level.
 */
export async function generateCustomers(g: GenContext, count: number, owners: string[]): Promise<Customers> {
  const { order, ownerIndex } = ownerSkew(g, owners);
  const N = count;
  const c: Customers = {
    N,
    ids: new Array<string>(N),
    acquired: new Float64Array(N),
    ends: new Float64Array(N),
    rate: new Float64Array(N),
    spend: new Float64Array(N),
    prefCat: new Uint8Array(N),
    prefChannel: new Uint8Array(N),
    ownerOf: new Uint32Array(N),
    zhOf: new Uint8Array(N),
    order,
  };
  const t2 = performance.now();
  for (let start = 0; start < N; start += g.partyBatch) {
    const rows: BulkPartyInput[] = [];
    for (let i = start; i < Math.min(N, start + g.partyBatch); i++) {
      rows.push(drawCustomer(g, c, i, ownerIndex));
    }
    await g.db.transaction().execute(async (trx) => {
      const res = await bulkUpsertParties(trx, g.who, rows);
      res.results.forEach((r, k) => {
        if (r.action !== 'created') {
          throw new Error(`Generated customer rejected: ${JSON.stringify(r)}`);
        }
        c.ids[start + k] = r.id;
      });
    });
    // The importer's upkeep between batches (statistics, GIN pending lists), so both loads stay flat as tables grow.
    await afterPartiesBatch(g.db, start / g.partyBatch + 1).catch(() => undefined);
    g.progress('customers', Math.min(N, start + g.partyBatch), N, t2);
  }
  return c;
}
