import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { standaloneDeps } from '../src/platform/deps.ts';
import { importsService } from '../src/modules/imports/index.ts';
import type { RequestContext } from '../src/platform/auth/actor.ts';
import { setup } from './harness.ts';

// One runner per job: two import services on the same database (two servers, or a CLI --resume
// next to a server) never both process a job; a lost lease stops a runner before it writes; an
// expired one lets another runner resume from the checkpoint.
const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-imports-lease-'));
const h = await setup({ logger: false });
const db = h.db.db;
const settings = { dir, maxBytes: 10 * 1024 * 1024, batchSize: 50 };
const service = () => importsService(standaloneDeps(db, h.db.engine, pino({ level: 'silent' })), settings);
const ROWS = 300;

const admin = await db
  .selectFrom('app_user')
  .selectAll()
  .where('id', '=', h.org.admin.userId)
  .executeTakeFirstOrThrow();
const ctx: RequestContext = {
  actor: {
    orgId: h.org.orgId,
    userId: admin.id,
    email: admin.email,
    displayName: admin.display_name,
    roles: admin.roles,
    orgUnitId: null,
    partyId: null,
    locale: 'en',
    authMethod: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
  },
  requestId: 'test',
  ip: null,
};

/** An uploaded parties file of ROWS rows, queued (as `start` leaves it) but not running. */
async function queuedJob(tag: string): Promise<string> {
  // No upsert key: a second runner processing the same rows would create them twice.
  const lines = ['姓名'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`${tag}-客户${i}`);
  }
  const preview = await service().upload(
    ctx,
    { entity: 'parties', fileName: `${tag}.csv` },
    Readable.from([`${lines.join('\n')}\n`]),
  );
  await db.updateTable('import_job').set({ status: 'queued' }).where('id', '=', preview.job.id).execute();
  return preview.job.id;
}

const counts = async (tag: string, id: string) => {
  const r = await sql<{ parties: number; items: number; processed: number }>`
    select (select count(*) from party where display_name like ${`${tag}-%`})::int as parties,
           (select count(*) from import_item where job_id = ${id})::int as items,
           (select processed from import_job where id = ${id}) as processed`.execute(db);
  return r.rows[0];
};

describe('imports: one runner per job', () => {
  it('two concurrent runs of the same job (two services on one database) write every row exactly once', async () => {
    const id = await queuedJob('L1');
    const [a, b] = await Promise.all([service().run(h.org.orgId, id), service().run(h.org.orgId, id)]);
    const finished = [a, b].filter((j) => j.status === 'completed');
    expect(finished.length).toBeGreaterThanOrEqual(1);
    expect(await counts('L1', id)).toEqual({ parties: ROWS, items: ROWS, processed: ROWS });
    const job = await db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'completed', created: ROWS, runner_id: null, lease_until: null });
  });

  it('a runner that lost its lease stops before writing its next batch; once the lease expires another resumes from the checkpoint', async () => {
    const id = await queuedJob('L2');
    const first = service();
    const stopped = await first.run(h.org.orgId, id, {
      onBatch: async (j) => {
        if (j.processed === 50) {
          // Another runner takes the job over (as if this one had stalled past its lease).
          await db
            .updateTable('import_job')
            .set({ runner_id: 'elsewhere:1:x', lease_until: sql<Date>`now() + interval '1 hour'` })
            .where('id', '=', id)
            .execute();
        }
      },
    });
    expect(stopped).toMatchObject({ status: 'running', processed: 50, runner_id: 'elsewhere:1:x' });
    expect(await counts('L2', id)).toEqual({ parties: 50, items: 50, processed: 50 });

    // While the other runner's lease holds, nobody else runs the job.
    const second = service();
    expect((await second.run(h.org.orgId, id)).processed).toBe(50);
    expect(await second.resumeUnfinished()).toBe(0);

    // It expires (the other runner died): the job resumes from its checkpoint.
    await db
      .updateTable('import_job')
      .set({ lease_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', id)
      .execute();
    const done = await second.run(h.org.orgId, id);
    expect(done).toMatchObject({ status: 'completed', created: ROWS, runner_id: null });
    expect(await counts('L2', id)).toEqual({ parties: ROWS, items: ROWS, processed: ROWS });
  });

  it('a lease held by a dead process on this host is taken over at once (CLI --resume after kill -9)', async () => {
    const id = await queuedJob('L3');
    await db
      .updateTable('import_job')
      .set({
        status: 'running',
        runner_id: `${os.hostname()}:2147483646:dead`,
        lease_until: sql<Date>`now() + interval '1 hour'`,
      })
      .where('id', '=', id)
      .execute();
    const done = await service().run(h.org.orgId, id);
    expect(done).toMatchObject({ status: 'completed', created: ROWS });
  });
});
