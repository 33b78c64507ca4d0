import { type Command, Option } from 'commander';
import { systemWho } from '../platform/audit/audit.ts';
import { organizationsRepository } from '../platform/identity/organizations.repository.ts';
import { createPracticeOrg, isPracticeOrg } from '../modules/practice/index.ts';
import { CliError, pickOrg, withDb } from './context.ts';

interface CreateOptions {
  from: 'demo';
  org?: string;
}

/** `tandem practice create --from demo`: the same service as POST /api/practice/orgs (docs/practice.md). */
export function registerPracticeCommand(program: Command): void {
  const practice = program
    .command('practice')
    .description('Practice organisations where trainees act without touching real records');
  practice
    .command('create')
    .description('Create a practice organisation seeded from the demo generator (small), with the built-in scenarios')
    .addOption(
      new Option('--from <source>', 'where its data comes from (never the real organisation)')
        .choices(['demo'])
        .makeOptionMandatory(),
    )
    .option('--org <slug>', 'the organisation it is for (needed when there are several)')
    .action(async (opts: CreateOptions) => {
      await withDb(async (h) => {
        let creator = opts.org ? await pickOrg(h, opts.org) : undefined;
        if (!creator) {
          const all = await organizationsRepository.list(h.db);
          const real = [];
          for (const o of all) {
            if (!(await isPracticeOrg(h.db, o.org_id))) {
              real.push(o);
            }
          }
          if (real.length !== 1 || !real[0]) {
            throw new CliError(
              `Name the organisation with --org (${real.map((o) => o.slug).join(', ') || 'none yet'})`,
            );
          }
          creator = real[0];
        }
        const res = await createPracticeOrg(h.db, creator.org_id, systemWho(creator.org_id));
        console.log(
          [
            '',
            `  Practice organisation created for ${creator.name}: ${res.name} (${res.slug})`,
            `  ${res.size.customers} customers, ${res.size.employees} employees, ${res.size.transactions} transactions (seed ${res.seed}), the built-in scenarios`,
            `  Admin: ${res.adminEmail}`,
            `  Password: ${res.password}   (shown once; write it down)`,
            `  Sign in with the organisation "${res.slug}"; add trainees from the admin page (Practice → Practice organisation).`,
            '',
          ].join('\n'),
        );
      });
    });
}
