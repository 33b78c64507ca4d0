import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// Readable product and transaction exports (docs/domain.md "Exports"): headers and labels in the reader's language,
// transactions one row per line with the customer and products by name; raw=true the machine format unchanged; the
// import reads a readable file back; an agent's export holds only the transactions of customers they may see.

const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-exports-commerce-'));
const h = await setup({ imports: { dir, maxBytes: 1024 * 1024 }, logger: false });
const admin = h.as(h.org.admin);
const a = await h.user(['agent'], { name: 'Agent A' });
const b = await h.user(['agent'], { name: 'Agent B' });

const ok = async <T>(res: Promise<{ statusCode: number; body: string; json: <X>() => X }>, code = 201) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(code);
  return r.json<T>();
};
const product = (who: Session, body: Record<string, unknown>) =>
  ok<{ id: string }>(h.as(who).post('/api/products', { currency: 'CNY', ...body }));
const customer = (who: Session, displayName: string, ownerId: string) =>
  ok<{ id: string }>(
    h
      .as(who)
      .post('/api/parties', { kind: 'person', displayName, ownerId, roles: [{ role: 'customer', stage: 'new' }] }),
  );

const beans = await product(h.org.admin, { name: '导出咖啡豆', sku: 'EXP-1', category: '饮品', price: '45.00' });
const tea = await product(h.org.admin, { name: '导出茶叶', sku: 'EXP-2', price: '30.00', active: false });
const buyer = await customer(h.org.admin, '导出买家', a.userId);
const other = await customer(h.org.admin, '导出他人', b.userId);
const tx1 = await ok<{ id: string }>(
  admin.post('/api/transactions', {
    partyId: buyer.id,
    currency: 'CNY',
    channel: 'store',
    occurredAt: '2026-03-01T02:00:00.000Z',
    note: '周末',
    lines: [
      { productId: beans.id, quantity: 2 },
      { productId: tea.id, quantity: 1 },
    ],
  }),
);
const tx2 = await ok<{ id: string }>(
  admin.post('/api/transactions', {
    partyId: buyer.id,
    currency: 'CNY',
    amount: '88.00',
    channel: 'online',
    externalId: 'EXP-ORD-9',
    occurredAt: '2026-03-02T02:00:00.000Z',
  }),
);
await ok(admin.post('/api/transactions', { partyId: other.id, currency: 'CNY', amount: '5.00', channel: 'phone' }));

const lines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
const rows = async (who: Session, url: string) => {
  const res = await h.as(who).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return lines(res.body);
};

