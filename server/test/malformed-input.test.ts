import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

// Each case here is a class of input the fuzzer (fuzz.slow.test.ts) once turned into a 5xx: it must answer a 4xx
// in the one error shape (or be taken as the valid input it is).
const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-malformed-test-'));
const h = await setup({ imports: { dir, maxBytes: 1024 * 1024 } });
const admin = h.as(h.org.admin);
const agent = await h.user(['agent']);

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const uuid = '6ba7b810-9dad-41d1-80b4-00c04fd430c8';

function expect400(res: { statusCode: number; body: string }, code?: string) {
  expect(res.statusCode, res.body).toBe(400);
  const body = JSON.parse(res.body) as { error: { code: string; message: string; details?: { code: string }[] } };
  expect(body.error.code).toBe('VALIDATION_FAILED');
  expect(body.error.message).toEqual(expect.any(String));
  if (code) {
    expect(body.error.details?.map((d) => d.code)).toContain(code);
  }
}

/** A raw request as the admin (cookie and CSRF token): any method, any body, any content type. */
const send = (method: 'PUT' | 'POST', url: string, payload: string | Buffer, type = 'application/json') =>
  h.app.inject({
    method,
    url,
    headers: { cookie: h.org.admin.cookie, 'x-csrf-token': h.org.admin.csrf, 'content-type': type },
    payload,
  });

const party = async (body: Record<string, unknown> = {}) => {
  const res = await admin.post('/api/parties', { kind: 'person', displayName: 'Ann', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
};

describe('numbers the database cannot hold', () => {
  it('a version beyond a PostgreSQL integer answers 400, in the body or the query', async () => {
    const p = await party();
    expect400(await admin.patch(`/api/parties/${p.id}`, { displayName: 'Bo', version: 9007199254740991 }));
    expect400(await admin.patch(`/api/parties/${p.id}`, { displayName: 'Bo', version: 2 ** 31 }));
    expect400(await admin.delete(`/api/parties/${p.id}/roles/customer?version=9007199254740991`));
    const ok = await admin.patch(`/api/parties/${p.id}`, { displayName: 'Bo', version: 2 ** 31 - 1 });
    expect(ok.statusCode).toBe(409);
  });
});

describe('money the database cannot hold', () => {
  it('a line or a total beyond numeric(14,2) answers 400 amount_out_of_range', async () => {
    const p = await party();
    const product = (await admin.post('/api/products', { name: 'Tea', currency: 'CNY', price: '10.00' })).json();
    const tx = (lines: Record<string, unknown>[]) =>
      admin.post('/api/transactions', {
        partyId: p.id,
        currency: 'CNY',
        lines: lines.map((l) => ({ productId: product.id, ...l })),
      });
    expect400(await tx([{ quantity: 999999999, unitPrice: '999999999999.99' }]), 'amount_out_of_range');
    expect400(await tx([{ amount: '600000000000.00' }, { amount: '600000000000.00' }]), 'amount_out_of_range');
    expect((await tx([{ quantity: '3.5', unitPrice: '0.99' }])).json()).toMatchObject({ amount: '3.47' });
  });
});

describe('dates and times outside what the database stores', () => {
  it('refuses years 0000 and past 9999 (after the offset) as 400, in queries and bodies', async () => {
    expect400(await admin.get('/api/parties?createdTo=0000-01-01T00:00:00Z'));
    expect400(await admin.get('/api/parties?createdFrom=0001-01-01T00:00:00%2B23:59'));
    expect400(await admin.get('/api/transactions/export?to=9999-12-31T23:59:59-23:59'));
    expect400(await admin.get('/api/audit?from=0000-01-01T00:00:00.000Z'));
    expect400(await admin.get('/api/cases/metrics?from=0000-01-01&to=2024-01-01'));
    expect400(await admin.get('/api/cases/metrics?from=2010-05-08&to=9999-12-31'), 'out_of_range');
    expect((await admin.get('/api/cases/metrics?from=2010-05-08&to=9999-12-30')).statusCode).toBe(200);
    const p = await party();
    expect400(
      await admin.post('/api/interactions', {
        partyId: p.id,
        channel: 'phone',
        subject: 'x',
        occurredAt: '0000-06-01T00:00:00Z',
      }),
    );
  });

  it('refuses analysis days whose default window would reach before the year 0001, naming the field', async () => {
    const party = (await admin.post('/api/parties', { kind: 'person', displayName: 'Window edge' })).json();
    for (const [url, field] of [
      [`/api/parties/${party.id}/suggestions?to=0001-07-03`, 'to'],
      [`/api/parties/${party.id}/wallet?asOf=0001-01-01`, 'asOf'],
      ['/api/people/turnover?to=0001-04-05&groupBy=orgUnit', 'to'],
    ] as const) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].path, url).toEqual(['querystring', field]);
    }
  });

  it('takes any offset the format allows, stored as the same instant', async () => {
    const res = await admin.post('/api/surveys', {
      title: { zh: '满意度', en: 'Satisfaction' },
      kind: 'nps',
      audience: { kind: 'customers' },
      opensAt: '1900-08-19T20:11:00.000-23:59',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().opensAt).toBe('1900-08-20T20:10:00.000Z');
  });
});

