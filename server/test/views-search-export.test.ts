import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);

describe('saved views', () => {
  it('are private to their user, per table, with unique names', async () => {
    const state = { filters: { role: 'agent', q: '张' }, sort: '-createdAt', columns: ['displayName', 'email'] };
    const created = await admin().post('/api/views', { table: 'users', name: '我的销售', state });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ table: 'users', name: '我的销售', state, version: 1 });
    expect((await admin().post('/api/views', { table: 'users', name: '我的销售', state })).statusCode).toBe(409);
    expect((await admin().get('/api/views?table=users')).json().items).toHaveLength(1);
    expect((await admin().get('/api/views?table=audit')).json().items).toHaveLength(0);

    const other = await h.user(['admin']);
    expect((await h.as(other).get('/api/views?table=users')).json().items).toHaveLength(0);
    expect((await h.as(other).delete(`/api/views/${created.json().id}`)).statusCode).toBe(404);
    expect(
      (await h.as(other).patch(`/api/views/${created.json().id}`, { name: 'mine now', version: 1 })).statusCode,
    ).toBe(404);

    const renamed = await admin().patch(`/api/views/${created.json().id}`, { name: 'Sales', version: 1 });
    expect(renamed.json()).toMatchObject({ name: 'Sales', version: 2 });
    expect((await admin().patch(`/api/views/${created.json().id}`, { name: 'Stale', version: 1 })).statusCode).toBe(
      409,
    );
    expect((await admin().delete(`/api/views/${created.json().id}`)).statusCode).toBe(204);
    expect((await admin().get('/api/views?table=users')).json().items).toHaveLength(0);
    const audit = (await admin().get(`/api/audit?entityType=view&entityId=${created.json().id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
  });

  it('refuses a malformed state or table key', async () => {
    expect((await admin().post('/api/views', { table: 'Users; drop', name: 'x', state: {} })).statusCode).toBe(400);
    expect(
      (await admin().post('/api/views', { table: 'users', name: 'x', state: { filters: { a: { nested: true } } } }))
        .statusCode,
    ).toBe(400);
    expect((await admin().post('/api/views', { table: 'users', name: 'x', state: { evil: 1 } })).statusCode).toBe(400);
  });
});

describe('global search', () => {
  it('finds users by a Chinese substring and org units by name, within the organisation', async () => {
    await admin().post('/api/users', {
      email: 'zhangwei@example.com',
      displayName: '张伟',
      password: 'a-long-password',
      roles: ['agent'],
    });
    await admin().post('/api/org-units', { name: '华东销售区' });
    const res = await admin().get(`/api/search?q=${encodeURIComponent('伟')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        type: 'user',
        title: '张伟',
        subtitle: 'zhangwei@example.com',
        url: expect.stringContaining('/settings/users'),
      }),
    ]);
    const units = (await admin().get(`/api/search?q=${encodeURIComponent('华东')}`)).json().items;
    expect(units).toEqual([expect.objectContaining({ type: 'org_unit', title: '华东销售区' })]);
    const other = await h.newOrg('search-other');
    expect((await h.as(other.admin).get(`/api/search?q=${encodeURIComponent('伟')}`)).json().items).toEqual([]);
    expect((await admin().get('/api/search?q=')).statusCode).toBe(400);
  });
});

describe('global search: cases and products', () => {
  it('finds cases by subject only for whoever may read them, and products by name or SKU', async () => {
    const mine = await h.user(['agent']);
    const stranger = await h.user(['agent']);
    const party = (await h.as(mine).post('/api/parties', { kind: 'person', displayName: '钱客户' })).json();
    const filed = await h.as(mine).post('/api/cases', {
      type: 'complaint',
      partyId: party.id,
      subject: '路由器 Zephyr 无法联网',
      description: 'secret-detail-xyz',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const search = async (who: typeof mine, q: string) =>
      (await h.as(who).get(`/api/search?q=${encodeURIComponent(q)}`)).json<{ items: { type: string }[] }>().items;
    expect(await search(mine, 'zephyr')).toEqual([
      expect.objectContaining({
        type: 'case',
        title: '路由器 Zephyr 无法联网',
        subtitle: '钱客户',
        url: `/service/cases/${filed.json().id}`,
      }),
    ]);
    expect(await search(stranger, 'Zephyr')).toEqual([]);
    // Text the result would not show is not searched: the description stays out of reach.
    expect(await search(mine, 'secret-detail-xyz')).toEqual([]);

    const made = await admin().post('/api/products', { name: 'Quokka 净水器', sku: 'QK-100', currency: 'CNY' });
    expect(made.statusCode, made.body).toBe(201);
    for (const q of ['quokka', 'qk-1']) {
      expect(await search(stranger, q)).toEqual([
        expect.objectContaining({
          type: 'product',
          title: 'Quokka 净水器',
          subtitle: 'QK-100',
          url: `/value/products?q=${encodeURIComponent('Quokka 净水器')}`,
        }),
      ]);
    }
    const other = await h.newOrg('search-products-other');
    expect((await h.as(other.admin).get('/api/search?q=quokka')).json().items).toEqual([]);
  });
});

describe('export', () => {
  it('CSV is UTF-8 with a BOM by default, honours filters and columns', async () => {
    const res = await admin().get('/api/users/export?raw=true&format=csv&role=agent&columns=displayName,email');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="users-\d{4}-\d{2}-\d{2}\.csv"/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('displayName,email');
    expect(lines).toContain('张伟,zhangwei@example.com');
    expect(lines.some((l) => l.includes(h.org.admin.email))).toBe(false);
  });

  it('CSV in GB18030 on request, for older Chinese Excel', async () => {
    const res = await admin().get('/api/users/export?raw=true&encoding=gb18030&columns=displayName');
    expect(res.headers['content-type']).toContain('gb18030');
    expect(iconv.decode(res.rawPayload, 'gb18030')).toContain('张伟');
    expect(res.rawPayload.toString('utf8')).not.toContain('张伟');
  });

  it('XLSX opens as a workbook with the rows', async () => {
    const res = await admin().get('/api/users/export?raw=true&format=xlsx&columns=displayName,roles');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values = ws
      ?.getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values?.[0]).toEqual(['displayName', 'roles']);
    expect(values).toContainEqual(['张伟', 'agent']);
  });

  it('refuses unknown columns; the audit export is for admins', async () => {
    expect((await admin().get('/api/users/export?columns=password_hash')).statusCode).toBe(400);
    const agent = await h.user(['agent']);
    expect((await h.as(agent).get('/api/audit/export')).statusCode).toBe(403);
    const audit = await admin().get('/api/audit/export?raw=true&entityType=user&columns=action,entityType');
    expect(audit.statusCode).toBe(200);
    expect(audit.rawPayload.subarray(3).toString('utf8')).toContain('create,user');
  });

  it('exports every row of the filtered list', async () => {
    const org = await h.newOrg('export-many');
    await Promise.all(Array.from({ length: 12 }, (_, i) => h.as(org.admin).post('/api/org-units', { name: `U${i}` })));
    const res = await h.as(org.admin).get('/api/audit/export?raw=true&columns=action,entityType');
    const lines = res.rawPayload.subarray(3).toString('utf8').trim().split('\n');
    expect(lines.filter((l) => l === 'create,org_unit')).toHaveLength(12);
  });
});
