import { base, en, Faker, zh_CN } from '@faker-js/faker';
import { createOrganization, slugify } from '../bootstrap.ts';
import type { RequestContext } from '../platform/auth/actor.ts';
import { systemWho } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/database.ts';
import { standaloneDeps, type Deps } from '../platform/deps.ts';
import type { Role } from '../platform/identity/constants-types.ts';
import { orgUnitsRepository } from '../platform/identity/org-units.repository.ts';
import { createOrgUnitRecord } from '../platform/identity/org-units.service.ts';
import { usersRepository } from '../platform/identity/users.repository.ts';
import { createUserRecord } from '../platform/identity/users.service.ts';
import { bulkUpsertProducts, bulkUpsertTransactions, type BulkTransactionInput } from '../modules/commerce/index.ts';
import { bulkInsertInteractions, bulkUpsertParties, type BulkPartyInput } from '../modules/parties/index.ts';
import { activityService } from '../modules/parties/activity/activity.service.ts';
import type { CreateInteraction } from '../modules/parties/activity/activity.schema.ts';

/**
 * Generated demo organisations for realistic volumes (`tandem demo --customers N …`, the benchmark).
 *
 * Deterministic for a seed: every random choice comes from one seeded PRNG and seeded faker
 * instances, and every date from `asOf` (never the clock), so the same options give the same
 * names, owners, amounts and dates (ids and created_at differ).
 *
 * The shape, so the value analytics have signal (metrics.md):
 * - org units: headquarters, four departments, sales regions; every employee is a user with a
 *   manager (their unit's manager, or the one above), a hire date, a title, a grade and a salary;
 * - customers (people and companies) owned by sales agents with a Zipf-like skew, so a few owners
 *   hold most customers and most revenue (key-person concentration);
 * - per customer: an acquisition date within three years before `asOf`, a purchase rate from a
 *   gamma distribution (heterogeneous, as BG/NBD assumes), a lifetime that ends (churn) after an
 *   exponential time, and a lognormal spend level; purchases arrive as a Poisson process over the
 *   active period, so recency, frequency and monetary value differ and relate the way RFM and CLV
 *   expect; baskets favour the customer's preferred category (cross-sell);
 * - interactions around purchases and follow-up tasks for the most valuable customers at risk.
 * Everything loads through the modules' bulk paths (the import path), in batches of `batchSize`
 * rows per database transaction, so memory stays flat at any size.
 */
export type DemoLocale = 'zh' | 'en' | 'mixed';
export type DemoSize = 'S' | 'M' | 'L';

export const demoSizes: Record<DemoSize, { customers: number; transactions: number; employees: number }> = {
  S: { customers: 10_000, transactions: 100_000, employees: 200 },
  M: { customers: 100_000, transactions: 1_000_000, employees: 1_000 },
  L: { customers: 1_000_000, transactions: 10_000_000, employees: 5_000 },
};

export interface GeneratorOptions {
  orgName: string;
  customers: number;
  employees: number;
  transactions: number;
  seed?: number;
  locale?: DemoLocale;
  /** The "today" of the generated history (ISO date); default 2026-01-01. */
  asOf?: string;
  adminEmail?: string;
  /** Password of the admin and a few sample users (generated when omitted). */
  password?: string;
  batchSize?: number;
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  phase: 'employees' | 'products' | 'customers' | 'transactions' | 'interactions' | 'tasks';
  done: number;
  total: number;
  rowsPerSecond: number;
}

export interface GeneratorResult {
  orgId: string;
  slug: string;
  adminEmail: string;
  password: string;
  sampleUsers: { email: string; displayName: string; roles: Role[] }[];
  counts: {
    employees: number;
    customers: number;
    products: number;
    transactions: number;
    interactions: number;
    tasks: number;
  };
  /** Time spent loading transactions (ms) and their rows/s, for the import benchmark. */
  transactionLoad: { ms: number; rowsPerSecond: number };
}

const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** Seeded PRNG (mulberry32) with the distributions the generator needs. */
export class Rng {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  /** Marsaglia–Tsang. */
  gamma(shape: number, scale: number): number {
    if (shape < 1) {
      return this.gamma(shape + 1, scale) * Math.pow(this.next() || 1e-12, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v * scale;
      }
    }
  }
  poisson(lambda: number): number {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda > 30) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    }
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
}