describe('forged cursors', () => {
  it('refuses cursors whose values fit JavaScript but not the column they are compared with', async () => {
    await admin.post('/api/field-definitions', { key: 'note', labelZh: '备注', labelEn: 'Note', type: 'text' });
    for (const [url, cursor] of [
      ['/api/field-definitions', ['x', 12345]],
      ['/api/imports', ['0000-01-01T00:00:00.000Z', uuid]],
      ['/api/imports', ['2024-02-30T00:00:00.000Z', uuid]],
      ['/api/imports', ['2024-12-31T24:00:00.000Z', uuid]],
      ['/api/imports', ['1', uuid]],
      ['/api/imports', [1e20, uuid]],
      ['/api/audit', [1e20, 1]],
      ['/api/audit', [5, uuid]],
      ['/api/parties', ['a', '2024-01-01T00:00:00.000Z', 12345]],
    ] as const) {
      expect400(await admin.get(`${url}?cursor=${b64(cursor)}`), 'invalid_cursor');
    }
    const page = await admin.get(`/api/audit?limit=1`);
    const next = page.json<{ nextCursor: string }>().nextCursor;
    expect((await admin.get(`/api/audit?limit=1&cursor=${next}`)).statusCode).toBe(200);
  });
});

describe('text no column can store', () => {
  it('refuses NUL characters and lone surrogates in the path, query and JSON body, naming the field', async () => {
    expect400(await admin.get('/api/parties?q=a%00b'), 'nul_character');
    expect400(await admin.get('/api/parties/a%00b'), 'nul_character');
    for (const name of ['"A\\u0000nn"', '"\\ud800"', '"x\\udfff"']) {
      const res = await send('POST', '/api/parties', `{"kind":"person","displayName":${name},"facts":{"k":${name}}}`);
      expect400(res);
      expect(res.json().error.details[0].path).toEqual(['body', 'displayName']);
    }
    expect((await admin.post('/api/parties', { kind: 'person', displayName: '😀 𝕏' })).statusCode).toBe(201);
  });
});

describe('empty filter and reference values', () => {
  it('an empty stakeholder group filter lists (for any role) and an empty group key is refused', async () => {
    const p = await party({ roles: [{ role: 'customer' }] });
    const list = await h.as(agent).get('/api/parties?role=customer&stakeholderGroup=&status=deleted');
    expect(list.statusCode, list.body).toBe(200);
    expect((await admin.get('/api/parties?role=customer&stage=')).statusCode).toBe(200);
    const role = await send('PUT', `/api/parties/${p.id}/roles/supplier`, JSON.stringify({ stakeholderGroup: '' }));
    expect400(role, 'unknown_reference');
  });
});

