import path from 'node:path';
import type { Command } from 'commander';
import { buildApp } from '../app.ts';
import { usersRepository } from '../platform/identity/users.repository.ts';
import { JobRegistry, platformJobs, startJobs } from '../platform/jobs/jobs.ts';
import { ANALYZE_JOB } from '../platform/db/statistics.ts';
import { ensureFirstOrganization } from '../bootstrap.ts';
import { config, openConfigured } from './context.ts';
import { printFirstRun } from './print.ts';
import { ensureWebBuild } from './web-build.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the server (migrates the database first; on an empty one creates the organisation and its admin)')
    .option('--web-dir <dir>', 'serve this built web app at / (default: web/dist, built when missing or stale)')
    .option('--no-web', 'serve the API only')
    .option('--build-web', 'build the web app first when it is missing or stale')
    .option(
      '--demo-default',
      'seed a demo organisation on an empty database unless TANDEM_DEMO=0 (what npm start does)',
    )
    .action(async (opts: { webDir?: string; web: boolean; buildWeb?: boolean; demoDefault?: boolean }) => {
      const started = Date.now();
      const cfg = config();
      const webDir = !opts.web ? undefined : (opts.webDir ?? (opts.buildWeb ? ensureWebBuild() : undefined));
      const handle = await openConfigured(cfg);
      const first = await ensureFirstOrganization(handle.db, cfg, cfg.demo ?? Boolean(opts.demoDefault));
      const jobRegistry = new JobRegistry();
      const app = await buildApp({
        database: handle,
        jobs: jobRegistry,
        smtpUrl: cfg.smtpUrl,
        mailFrom: cfg.mailFrom,
        secret: cfg.secret,
        readRouting: { readYourWritesSeconds: cfg.readYourWritesSeconds, maxLagSeconds: cfg.replicaMaxLagSeconds },
        logger: {
          level: cfg.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
          ...(process.stdout.isTTY
            ? {
                transport: {
                  target: 'pino-pretty',
                  options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
                },
              }
            : {}),
        },
        webDir,
        secureCookies: cfg.publicUrl?.startsWith('https://') ?? false,
        publicUrl: cfg.publicUrl,
        // In the data dir, so a restart finds the files of interrupted imports and resumes them.
        imports: { dir: path.join(cfg.dataDir, 'imports'), maxBytes: cfg.importMaxBytes },
      });
      const jobs = await startJobs(handle, [...platformJobs(handle), ...jobRegistry.definitions], app.log);
      jobRegistry.attach(jobs);
      // Fresh planner statistics at start (PGlite has no autovacuum; see platform/db/statistics.ts).
      await jobs.send(ANALYZE_JOB, {});
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) {
          return;
        }
        closing = true;
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await jobs.stop();
        await handle.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: cfg.port, host: cfg.host });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
      const url = cfg.publicUrl ?? `http://${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${port}`;
      if (first) {
        printFirstRun(first, url);
      } else {
        const admin = await usersRepository.firstActiveAdmin(handle.db);
        console.log(
          `Sign in at ${url}${admin ? ` (admin: ${admin.email}; lost the password? npx tandem set-password --email … --password …)` : ''}`,
        );
      }
      console.log(
        `Tandem ${handle.engine === 'pglite' ? `on the embedded database (${cfg.dataDir})` : 'on PostgreSQL'} is ready at ${url} (started in ${Date.now() - started} ms)`,
      );
      console.log(`API docs: ${url}/api/docs${webDir ? '' : '   (web app not served: build it with npm run build)'}`);
    });
}
