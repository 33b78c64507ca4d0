import { afterAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { platformJobs, startJobs } from '../src/platform/jobs/jobs.ts';
import { sql } from 'kysely';
import { ANALYZE_JOB } from '../src/platform/db/statistics.ts';
import { staleTables } from '../src/platform/db/statistics.repository.ts';
import { setup } from './harness.ts';

const h = await setup();
const jobs = await startJobs(h.db, platformJobs(h.db), pino({ level: 'silent' }), {
  pollingIntervalSeconds: 0.5,
  schedule: false,
});
afterAll(() => jobs.stop());

describe('job queue', () => {
  it('runs the session clean-up: expired sessions go, live ones stay', async () => {
    const live = await h.user(['agent']);
    const expired = await h.user(['agent']);
    await h.db.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', expired.userId)
      .execute();
    const id = await jobs.send('platform-session-cleanup', {});
    expect(id).toEqual(expect.any(String));
    expect(await jobs.waitFor('platform-session-cleanup', id as string)).toBe('completed');
    const left = await h.db.db
      .selectFrom('session')
      .select('user_id')
      .where('user_id', 'in', [live.userId, expired.userId])
      .execute();
    expect(left.map((r) => r.user_id)).toEqual([live.userId]);
    expect((await h.as(live).get('/api/auth/me')).statusCode).toBe(200);
  });

  it('keeps planner statistics fresh: a table grown through writes is analysed, once', async () => {
    // Rows written the way the API writes them, with no ANALYZE after (PGlite has no autovacuum).
    await sql`insert into party (org_id, id, kind, display_name)
      select ${h.org.orgId}, gen_random_uuid(), 'person', 'Customer ' || g from generate_series(1, 3000) g`.execute(
      h.db.db,
    );
    const tuples = async () =>
      (await sql<{ n: number }>`select reltuples::float8 as n from pg_class where relname = 'party'`.execute(h.db.db))
        .rows[0]?.n ?? 0;
    expect(await staleTables(h.db.db)).toContain('party');
    const id = await jobs.send(ANALYZE_JOB, {});
    expect(await jobs.waitFor(ANALYZE_JOB, id as string)).toBe('completed');
    expect(await tuples()).toBeGreaterThanOrEqual(3000);
    // Nothing grew since: the next run finds nothing to do.
    expect(await staleTables(h.db.db)).not.toContain('party');
  });

  it('keeps working while the API is busy on the same database', async () => {
    const calls = Array.from({ length: 20 }, () => h.as(h.org.admin).get('/api/users'));
    const id = await jobs.send('platform-session-cleanup', {});
    const results = await Promise.all(calls);
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(await jobs.waitFor('platform-session-cleanup', id as string)).toBe('completed');
  });
});
