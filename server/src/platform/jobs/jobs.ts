import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database.ts';
import { sessionsRepository } from '../auth/sessions.repository.ts';
import { throttleRepository } from '../auth/throttle.repository.ts';
import { ANALYZE_JOB, refreshStatistics } from '../db/statistics.ts';

/** A job a module registers: its queue, an optional cron schedule, and an idempotent handler. */
export interface JobDefinition<T extends object = object> {
  name: string;
  cron?: string;
  handler: (data: T) => Promise<void>;
}

/** When a job may start: `startAfter` seconds from now; one queued job per `singletonKey`. */
export interface SendOptions {
  startAfter?: number;
  singletonKey?: string;
}

export interface Jobs {
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Waits until a job has finished (tests, CLI); resolves its final state. */
  waitFor(name: string, id: string, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** Platform jobs; modules add theirs to this list. */
export function platformJobs(handle: DatabaseHandle): JobDefinition[] {
  return [
    {
      name: 'platform-session-cleanup',
      cron: '17 * * * *',
      handler: async () => {
        await sessionsRepository.deleteExpired(handle.db);
        await throttleRepository.deleteEnded(handle.db);
      },
    },
    {
      name: ANALYZE_JOB,
      cron: '*/5 * * * *',
      handler: async () => {
        await refreshStatistics(handle.db);
      },
    },
  ];
}

/**
 * The persistent job queue (pg-boss 10) on either engine. It talks to the database through the
 * handle's raw executor, which on PGlite serialises with every other statement and sends
 * multi-statement text through the simple protocol.
 */
export async function startJobs(
  handle: DatabaseHandle,
  definitions: JobDefinition[],
  log: FastifyBaseLogger,
  opts: { pollingIntervalSeconds?: number; schedule?: boolean } = {},
): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => handle.raw(text, values) },
    schema: 'pgboss',
    schedule: opts.schedule ?? true,
    supervise: true,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const def of definitions) {
    await boss.createQueue(def.name);
    await boss.work<object>(def.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async (batch) => {
      for (const job of batch) {
        await def.handler(job.data);
      }
    });
    if (def.cron && (opts.schedule ?? true)) {
      await boss.schedule(def.name, def.cron);
    }
  }
  return {
    send: (name, data, options) => (options ? boss.send(name, data, options) : boss.send(name, data)),
    async waitFor(name, id, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await boss.getJobById(name, id, { includeArchive: true });
        if (job && ['completed', 'failed', 'cancelled'].includes(job.state)) {
          return job.state;
        }
        if (Date.now() > until) {
          throw new Error(`Job ${name} ${id} did not finish in ${timeoutMs} ms (state ${job?.state ?? 'unknown'})`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/**
 * The jobs of one app instance: modules `define` theirs while registering routes; `serve` starts the
 * queue with them and `attach`es it. Without a running queue (tests, one-off CLI commands) `send`
 * answers null and the caller decides: run the work inline, or leave it for the next start.
 */
export class JobRegistry {
  readonly definitions: JobDefinition[] = [];
  #queue: Jobs | undefined;

  define<T extends object>(def: JobDefinition<T>): void {
    if (this.definitions.some((d) => d.name === def.name)) {
      throw new Error(`Job defined twice: ${def.name}`);
    }
    this.definitions.push(def as unknown as JobDefinition);
  }

  attach(queue: Jobs | undefined): void {
    this.#queue = queue;
  }

  get running(): boolean {
    return this.#queue !== undefined;
  }

  async send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null> {
    return this.#queue ? this.#queue.send(name, data, options) : null;
  }
}