type Job = { id: string; status: string; counts: Record<string, number | null> };
async function importFile(csv: string, entity: string, who: Session) {
  const up = await h.as(who).post(`/api/imports?entity=${entity}&fileName=back.csv`, Buffer.from(csv), {
    headers: { 'content-type': 'text/csv' },
  });
  expect(up.statusCode, up.body).toBe(201);
  const preview = up.json<{ job: Job; suggestedMapping: Record<string, string | null> }>();
  expect((await h.as(who).post(`/api/imports/${preview.job.id}/start`, {})).statusCode).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = (await h.as(who).get(`/api/imports/${preview.job.id}`)).json<Job>();
    if (!['queued', 'running'].includes(job.status)) {
      return { mapping: preview.suggestedMapping, job };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('readable product export', () => {
  const cols = 'name,sku,category,price,currency,active';
  it('uses headers and yes/no in Chinese or English; raw=true is unchanged', async () => {
    expect(await rows(h.org.admin, `/api/products/export?q=EXP-&lang=zh-CN&columns=${cols}`)).toEqual([
      '名称,SKU,类别,价格,币种,在售',
      '导出咖啡豆,EXP-1,饮品,45.00,CNY,是',
      '导出茶叶,EXP-2,,30.00,CNY,否',
    ]);
    expect(await rows(h.org.admin, `/api/products/export?q=EXP-&lang=en&columns=${cols}`)).toEqual([
      'Name,SKU,Category,Price,Currency,Active',
      '导出咖啡豆,EXP-1,饮品,45.00,CNY,Yes',
      '导出茶叶,EXP-2,,30.00,CNY,No',
    ]);
    const raw = await rows(h.org.admin, '/api/products/export?q=EXP-1&raw=true');
    expect(raw[0]).toBe('name,sku,externalId,category,price,currency,active,updatedAt,id');
    expect(raw[1]).toMatch(new RegExp(`^导出咖啡豆,EXP-1,,饮品,45.00,CNY,true,.*,${beans.id}$`));
  });
});

describe('readable transaction export', () => {
  it('writes one row per line, the transaction’s columns on its first line, names and labels', async () => {
    const url = `/api/transactions/export?partyId=${buyer.id}&sort=occurredAt`;
    expect(await rows(h.org.admin, `${url}&lang=zh-CN`)).toEqual([
      '订单号,交易时间,客户,金额,币种,渠道,产品,数量,单价,小计,备注,系统编号',
      `,2026-03-01T02:00:00.000Z,导出买家,120.00,CNY,门店,导出咖啡豆,2,45.00,90.00,周末,${tx1.id}`,
      ',,,,,,导出茶叶,1,30.00,30.00,,',
      `EXP-ORD-9,2026-03-02T02:00:00.000Z,导出买家,88.00,CNY,线上,,,,,,${tx2.id}`,
    ]);
    expect((await rows(h.org.admin, `${url}&lang=en`))[0]).toBe(
      'Order no.,Date,Customer,Amount,Currency,Channel,Product,Quantity,Unit price,Line amount,Note,System ID',
    );
    expect((await rows(h.org.admin, `${url}&lang=en&columns=channel,productName`)).slice(1)).toEqual([
      'Store,导出咖啡豆',
      ',导出茶叶',
      'Online,',
    ]);
  });

  it('keeps the machine format unchanged under raw=true', async () => {
    expect(await rows(h.org.admin, `/api/transactions/export?raw=true&partyId=${buyer.id}&sort=occurredAt`)).toEqual([
      'occurredAt,partyId,amount,currency,channel,externalId,products,note,id',
      `2026-03-01T02:00:00.000Z,${buyer.id},120.00,CNY,store,,导出咖啡豆×2; 导出茶叶×1,周末,${tx1.id}`,
      `2026-03-02T02:00:00.000Z,${buyer.id},88.00,CNY,online,EXP-ORD-9,,,${tx2.id}`,
    ]);
  });

  it('holds only the transactions of customers the agent may see', async () => {
    const customers = async (who: Session) =>
      [...new Set((await rows(who, '/api/transactions/export?columns=partyName&lang=en')).slice(1))]
        .filter(Boolean)
        .sort();
    expect(await customers(h.org.admin)).toEqual(['导出买家', '导出他人']);
    expect(await customers(a)).toEqual(['导出买家']);
    expect(await customers(b)).toEqual(['导出他人']);
    expect(await rows(b, `/api/transactions/export?partyId=${buyer.id}&lang=en&columns=id`)).toEqual(['System ID']);
  });
});

describe('a readable commerce export imports back', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`reads ${lang} products and transactions into another organisation as the same records`, async () => {
      const org = await h.newOrg(`exp${lang.replace('-', '').toLowerCase()}${Date.now().toString(36)}`);
      const products = (await admin.get(`/api/products/export?q=EXP-&lang=${lang}`)).body;
      const p = await importFile(products, 'products', org.admin);
      expect(p.job).toMatchObject({ status: 'completed', counts: { created: 2, failed: 0 } });
      expect(Object.values(p.mapping).filter(Boolean).sort()).toEqual(
        ['active', 'category', 'currency', 'externalId', 'name', 'price', 'sku'].sort(),
      );
      const copy = await customer(org.admin, '导出买家', org.admin.userId);
      const file = (await admin.get(`/api/transactions/export?partyId=${buyer.id}&lang=${lang}`)).body;
      const t = await importFile(file, 'transactions', org.admin);
      expect(t.job).toMatchObject({ status: 'completed', counts: { created: 2, failed: 0 } });
      const back = (await h.as(org.admin).get(`/api/transactions?partyId=${copy.id}&sort=occurredAt`)).json<{
        items: {
          amount: string;
          channel: string;
          externalId: string | null;
          note: string | null;
          lines: { productName: string; quantity: string; amount: string }[];
        }[];
      }>().items;
      expect(
        back.map((x) => ({
          amount: x.amount,
          channel: x.channel,
          externalId: x.externalId,
          note: x.note,
          lines: x.lines.map((l) => `${l.productName}×${Number(l.quantity)}=${l.amount}`),
        })),
      ).toEqual([
        {
          amount: '120.00',
          channel: 'store',
          externalId: null,
          note: '周末',
          lines: ['导出咖啡豆×2=90.00', '导出茶叶×1=30.00'],
        },
        { amount: '88.00', channel: 'online', externalId: 'EXP-ORD-9', note: null, lines: [] },
      ]);
    });
  }
});