const categories = [
  { key: 'tea', zh: '茶叶', en: 'Tea', price: 120 },
  { key: 'coffee', zh: '咖啡', en: 'Coffee', price: 80 },
  { key: 'teaware', zh: '茶具', en: 'Teaware', price: 260 },
  { key: 'gifts', zh: '礼盒', en: 'Gift sets', price: 480 },
  { key: 'snacks', zh: '零食', en: 'Snacks', price: 35 },
  { key: 'membership', zh: '会员服务', en: 'Membership', price: 699 },
  { key: 'service', zh: '定制服务', en: 'Custom service', price: 1500 },
] as const;
const regions = [
  '华东区 East China',
  '华南区 South China',
  '华北区 North China',
  '华中区 Central China',
  '西南区 Southwest',
  '西北区 Northwest',
  '东北区 Northeast',
];
const txChannels = ['store', 'online', 'wechat', 'phone', 'partner'] as const;
const interactionSubjects = {
  zh: ['回访客户', '产品咨询', '新品介绍', '售后跟进', '节日问候', '续约沟通', '投诉处理'],
  en: [
    'Follow-up call',
    'Product question',
    'New product intro',
    'After-sales check',
    'Season greetings',
    'Renewal talk',
    'Complaint handling',
  ],
};
const interactionChannelsUsed = ['phone', 'wechat', 'visit', 'email', 'meeting'] as const;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A whole second within the business day (08:00–20:00 China time) of the day `ms` falls in. */
const businessTime = (rng: Rng, ms: number) => Math.floor(ms / DAY) * DAY + (rng.int(12 * 3600) + 0) * 1000;

