import { afterAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { platformJobs, startJobs } from '../src/platform/jobs/jobs.ts';
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

  it('keeps working while the API is busy on the same database', async () => {
    const calls = Array.from({ length: 20 }, () => h.as(h.org.admin).get('/api/users'));
    const id = await jobs.send('platform-session-cleanup', {});
    const results = await Promise.all(calls);
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(await jobs.waitFor('platform-session-cleanup', id as string)).toBe('completed');
  });
});