describe('URLs the router refuses', () => {
  it('answers an over-long path parameter with 414 and bad percent-encoding with 400, in the error shape', async () => {
    const long = await admin.get(`/api/parties/${'a'.repeat(5000)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe('URI_TOO_LONG');
    for (const url of ['/api/parties/%E0%A4%A', '/api/parties/%zz']) {
      expect400(await admin.get(url));
    }
  });
});

const upload = (file: Buffer | string, type = 'text/csv', entity = 'parties') =>
  send('POST', `/api/imports?entity=${entity}&fileName=f.csv`, Buffer.from(file), type);

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['name', 'email']);
  for (let i = 0; i < 50; i++) {
    ws.addRow([`Person ${i}`, `p${i}@example.com`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with bytes of its first worksheet's compressed data overwritten (a damaged download). */
function damaged(xlsx: Buffer): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const at = xlsx.indexOf(name);
  const header = at - 30;
  const data = at + name.length + xlsx.readUInt16LE(header + 28);
  const copy = Buffer.from(xlsx);
  copy.fill(0xff, data + 2, data + 12);
  return copy;
}

describe('files that are not what they claim', () => {
  it('binary data sent as CSV answers 400 binary_file with a clear message', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.alloc(200, 7),
    ]);
    const noZeros = Buffer.from(Array.from({ length: 4000 }, (_, i) => ((i * 131 + 7) % 255) + 1));
    for (const file of [png, noZeros, 'name,email\nA\u0000nn,x\n', 'na\u0000me\nAnn\n']) {
      const res = await upload(file);
      expect400(res, 'binary_file');
      expect(res.json().error.message).toMatch(/binary/);
    }
  });

  it('a damaged or truncated workbook answers 400 unreadable_workbook (and does not hang)', async () => {
    const xlsx = await workbook();
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect((await upload(xlsx, type)).statusCode).toBe(201);
    for (const file of [damaged(xlsx), xlsx.subarray(0, xlsx.length - 200), xlsx.subarray(0, 100)]) {
      expect400(await upload(file, type), 'unreadable_workbook');
    }
  });

  it('an encoding named like an Object.prototype key answers 400 unknown_encoding, at upload and at start', async () => {
    const csv = Buffer.from('name\nAnn\n');
    expect400(
      await send('POST', '/api/imports?entity=parties&encoding=constructor', csv, 'text/csv'),
      'unknown_encoding',
    );
    const up = await upload('name,email\nAnn,ann@example.com\n');
    expect400(
      await admin.post(`/api/imports/${up.json().job.id}/start`, { encoding: 'constructor' }),
      'unknown_encoding',
    );
  });

  it('a header line with a quote never closed answers 400', async () => {
    expect400(await upload('"name,email\nAnn,ann@example.com\n'), 'unclosed_quote');
  });

  it('a NUL past the part checked at upload fails that row only', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Person ${i},p${i}@example.com`).join('\n');
    const up = await upload(`name,email\n${rows}\nNul\u0000Row,nul@example.com\nLast,last@example.com\n`);
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().job.id as string;
    expect((await admin.post(`/api/imports/${id}/start`, {})).statusCode).toBe(202);
    let job = { status: 'queued', counts: {} as Record<string, number> };
    for (let i = 0; i < 400 && ['queued', 'running'].includes(job.status); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await admin.get(`/api/imports/${id}`)).json();
    }
    expect(job).toMatchObject({ status: 'completed', counts: { created: 3001, skipped: 1 } });
    expect((await admin.get(`/api/imports/${id}/errors.csv`)).body).toContain('nul_character');
  });

  it('the preview of an import whose file is gone (a finished dry run) answers 409', async () => {
    const up = await upload('name,email\nDry,dry@example.com\n');
    const id = up.json().job.id as string;
    expect((await admin.post(`/api/imports/${id}/start`, { dryRun: true })).statusCode).toBe(202);
    for (let i = 0; i < 200 && (await admin.get(`/api/imports/${id}`)).json().status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await admin.post(`/api/imports/${id}/preview`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
  });
});

describe('SLA targets a calendar cannot schedule', () => {
  const targets = (resolveMinutes: number) =>
    Object.fromEntries(
      ['low', 'normal', 'high', 'urgent'].map((p) => [p, { firstResponseMinutes: 60, resolveMinutes }]),
    );
  const tiny = [{ weekday: 3, start: '09:00', end: '09:05' }];

  it('are refused when the policy is saved, so cases under it always get a due time', async () => {
    const base = { name: 'Tiny', timeZone: 'UTC', hours: tiny };
    expect400(await admin.post('/api/sla-policies', { ...base, targets: targets(5_256_000) }), 'unreachable_target');
    const ok = await admin.post('/api/sla-policies', { ...base, targets: targets(600) });
    expect(ok.statusCode, ok.body).toBe(201);
    const policy = ok.json<{ id: string }>();
    expect400(
      await admin.patch(`/api/sla-policies/${policy.id}`, { targets: targets(5_256_000), version: 1 }),
      'unreachable_target',
    );
    const c = await admin.post('/api/cases', { type: 'inquiry', subject: 'Due?', slaPolicyId: policy.id });
    expect(c.statusCode, c.body).toBe(201);
  });
});
