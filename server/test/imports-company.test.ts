import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PartyLink } from '../src/api.ts';
import { setup } from './harness.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-imports-company-'));
const h = await setup({ imports: { dir, maxBytes: 64 * 1024 }, logger: false });
const admin = h.as(h.org.admin);

async function importCsv(csv: string, start: Record<string, unknown> = {}) {
  const up = await admin.post('/api/imports?entity=parties&fileName=people.csv', Buffer.from(csv), {
    headers: { 'content-type': 'text/csv' },
  });
  expect(up.statusCode, up.body).toBe(201);
  const id = up.json<{ job: { id: string } }>().job.id;
  expect((await admin.post(`/api/imports/${id}/start`, start)).statusCode).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = (await admin.get(`/api/imports/${id}`)).json<{ status: string; counts: Record<string, number> }>();
    if (!['queued', 'running'].includes(job.status)) {
      return job;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}
const find = async (q: string) =>
  (await admin.get(`/api/parties?q=${encodeURIComponent(q)}&limit=100`)).json<{
    items: { id: string; displayName: string; kind: string; profile?: { facts: Record<string, unknown> } }[];
  }>().items;
const links = async (id: string) => (await admin.get(`/api/parties/${id}/links`)).json<{ items: PartyLink[] }>().items;

describe('imports: the company column', () => {
  it('matches an organisation by name (case-insensitive) or creates it, and links the person with works_at', async () => {
    const existing = await admin.post('/api/parties', { kind: 'organization', displayName: 'Acme Trading' });
    expect(existing.statusCode).toBe(201);
    const job = await importCsv(
      '姓名,邮箱,公司,职位\n' +
        '周杰,zhoujie@example.com,ACME trading,采购经理\n' +
        '吴磊,wulei@example.com,星辰科技,\n' +
        '郑爽,zhengshuang@example.com,星辰科技,工程师\n',
    );
    expect(job).toMatchObject({ status: 'completed', counts: { created: 3, skipped: 0 } });
    const [zhou] = await find('zhoujie@example.com');
    expect(zhou?.profile?.facts.company).toBeUndefined();
    expect(await links(zhou?.id ?? '')).toEqual([
      expect.objectContaining({
        type: 'works_at',
        role: '采购经理',
        direction: 'out',
        other: { id: existing.json().id, kind: 'organization', name: 'Acme Trading', visible: true },
      }),
    ]);
    // One organisation for both rows naming it; each person works there.
    const star = (await find('星辰科技')).filter((p) => p.kind === 'organization');
    expect(star).toHaveLength(1);
    const staff = await links(star[0]?.id ?? '');
    expect(staff.map((l) => [l.direction, l.other.name, l.role]).sort()).toEqual([
      ['in', '吴磊', null],
      ['in', '郑爽', '工程师'],
    ]);
    // Importing the same person again (upserted by email) adds no second link.
    await importCsv('姓名,邮箱,公司\n吴磊,wulei@example.com,星辰科技\n', { upsertKey: 'email' });
    expect(await links(star[0]?.id ?? '')).toHaveLength(2);
  });
});
