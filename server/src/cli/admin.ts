import { type Command, Option } from 'commander';
import { ensureFirstOrganization } from '../bootstrap.ts';
import { systemWho } from '../platform/audit/audit.ts';
import { roles } from '../platform/identity/identity.schema.ts';
import { createUserSchema, updateUserSchema } from '../platform/identity/identity.schema.ts';
import { organizationsRepository } from '../platform/identity/organizations.repository.ts';
import { usersRepository } from '../platform/identity/users.repository.ts';
import { createUserRecord, setPasswordRecord } from '../platform/identity/users.service.ts';
import { CliError, config, pickOrg, withDb } from './context.ts';
import { registerDemoCommand } from './demo.ts';
import { printFirstRun } from './print.ts';

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

function registerMigrate(program: Command): void {
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
}

function registerCreateUser(program: Command): void {
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
}

function registerSetPassword(program: Command): void {
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
}

function registerOrgs(program: Command): void {
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

export function registerAdminCommands(program: Command): void {
  registerMigrate(program);
  registerCreateUser(program);
  registerSetPassword(program);
  registerDemoCommand(program);
  registerOrgs(program);
}
