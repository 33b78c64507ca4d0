import { type Command, Option } from 'commander';
import { createOrganization, ensureFirstOrganization, slugify } from '../bootstrap.ts';
import { systemWho } from '../platform/audit/audit.ts';
import { roles } from '../platform/identity/identity.schema.ts';
import { createUserSchema, updateUserSchema } from '../platform/identity/identity.schema.ts';
import { organizationsRepository } from '../platform/identity/organizations.repository.ts';
import { usersRepository } from '../platform/identity/users.repository.ts';
import { createUserRecord, setPasswordRecord } from '../platform/identity/users.service.ts';
import { CliError, config, openConfigured, pickOrg } from './context.ts';
import { printFirstRun } from './print.ts';
import type { DemoLocale, DemoSize } from '../demo/generator.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';

async function withDb<T>(fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openConfigured(config());
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

const collect = (v: string, prev: string[]) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

function parseOrThrow<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const res = schema.safeParse(value);
  if (!res.success) {
    throw new CliError(res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return res.data;
}

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('Apply database migrations (on an empty database also creates the organisation and its admin)')
    .action(async () => {
      const cfg = config();
      await withDb(async (h) => {
        const first = await ensureFirstOrganization(h.db, cfg, cfg.demo ?? false);
        console.log(`Database (${h.engine}) is up to date.`);
        if (first) {
          printFirstRun(first);
        }
      });
    });

  program
    .command('create-user')
    .description('Create a user in the organisation')
    .requiredOption('--email <email>')
    .requiredOption('--password <password>', 'at least 10 characters')
    .addOption(
      new Option('--role <role>', `repeat or comma-separate: ${roles.join(', ')}`).argParser(collect).default([]),
    )
    .option('--name <displayName>', 'display name (default: the part of the email before @)')
    .option('--org <slug>', 'organisation, when there are several')
    .action(async (opts: { email: string; password: string; role: string[]; name?: string; org?: string }) => {
      const input = parseOrThrow(createUserSchema, {
        email: opts.email,
        password: opts.password,
        roles: opts.role.length ? opts.role : ['employee'],
        displayName: opts.name ?? opts.email.split('@')[0],
      });
      await withDb(async (h) => {
        const org = await pickOrg(h, opts.org);
        const user = await createUserRecord(h.db, org.org_id, input, systemWho(org.org_id));
        console.log(`Created ${user.displayName} <${user.email}> with roles ${user.roles.join(', ')} in ${org.slug}.`);
      });
    });

  program
    .command('set-password')
    .description('Set a user’s password (e.g. a lost admin password)')
    .requiredOption('--email <email>')
    .requiredOption('--password <password>')
    .option('--org <slug>')
    .action(async (opts: { email: string; password: string; org?: string }) => {
      const input = parseOrThrow(updateUserSchema, { password: opts.password });
      await withDb(async (h) => {
        const org = await pickOrg(h, opts.org);
        const user = await usersRepository.findByEmail(h.db, org.org_id, opts.email.trim().toLowerCase());
        if (!user) {
          throw new CliError(`No user ${opts.email} in ${org.slug}`);
        }
        await setPasswordRecord(h.db, org.org_id, user.id, input.password ?? opts.password, systemWho(org.org_id));
        console.log(`Password set for ${user.email}.`);
      });
    });

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
    .action(
      async (opts: {
        org: string;
        adminEmail: string;
        customers?: string;
        employees?: string;
        transactions?: string;
        size?: DemoSize;
        seed: string;
        locale: DemoLocale;
        asOf: string;
      }) => {
        await withDb(async (h) => {
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
          const count = (v: string | undefined, fallback: number, name: string) => {
            const n = v === undefined ? fallback : Number(v);
            if (!Number.isInteger(n) || n < 0) {
              throw new CliError(`--${name} must be a whole number`);
            }
            return n;
          };
          const seed = count(opts.seed, 1, 'seed');
          const started = Date.now();
          let last = '';
          const res = await generateDemo(h.db, {
            orgName: opts.org,
            adminEmail: opts.adminEmail,
            customers: count(opts.customers, preset.customers, 'customers'),
            employees: count(opts.employees, preset.employees, 'employees'),
            transactions: count(opts.transactions, preset.transactions, 'transactions'),
            seed,
            locale: opts.locale,
            asOf: opts.asOf,
            onProgress: (p) => {
              const line = `  ${p.phase}: ${p.done}/${p.total} (${p.rowsPerSecond} rows/s)`;
              if (line !== last) {
                process.stdout.write(
                  `\r${line}${' '.repeat(Math.max(0, last.length - line.length))}${p.done >= p.total ? '\n' : ''}`,
                );
                last = p.done >= p.total ? '' : line;
              }
            },
          });
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
        });
      },
    );

  program
    .command('orgs')
    .description('List organisations')
    .action(async () => {
      await withDb(async (h) => {
        for (const o of await organizationsRepository.list(h.db)) {
          console.log(`${o.slug}\t${o.name}`);
        }
      });
    });
}
