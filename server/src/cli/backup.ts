import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { backupKind, backupTo, restorePGlite, restorePostgres, BackupError } from '../platform/db/backup.ts';
import { DataDirBusyError } from '../platform/db/data-dir-lock.ts';
import { organizationsRepository } from '../platform/identity/organizations.repository.ts';
import { CliError, config, openConfigured } from './context.ts';

const SECRET_NOTE =
  'Keep the instance secret with it (TANDEM_SECRET, or the data directory\'s "secret" file): sessions, API tokens, ' +
  'survey links and anonymous-survey ballots are keyed by it, and the backup deliberately does not contain it.';

async function openForBackup() {
  try {
    return await openConfigured(config());
  } catch (err) {
    if (err instanceof DataDirBusyError) {
      throw new CliError(
        `${err.message}\nA running Tandem server (pid ${err.pid}) holds the embedded database: stop it, back up, start it again.`,
      );
    }
    throw err;
  }
}

const asCli = (err: unknown) => (err instanceof BackupError ? new CliError(err.message) : err);

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Write a backup of the whole database (embedded: its data directory; PostgreSQL: pg_dump) to a file')
    .requiredOption('--to <file>', 'the backup file to write')
    .action(async (opts: { to: string }) => {
      const cfg = config();
      const handle = await openForBackup();
      try {
        const bytes = await backupTo(handle, cfg.databaseUrl, opts.to);
        console.log(
          `Backup of the ${handle.engine === 'pglite' ? 'embedded' : 'PostgreSQL'} database written to ${opts.to} (${bytes} bytes).`,
        );
        console.log(SECRET_NOTE);
      } catch (err) {
        throw asCli(err);
      } finally {
        await handle.close();
      }
    });

  program
    .command('restore')
    .description(
      'Restore a backup into an empty database (embedded: an empty TANDEM_DATA_DIR; PostgreSQL: an empty DATABASE_URL database)',
    )
    .requiredOption('--from <file>', 'the backup file to read')
    .action(async (opts: { from: string }) => {
      const envSecret = Boolean(process.env.TANDEM_SECRET);
      const cfg = config();
      try {
        const kind = backupKind(opts.from);
        if (kind === 'pglite' && cfg.databaseUrl) {
          throw new CliError(
            'This is a backup of an embedded database: restore it with DATABASE_URL unset, into an empty TANDEM_DATA_DIR',
          );
        }
        if (kind === 'postgres' && !cfg.databaseUrl) {
          throw new CliError(
            'This is a pg_dump archive: restore it into an empty PostgreSQL database named by DATABASE_URL',
          );
        }
        if (kind === 'pglite') {
          if (!envSecret && !existsSync(path.join(cfg.dataDir, 'pglite'))) {
            console.warn(
              `tandem: ${cfg.dataDir} has a new instance secret; copy the original data directory's "secret" file over it before starting the server, or set TANDEM_SECRET as it was`,
            );
          }
          await restorePGlite(opts.from, cfg.dataDir);
        } else {
          await restorePostgres(opts.from, cfg.databaseUrl ?? '');
        }
      } catch (err) {
        throw asCli(err);
      }
      // Opening migrates: a backup taken by an older Tandem comes up to this version's schema.
      const handle = await openConfigured(cfg);
      try {
        const orgs = await organizationsRepository.list(handle.db);
        console.log(`Restored ${opts.from}: ${orgs.length} organisation(s) (${orgs.map((o) => o.slug).join(', ')}).`);
        console.log(SECRET_NOTE);
      } finally {
        await handle.close();
      }
    });
}