function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${pad(rng.int(1e9), 9)}`;
}

export async function generateDemo(db: Db, opts: GeneratorOptions): Promise<GeneratorResult> {
  const seed = opts.seed ?? 1;
  const locale = opts.locale ?? 'mixed';
  const asOf = Date.parse(opts.asOf ?? '2026-01-01T00:00:00Z');
  if (Number.isNaN(asOf)) {
    throw new Error(`Not a date: ${opts.asOf}`);
  }
  const batch = Math.max(100, opts.batchSize ?? 5000);
  // Parties go in smaller batches: each party row carries roles, history and search columns, so a
  // batch of 1,000 keeps one transaction's memory and lock time modest on either engine.
  const partyBatch = Math.min(batch, 1000);
  const rng = new Rng(seed);
  const fz = new Faker({ locale: [zh_CN, en, base] });
  const fe = new Faker({ locale: [en, base] });
  fz.seed(seed);
  fe.seed(seed + 7919);
  const zhShare = locale === 'zh' ? 1 : locale === 'en' ? 0 : 0.7;
  const isZh = () => rng.next() < zhShare;
  const progress = (phase: Progress['phase'], done: number, total: number, since: number) =>
    opts.onProgress?.({
      phase,
      done,
      total,
      rowsPerSecond: Math.round(done / Math.max(0.001, (performance.now() - since) / 1000)),
    });

  const slug = slugify(opts.orgName);
  const adminEmail = opts.adminEmail ?? `admin@${slug}.demo`;
  const first = await createOrganization(db, {
    name: opts.orgName,
    slug,
    locale: locale === 'en' ? 'en' : 'zh-CN',
    adminEmail,
    adminPassword: opts.password,
    demo: false,
  });
  const password = opts.password ?? first.generatedPassword ?? '';
  const orgId = first.org.org_id;
  const who = systemWho(orgId);

  // --- Org units and employees (every employee is a user; a few can sign in) -------------------
  const t0 = performance.now();
  const employeeCount = Math.max(8, opts.employees);
  const unit = async (name: string, parentId: string | null) =>
    (await createOrgUnitRecord(db, orgId, { name, parentId }, who)).id;
  const hq = await unit('总部 Headquarters', null);
  const sales = await unit('销售部 Sales', hq);
  const service = await unit('客户服务部 Customer Service', hq);
  const hr = await unit('人力资源部 Human Resources', hq);
  const marketing = await unit('市场部 Marketing', hq);
  const regionCount = Math.min(regions.length, Math.max(2, Math.round(employeeCount / 40)));
  const regionIds: string[] = [];
  for (let r = 0; r < regionCount; r++) {
    regionIds.push(await unit(regions[r] as string, sales));
  }
  interface Emp {
    no: number;
    name: string;
    zh: boolean;
    roles: Role[];
    unitId: string;
    manages: string | null;
    title: string;
    grade: string;
    userId?: string;
  }
  const person = (zh: boolean) => (zh ? fz.person.fullName() : fe.person.fullName());
  const emps: Emp[] = [];
  const addEmp = (roles: Role[], unitId: string, manages: string | null, title: string, grade: string) => {
    const zh = isZh();
    emps.push({ no: emps.length + 1, name: person(zh), zh, roles, unitId, manages, title, grade });
  };
  addEmp(['executive', 'employee'], hq, hq, '总经理 CEO', 'M5');
  addEmp(['manager', 'agent', 'employee'], sales, sales, '销售总监 Sales Director', 'M4');
  addEmp(['manager', 'agent', 'employee'], service, service, '客服经理 Service Manager', 'M3');
  addEmp(['hr', 'manager', 'employee'], hr, hr, '人力资源经理 HR Manager', 'M3');
  addEmp(['marketing', 'manager', 'employee'], marketing, marketing, '市场经理 Marketing Manager', 'M3');
  for (const r of regionIds) {
    addEmp(['manager', 'agent', 'employee'], r, r, '区域经理 Regional Manager', 'M2');
  }
  while (emps.length < employeeCount) {
    const x = rng.next();
    if (x < 0.6) {
      addEmp(['agent', 'employee'], rng.pick(regionIds), null, '销售代表 Sales Rep', rng.pick(['P1', 'P2', 'P3']));
    } else if (x < 0.8) {
      addEmp(['agent', 'employee'], service, null, '客服专员 Service Agent', rng.pick(['P1', 'P2']));
    } else if (x < 0.88) {
      addEmp(['hr', 'employee'], hr, null, '人事专员 HR Specialist', rng.pick(['P2', 'P3']));
    } else {
      addEmp(['marketing', 'employee'], marketing, null, '市场专员 Marketing Specialist', rng.pick(['P2', 'P3']));
    }
  }
  const sampleUsers: GeneratorResult['sampleUsers'] = [];
  const emailOf = (e: Emp) => `e${pad(e.no, 5)}@${slug}.demo`;
  // The CEO, the sales director, the HR manager and the first sales rep can sign in (with the admin's password).
  const loginNos = new Set([1, 2, 4, emps.find((e) => e.title.includes('Sales Rep'))?.no ?? 0]);
  for (const e of emps) {
    if (loginNos.has(e.no) && password) {
      e.userId = (
        await createUserRecord(
          db,
          orgId,
          {
            email: emailOf(e),
            displayName: e.name,
            password,
            roles: e.roles,
            orgUnitId: e.unitId,
            locale: e.zh ? 'zh-CN' : 'en',
          },
          who,
        )
      ).id;
      sampleUsers.push({ email: emailOf(e), displayName: e.name, roles: e.roles });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const e of emps) {
      e.userId ??= (
        await usersRepository.insert(trx, {
          org_id: orgId,
          email: emailOf(e),
          display_name: e.name,
          password_hash: null,
          roles: e.roles,
          org_unit_id: e.unitId,
          locale: e.zh ? 'zh-CN' : 'en',
        })
      ).id;
    }
    for (const e of emps.filter((x) => x.manages)) {
      const u = await orgUnitsRepository.findById(trx, orgId, e.manages as string);
      if (u) {
        await orgUnitsRepository.update(trx, orgId, u.id, u.version, { manager_user_id: e.userId ?? null });
      }
    }
  });
  const parentOf = new Map<string, string | null>([
    [hq, null],
    [sales, hq],
    [service, hq],
    [hr, hq],
    [marketing, hq],
    ...regionIds.map((r): [string, string] => [r, sales]),
  ]);
  const managerOfUnit = new Map(emps.filter((e) => e.manages).map((e) => [e.manages as string, e.userId as string]));
  const managerOf = (e: Emp): string | null => {
    let u: string | null = e.manages ? (parentOf.get(e.unitId) ?? null) : e.unitId;
    while (u) {
      const m = managerOfUnit.get(u);
      if (m && m !== e.userId) {
        return m;
      }
      u = parentOf.get(u) ?? null;
    }
    return null;
  };
  const employeeRows: BulkPartyInput[] = emps.map((e) => {
    const senior = e.grade.startsWith('M');
    const hired = asOf - Math.floor((senior ? 3 + rng.next() * 9 : rng.exponential(2.5)) * YEAR) - 30 * DAY;
    return {
      kind: 'person',
      displayName: e.name,
      externalId: `E${pad(e.no, 5)}`,
      emails: [emailOf(e)],
      phones: [mobile(rng)],
      locale: e.zh ? 'zh-CN' : 'en',
      roles: [
        {
          role: 'employee',
          stage: 'stable',
          employment: {
            employeeNo: `E${pad(e.no, 5)}`,
            hireDate: isoDate(hired),
            orgUnitId: e.unitId,
            managerId: managerOf(e),
            jobTitle: e.title,
            careerTrack: senior ? 'management' : 'professional',
            grade: e.grade,
            salary: Math.round(rng.lognormal(Math.log(senior ? 30000 : 12000), 0.25) / 100) * 100,
          },
        },
      ],
    };
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < employeeRows.length; i += partyBatch) {
      const res = await bulkUpsertParties(trx, who, employeeRows.slice(i, i + partyBatch));
      const failed = res.results.find((r) => r.action === 'failed');
      if (failed) {
        throw new Error(`Generated employee rejected: ${JSON.stringify(failed)}`);
      }
      // Link each user to their employee record ("my record").
      for (const [k, r] of res.results.entries()) {
        const e = emps[i + k];
        if (e?.userId && r.action === 'created') {
          await trx
            .updateTable('app_user')
            .set({ party_id: r.id })
            .where('org_id', '=', orgId)
            .where('id', '=', e.userId)
            .execute();
        }
      }
    }
  });
  progress('employees', emps.length, emps.length, t0);

  // --- Products ---------------------------------------------------------------------------------
  const t1 = performance.now();
  const productCount = Math.min(300, Math.max(20, Math.round(opts.customers / 100)));
  const productRows = Array.from({ length: productCount }, (_, i) => {
    const c = categories[i % categories.length] as (typeof categories)[number];
    const price = Math.max(1, Math.round(rng.lognormal(Math.log(c.price), 0.5))) - (rng.next() < 0.5 ? 0.1 : 0);
    return {
      name: `${c.zh} ${fe.commerce.productName()}`,
      sku: `SKU-${pad(i + 1, 5)}`,
      externalId: `P${pad(i + 1, 5)}`,
      category: c.key,
      price: price.toFixed(2),
      currency: 'CNY',
    };
  });
  const productIds = await db
    .transaction()
    .execute(async (trx) => (await bulkUpsertProducts(trx, who, productRows)).created);
  const productsByCategory = categories.map((_, ci) => productIds.filter((_, i) => i % categories.length === ci));
  progress('products', productIds.length, productCount, t1);

  // --- Customers: owners with a skew, per-customer purchase behaviour --------------------------
  const owners = emps.filter((e) => e.roles.includes('agent') && e.unitId !== service).map((e) => e.userId as string);
  // Zipf-like weights over owners in a seeded order: a few hold most customers (and revenue).
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
  const N = opts.customers;
  const acquired = new Float64Array(N);
  const ends = new Float64Array(N);
  const rate = new Float64Array(N);
  const spend = new Float64Array(N);
  const prefCat = new Uint8Array(N);
  const prefChannel = new Uint8Array(N);
  const ownerOf = new Uint32Array(N);
  const zhOf = new Uint8Array(N);
  const ids: string[] = new Array<string>(N);
  const window = 3 * YEAR;
  const t2 = performance.now();
  for (let start = 0; start < N; start += partyBatch) {
    const rows: BulkPartyInput[] = [];
    for (let i = start; i < Math.min(N, start + partyBatch); i++) {
      const company = rng.next() < 0.25;
      const zh = isZh();
      const f = zh ? fz : fe;
      const o = ownerIndex();
      acquired[i] = asOf - 7 * DAY - rng.next() * window;
      // Lifetime: exponential with a mean of 2.5 years; about a third stop buying before asOf.
      ends[i] = Math.min(asOf, (acquired[i] as number) + rng.exponential(2.5 * YEAR));
      rate[i] = rng.gamma(0.9, 1) * (company ? 1.5 : 1);
      spend[i] = rng.lognormal(0, 0.7) * (company ? 2.5 : 1) * (1 + 1 / (o + 1));
      prefCat[i] = rng.int(categories.length);
      prefChannel[i] = rng.int(txChannels.length);
      ownerOf[i] = o;
      zhOf[i] = zh ? 1 : 0;
      const name = company ? f.company.name() : f.person.fullName();
      const churned = (ends[i] as number) < asOf - 180 * DAY;
      rows.push({
        kind: company ? 'organization' : 'person',
        displayName: name,
        externalId: `C${pad(i + 1, 7)}`,
        emails: [`c${i + 1}@${company ? 'corp' : 'mail'}.${slug}.demo`],
        phones: rng.next() < 0.8 ? [mobile(rng)] : [],
        locale: zh ? 'zh-CN' : 'en',
        tags: company ? ['企业 B2B'] : [],
        ownerId: order[o],
        roles: [
          {
            role: 'customer',
            stage: churned
              ? 'churned'
              : asOf - (acquired[i] as number) < 90 * DAY
                ? 'new'
                : rng.next() < 0.4
                  ? 'loyal'
                  : 'developing',
          },
        ],
      });
    }
    await db.transaction().execute(async (trx) => {
      const res = await bulkUpsertParties(trx, who, rows);
      res.results.forEach((r, k) => {
        if (r.action !== 'created') {
          throw new Error(`Generated customer rejected: ${JSON.stringify(r)}`);
        }
        ids[start + k] = r.id;
      });
    });
    progress('customers', Math.min(N, start + partyBatch), N, t2);
  }

  // --- Transactions: Poisson arrivals over each customer's active period ------------------------
  const expected = new Float64Array(N);
  let sumExpected = 0;
  for (let i = 0; i < N; i++) {
    expected[i] = (rate[i] as number) * Math.max(0, ((ends[i] as number) - (acquired[i] as number)) / YEAR);
    sumExpected += expected[i] as number;
  }
  const T = opts.transactions;
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
  const t3 = performance.now();
  let written = 0;
  let buffer: BulkTransactionInput[] = [];
  const flush = async () => {
    if (!buffer.length) {
      return;
    }
    const rows = buffer;
    buffer = [];
    await db.transaction().execute(async (trx) => {
      const res = await bulkUpsertTransactions(trx, who, rows);
      const failed = res.results.find((r) => r.action === 'failed');
      if (failed) {
        throw new Error(`Generated transaction rejected: ${JSON.stringify(failed)}`);
      }
    });
    written += rows.length;
    progress('transactions', written, total, t3);
  };
  for (let i = 0; i < N; i++) {
    const n = counts[i] as number;
    if (!n) {
      continue;
    }
    const a = acquired[i] as number;
    const span = Math.max(DAY, (ends[i] as number) - a);
    const times: number[] = [];
    for (let j = 0; j < n; j++) {
      times.push(businessTime(rng, a + rng.next() * span));
    }
    times.sort((x, y) => x - y);
    for (const at of times) {
      const lines = 1 + Math.min(3, rng.poisson(0.5));
      const basket: { productId: string; quantity: number }[] = [];
      for (let l = 0; l < lines; l++) {
        const cat = rng.next() < 0.65 ? (prefCat[i] as number) : rng.int(categories.length);
        const pool = productsByCategory[cat] ?? [];
        const productId = pool.length ? rng.pick(pool) : rng.pick(productIds);
        if (!basket.some((b) => b.productId === productId)) {
          basket.push({ productId, quantity: 1 + rng.poisson((spend[i] as number) * 0.8) });
        }
      }
      const channel = rng.next() < 0.75 ? txChannels[prefChannel[i] as number] : rng.pick(txChannels);
      buffer.push({
        partyId: ids[i] as string,
        occurredAt: new Date(Math.min(at, asOf - 1000)).toISOString(),
        currency: 'CNY',
        channel,
        lines: basket,
      });
      if (buffer.length >= batch) {
        await flush();
      }
    }
  }
  await flush();
  const txMs = performance.now() - t3;

  // --- Interactions around the customer's life, tasks for valuable customers going quiet --------
  const t4 = performance.now();
  let interactions = 0;
  let ibuf: CreateInteraction[] = [];
  const iflush = async () => {
    if (!ibuf.length) {
      return;
    }
    const rows = ibuf;
    ibuf = [];
    await db.transaction().execute((trx) => bulkInsertInteractions(trx, who, rows));
    interactions += rows.length;
    progress('interactions', interactions, interactions, t4);
  };
  for (let i = 0; i < N; i++) {
    const n = rng.poisson(0.3 + Math.min(3, (counts[i] as number) / 10));
    const a = acquired[i] as number;
    for (let j = 0; j < n; j++) {
      const zh = zhOf[i] === 1;
      ibuf.push({
        partyId: ids[i] as string,
        channel: rng.pick(interactionChannelsUsed),
        direction: rng.next() < 0.7 ? 'outbound' : 'inbound',
        occurredAt: new Date(businessTime(rng, a + rng.next() * Math.max(DAY, asOf - DAY - a))).toISOString(),
        subject: rng.pick(zh ? interactionSubjects.zh : interactionSubjects.en),
        sentiment: rng.pick(['positive', 'neutral', 'neutral', 'negative'] as const),
        userId: order[ownerOf[i] as number] ?? null,
      });
      if (ibuf.length >= partyBatch) {
        await iflush();
      }
    }
  }
  await iflush();

  const t5 = performance.now();
  const deps: Deps = standaloneDeps(db, 'pglite', console as unknown as Deps['log']);
  const activity = activityService(deps);
  const adminCtx: RequestContext = {
    actor: {
      orgId,
      userId: (await usersRepository.findByEmail(db, orgId, adminEmail))?.id ?? '',
      email: adminEmail,
      displayName: 'Demo',
      roles: ['admin'],
      orgUnitId: null,
      partyId: null,
      locale: null,
      authMethod: 'session',
      sessionId: null,
      tokenId: null,
      csrfToken: null,
    },
    requestId: 'demo-generator',
    ip: null,
  };
  // Customers who bought often but stopped in the last half year: a follow-up for their owner.
  const quiet: number[] = [];
  for (let i = 0; i < N && quiet.length < Math.min(500, Math.ceil(N / 50)); i++) {
    if ((counts[i] as number) >= 3 && (ends[i] as number) < asOf - 60 * DAY && (ends[i] as number) > asOf - 240 * DAY) {
      quiet.push(i);
    }
  }
  for (const i of quiet) {
    const zh = zhOf[i] === 1;
    await activity.createTask(adminCtx, {
      partyId: ids[i],
      kind: rng.pick(['call_back', 'follow_up_visit', 'review'] as const),
      title: zh ? '老客户近期没有购买，电话回访' : 'Regular customer stopped buying: call back',
      dueAt: new Date(asOf + (1 + rng.int(14)) * DAY).toISOString(),
      assigneeId: order[ownerOf[i] as number],
    });
  }
  progress('tasks', quiet.length, quiet.length, t5);

  return {
    orgId,
    slug,
    adminEmail,
    password,
    sampleUsers,
    counts: {
      employees: emps.length,
      customers: N,
      products: productIds.length,
      transactions: written,
      interactions,
      tasks: quiet.length,
    },
    transactionLoad: { ms: Math.round(txMs), rowsPerSecond: Math.round(written / Math.max(0.001, txMs / 1000)) },
  };
}
