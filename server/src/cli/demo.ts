import { type Command, Option } from 'commander';
import { createOrganization, slugify } from '../bootstrap.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { organizationsRepository } from '../platform/identity/organizations.repository.ts';
import type { DemoLocale, DemoSize, GeneratorResult, Progress } from '../demo/generator.ts';
import { CliError, withDb } from './context.ts';
import { printFirstRun } from './print.ts';

interface DemoOptions {
  org: string;
  adminEmail: string;
  customers?: string;
  employees?: string;
  transactions?: string;
  size?: DemoSize;
  seed: string;
  locale: DemoLocale;
  asOf: string;
}

const count = (v: string | undefined, fallback: number, name: string) => {
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 0) {
    throw new CliError(`--${name} must be a whole number`);
  }
  return n;
};

/** One progress line per phase, rewritten in place. */
function progressLine(): (p: Progress) => void {
  let last = '';
  return (p) => {
    const line = `  ${p.phase}: ${p.done}/${p.total} (${p.rowsPerSecond} rows/s)`;
    if (line !== last) {
      process.stdout.write(
        `\r${line}${' '.repeat(Math.max(0, last.length - line.length))}${p.done >= p.total ? '\n' : ''}`,
      );
      last = p.done >= p.total ? '' : line;
    }
  };
}

function printGenerated(opts: DemoOptions, res: GeneratorResult, seed: number, started: number): void {
  console.log(
    [
      '',
      `  Organisation created: ${opts.org} (${res.slug}), seed ${seed}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  ${Object.entries(res.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}; transactions loaded at ${res.transactionLoad.rowsPerSecond} rows/s`,
      `  Admin: ${res.adminEmail}`,
      `  Password: ${res.password}   (shown once; write it down)`,
      `  Users with the same password: ${res.sampleUsers.map((u) => `${u.displayName} <${u.email}> [${u.roles.join(',')}]`).join(', ')}`,
      '',
    ].join('\n'),
  );
}

async function seed(h: DatabaseHandle, opts: DemoOptions): Promise<void> {
  const slug = slugify(opts.org);
  if (await organizationsRepository.findBySlug(h.db, slug)) {
    throw new CliError(`An organisation "${slug}" already exists`);
  }
  if (!opts.customers && !opts.employees && !opts.transactions && !opts.size) {
    const first = await createOrganization(h.db, {
      name: opts.org,
      slug,
      locale: 'zh-CN',
      adminEmail: opts.adminEmail,
      demo: true,
    });
    printFirstRun(first);
    return;
  }
  // Loaded on demand: faker's locales are large, and other commands should not wait for them.
  const { demoSizes, generateDemo } = await import('../demo/generator.ts');
  const preset = demoSizes[opts.size ?? 'S'];
  const seedNo = count(opts.seed, 1, 'seed');
  const started = Date.now();
  const res = await generateDemo(h.db, {
    orgName: opts.org,
    adminEmail: opts.adminEmail,
    customers: count(opts.customers, preset.customers, 'customers'),
    employees: count(opts.employees, preset.employees, 'employees'),
    transactions: count(opts.transactions, preset.transactions, 'transactions'),
    seed: seedNo,
    locale: opts.locale,
    asOf: opts.asOf,
    onProgress: progressLine(),
  });
  printGenerated(opts, res, seedNo, started);
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Seed a demo organisation: the small hand-written one, or with --customers/--transactions/--size a generated one at scale',
    )
    .option('--org <name>', 'organisation name', 'Tandem Demo 示例')
    .option('--admin-email <email>', 'its admin', 'admin@demo.tandem.local')
    .option('--customers <n>', 'generate this many customers')
    .option('--employees <n>', 'generate this many employees (users)')
    .option('--transactions <n>', 'generate this many transactions')
    .addOption(
      new Option('--size <size>', 'preset volumes: S 10k/100k, M 100k/1M, L 1M/10M customers/transactions').choices([
        'S',
        'M',
        'L',
      ]),
    )
    .option('--seed <n>', 'random seed: the same seed generates the same data', '1')
    .addOption(new Option('--locale <locale>', 'names and languages').choices(['zh', 'en', 'mixed']).default('mixed'))
    .option('--as-of <date>', 'the "today" of the generated history', '2026-01-01')
    .action(async (opts: DemoOptions) => {
      await withDb((h) => seed(h, opts));
    });
}
