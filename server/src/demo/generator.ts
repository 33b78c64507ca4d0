import { base, en, Faker, zh_CN } from '@faker-js/faker';
import { createOrganization, slugify } from '../bootstrap.ts';
import { systemWho } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/database.ts';
import type { Role } from '../platform/identity/constants-types.ts';
import { generateInteractions, generateTasks } from './gen-activity.ts';
import type { GenContext, Progress } from './gen-context.ts';
import { generateCustomers, generateProducts } from './gen-customers.ts';
import { generatePurchases } from './gen-purchases.ts';
import { generateStaff } from './gen-staff.ts';
import { Rng } from './rng.ts';

export type { Progress } from './gen-context.ts';
export { Rng } from './rng.ts';

/**
 * Generated demo organisations for realistic volumes (`tandem demo --customers N …`, the benchmark).
 *
 * Deterministic for a seed: every random choice comes from one seeded PRNG and seeded faker
 * instances, and every date from `asOf` (never the clock), so the same options give the same
 * names, owners, amounts and dates (ids and created_at differ).
 *
 * The shape, so the value analytics have signal (docs/metrics.md):
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
 * The phases: gen-staff.ts, gen-customers.ts (catalogue and customers), gen-purchases.ts, gen-activity.ts.
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

/**
 * Generates an organisation: staff, catalogue, customers, purchases, interactions and tasks, in that
 * order (each phase draws from the seeded PRNG after the one before, so the order is part of the seed).
 */
export async function generateDemo(db: Db, opts: GeneratorOptions): Promise<GeneratorResult> {
  const seed = opts.seed ?? 1;
  const locale = opts.locale ?? 'mixed';
  const asOf = Date.parse(opts.asOf ?? '2026-01-01T00:00:00Z');
  if (Number.isNaN(asOf)) {
    throw new Error(`Not a date: ${opts.asOf}`);
  }
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
  const seeded = await generateInto(db, { orgId: first.org.org_id, slug }, { ...opts, seed, locale }, password);
  return { orgId: first.org.org_id, slug, adminEmail, password, ...seeded };
}

/**
 * The generator's phases into an organisation that exists (with its defaults seeded): what `generateDemo` adds after
 * creating the organisation, and what a practice organisation is re-seeded with on reset (docs/practice.md). The
 * sample users sign in with `password`; an empty one leaves every generated user without a password.
 */
export async function generateInto(
  db: Db,
  org: { orgId: string; slug: string },
  opts: Omit<GeneratorOptions, 'orgName' | 'adminEmail' | 'password'>,
  password: string,
): Promise<Pick<GeneratorResult, 'sampleUsers' | 'counts' | 'transactionLoad'>> {
  const asOf = Date.parse(opts.asOf ?? '2026-01-01T00:00:00Z');
  if (Number.isNaN(asOf)) {
    throw new Error(`Not a date: ${opts.asOf}`);
  }
  const g = context(db, opts, { seed: opts.seed ?? 1, locale: opts.locale ?? 'mixed', asOf, ...org });

  const { emps, sampleUsers, serviceUnit } = await generateStaff(g, opts.employees, password);
  const catalogue = await generateProducts(g, opts.customers);
  const owners = emps
    .filter((e) => e.roles.includes('agent') && e.unitId !== serviceUnit)
    .map((e) => e.userId as string);
  const customers = await generateCustomers(g, opts.customers, owners);
  const purchases = await generatePurchases(g, customers, opts.transactions, catalogue);
  const interactions = await generateInteractions(g, customers, purchases.counts);
  const tasks = await generateTasks(g, customers, purchases.counts);

  const { written, ms } = purchases;
  return {
    sampleUsers,
    counts: {
      employees: emps.length,
      customers: customers.N,
      products: catalogue.productIds.length,
      transactions: written,
      interactions,
      tasks,
    },
    transactionLoad: { ms: Math.round(ms), rowsPerSecond: Math.round(written / Math.max(0.001, ms / 1000)) },
  };
}

/** The seeded PRNG and fakers, batch sizes and progress reporting every phase shares. */
function context(
  db: Db,
  opts: Pick<GeneratorOptions, 'batchSize' | 'onProgress'>,
  o: { seed: number; locale: DemoLocale; asOf: number; slug: string; orgId: string },
): GenContext {
  const batch = Math.max(100, opts.batchSize ?? 5000);
  const rng = new Rng(o.seed);
  const lastBatch = new Map<string, number>();
  const fz = new Faker({ locale: [zh_CN, en, base] });
  const fe = new Faker({ locale: [en, base] });
  fz.seed(o.seed);
  fe.seed(o.seed + 7919);
  const zhShare = o.locale === 'zh' ? 1 : o.locale === 'en' ? 0 : 0.7;
  return {
    db,
    rng,
    fz,
    fe,
    isZh: () => rng.next() < zhShare,
    orgId: o.orgId,
    slug: o.slug,
    who: systemWho(o.orgId),
    asOf: o.asOf,
    batch,
    // Parties go in smaller batches: each party row carries roles, history and search columns, so a
    // batch of 1,000 keeps one transaction's memory and lock time modest on either engine.
    partyBatch: Math.min(batch, 1000),
    progress: (phase, done, total, since) => {
      const now = performance.now();
      const batchMs = Math.round(now - (lastBatch.get(phase) ?? since));
      lastBatch.set(phase, now);
      opts.onProgress?.({
        phase,
        done,
        total,
        rowsPerSecond: Math.round(done / Math.max(0.001, (now - since) / 1000)),
        batchMs,
      });
    },
  };
}
