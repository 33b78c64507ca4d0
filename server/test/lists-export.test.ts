import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// Readable exports (docs/domain.md "Exports"): headers, labels and names in the reader's language; raw=true keeps
// the machine format; a readable file imports back.

const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-lists-export-'));
const h = await setup({ imports: { dir, maxBytes: 64 * 1024 } });
const admin = h.as(h.org.admin);

const unit = (await admin.post('/api/org-units', { name: '华东销售部' })).json<{ id: string }>().id;
const alice = await h.user(['agent'], { name: 'Alice Wang', orgUnitId: unit });

const created = async (who: Session, body: Record<string, unknown>) => {
  const res = await h.as(who).post('/api/parties', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
await created(h.org.admin, {
  kind: 'organization',
  displayName: '读取甲公司',
  externalId: 'RD-1',
  emails: ['rd1@example.com'],
  phones: ['13800138001'],
  tags: ['VIP', '重点'],
  ownerId: alice.userId,
  roles: [
    { role: 'customer', stage: 'at_risk' },
    { role: 'partner', stage: 'won_back' },
  ],
});
await created(h.org.admin, {
  kind: 'person',
  displayName: '读取乙',
  externalId: 'RD-2',
  emails: ['rd2@example.com'],
  ownerId: alice.userId,
  roles: [{ role: 'customer', stage: 'loyal' }],
});

const lines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

describe('readable party export', () => {
  it('uses headers, labels and names in Chinese or English, emails and phones in their own columns', async () => {
    const cols = 'displayName,kind,roles,stage,emails,phones,tags,ownerId,ownerUnit';
    const zh = await admin.get(`/api/parties/export?q=读取甲&lang=zh-CN&columns=${cols}`);
    expect(zh.statusCode, zh.body).toBe(200);
    expect(lines(zh.body)).toEqual([
      '名称,类型,角色,阶段,邮箱,电话,标签,负责人,负责人部门',
      "读取甲公司,组织,顾客; 合作伙伴,流失风险; 已挽回,rd1@example.com,'+8613800138001,VIP; 重点,Alice Wang,华东销售部",
    ]);
    const en = await admin.get(`/api/parties/export?q=读取甲&lang=en&columns=${cols}`);
    expect(lines(en.body)).toEqual([
      'Name,Type,Roles,Stage,Email,Phone,Tags,Owner,Owner’s unit',
      "读取甲公司,Organization,Customer; Partner,At risk; Won back,rd1@example.com,'+8613800138001,VIP; 重点,Alice Wang,华东销售部",
    ]);
    // Without ?lang= the caller's language setting decides; the combined contact column is the machine format's.
    expect((await admin.patch('/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    expect(lines((await admin.get('/api/parties/export?q=读取甲&columns=displayName,kind')).body)[0]).toBe('Name,Type');
    expect((await admin.patch('/api/auth/me', { locale: 'zh-CN' })).statusCode).toBe(200);
    expect(lines((await admin.get('/api/parties/export?q=读取甲&columns=displayName,kind')).body)[0]).toBe('名称,类型');
    expect((await admin.get('/api/parties/export?columns=contact')).statusCode).toBe(400);
    expect((await admin.get('/api/parties/export?lang=fr')).statusCode).toBe(400);
  });

  it('keeps the machine format unchanged under raw=true', async () => {
    const raw = await admin.get('/api/parties/export?q=读取甲&raw=true');
    expect(raw.statusCode).toBe(200);
    const [head, row] = lines(raw.body);
    expect(head).toBe(
      'displayName,externalId,kind,roles,stage,level,quadrant,stakeholderGroup,contact,emails,phones,tags,ownerId,createdAt,updatedAt,id',
    );
    expect(row).toContain('organization,customer:at_risk partner:won_back,at_risk won_back,');
    expect(row).toContain(`,VIP 重点,${alice.userId},`);
  });
});

type Job = { id: string; status: string; counts: Record<string, number | null> };
async function importCsv(csv: string, start: Record<string, unknown> = {}) {
  const up = await admin.post('/api/imports?entity=parties&fileName=back.csv', Buffer.from(csv), {
    headers: { 'content-type': 'text/csv' },
  });
  expect(up.statusCode, up.body).toBe(201);
  const preview = up.json<{ job: Job; suggestedMapping: Record<string, string | null> }>();
  expect((await admin.post(`/api/imports/${preview.job.id}/start`, start)).statusCode).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = (await admin.get(`/api/imports/${preview.job.id}`)).json<Job>();
    if (!['queued', 'running'].includes(job.status)) {
      return { mapping: preview.suggestedMapping, job };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

type PartyOut = {
  displayName: string;
  kind: string;
  ownerId: string | null;
  tags: string[];
  roles: { role: string; stage: string }[];
};
const byName = async (q: string) =>
  (await admin.get(`/api/parties?q=${encodeURIComponent(q)}`)).json<{ items: PartyOut[] }>().items;

describe('a readable export imports back', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`maps ${lang} headers to fields, labels to codes and owner names to users`, async () => {
      const file = (await admin.get(`/api/parties/export?q=读取&lang=${lang}`)).body;
      // The same rows as new parties: other external ids and names.
      const copy = file.replaceAll('RD-', `RB${lang}-`).replaceAll('读取', `回读${lang}`);
      const { mapping, job } = await importCsv(copy, { upsertKey: 'externalId' });
      expect(job).toMatchObject({ status: 'completed', counts: { created: 2, failed: 0, skipped: 0 } });
      expect(Object.values(mapping).filter(Boolean).sort()).toEqual(
        [
          'displayName',
          'emails',
          'externalId',
          'kind',
          'level',
          'owner',
          'phones',
          'roles',
          'stage',
          'stakeholderGroup',
          'tags',
        ].sort(),
      );
      const [org] = await byName(`回读${lang}甲`);
      expect(org).toMatchObject({ kind: 'organization', ownerId: alice.userId, tags: ['VIP', '重点'] });
      expect(org?.roles.map((r) => `${r.role}:${r.stage}`).sort()).toEqual(['customer:at_risk', 'partner:won_back']);
      const [person] = await byName(`回读${lang}乙`);
      expect(person?.roles.map((r) => `${r.role}:${r.stage}`)).toEqual(['customer:loyal']);
    });
  }

  it('refuses a row whose owner name two users share', async () => {
    await h.user(['agent'], { name: 'Same Name' });
    await h.user(['agent'], { name: 'Same Name' });
    const { job } = await importCsv('Name,Owner\n同名甲,Same Name\n同名乙,Alice Wang\n');
    expect(job.counts).toMatchObject({ created: 1, failed: 1 });
    const errors = await admin.get(`/api/imports/${job.id}/errors.csv`);
    expect(errors.body).toContain('ambiguous_reference');
  });
});
