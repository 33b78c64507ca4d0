import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// Products and transactions imports (issue 5): mapping of Chinese headers, one row per line grouped
// by the transaction's external id, references, bad rows, upsert idempotence, revert, round trip.
const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-imports-commerce-'));
// Batches of 4 rows: transactions of 3 lines cross batch boundaries unless the runner keeps them whole.
const h = await setup({ imports: { dir, maxBytes: 1024 * 1024, batchSize: 4 }, logger: false });
const admin = h.as(h.org.admin);

type Job = { id: string; status: string; counts: Record<string, number | null>; message: string | null };
type Preview = { job: Job; suggestedMapping: Record<string, string | null>; fields: { key: string }[] };
type Product = {
  id: string;
  name: string;
  sku: string | null;
  externalId: string | null;
  category: string | null;
  price: string | null;
  currency: string;
  active: boolean;
};
type Tx = {
  id: string;
  partyId: string;
  occurredAt: string;
  amount: string;
  currency: string;
  channel: string | null;
  externalId: string | null;
  note: string | null;
  lines: { productId: string; quantity: string; unitPrice: string; amount: string }[];
};

async function importFile(
  csv: string,
  entity: string,
  start: Record<string, unknown> = {},
  who: Session = h.org.admin,
) {
  const up = await h.as(who).post(`/api/imports?entity=${entity}&fileName=x.csv`, Buffer.from(csv), {
    headers: { 'content-type': 'text/csv' },
  });
  expect(up.statusCode, up.body).toBe(201);
  const preview = up.json<Preview>();
  const started = await h.as(who).post(`/api/imports/${preview.job.id}/start`, start);
  expect(started.statusCode, started.body).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = (await h.as(who).get(`/api/imports/${preview.job.id}`)).json<Job>();
    if (!['queued', 'running'].includes(job.status)) {
      return { preview, job };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function errors(id: string) {
  const res = await admin.get(`/api/imports/${id}/errors.csv`);
  expect(res.statusCode).toBe(200);
  return res.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .slice(1);
}

const products = async (q: string) =>
  (await admin.get(`/api/products?q=${encodeURIComponent(q)}&limit=100`)).json<{ items: Product[] }>().items;
const txOf = async (partyId: string) =>
  (await admin.get(`/api/transactions?partyId=${partyId}&limit=100`)).json<{ items: Tx[] }>().items;
const partyId = async (email: string) =>
  (await admin.get(`/api/parties?q=${encodeURIComponent(email)}`)).json<{ items: { id: string }[] }>().items[0]
    ?.id as string;

// Customers to buy things, and a catalogue.
await importFile(
  '客户编号,姓名,邮箱,手机\nC-1,王小明,xiaoming@example.com,13800001111\nC-2,李华,lihua@example.com,13800002222\n',
  'parties',
  { upsertKey: 'externalId' },
);

describe('imports: products', () => {
  it('maps Chinese headers, reads thousands separators and 在售/停售, and upserts by external id idempotently', async () => {
    const csv =
      '外部编号,产品名称,货号,类别,价格,币种,状态\nP-1,绿茶,SKU-TEA,饮品,"1,234.50",人民币,在售\nP-2,咖啡豆,SKU-BEAN,食品,88,CNY,停售\n';
    const first = await importFile(csv, 'products', { upsertKey: 'externalId' });
    expect(first.preview.suggestedMapping).toEqual({
      外部编号: 'externalId',
      产品名称: 'name',
      货号: 'sku',
      类别: 'category',
      价格: 'price',
      币种: 'currency',
      状态: 'active',
    });
    expect(first.job).toMatchObject({ status: 'completed', counts: { created: 2, updated: 0, skipped: 0 } });
    expect((await products('SKU-TEA'))[0]).toMatchObject({
      name: '绿茶',
      externalId: 'P-1',
      category: '饮品',
      price: '1234.50',
      currency: 'CNY',
      active: true,
    });
    expect((await products('SKU-BEAN'))[0]?.active).toBe(false);

    const again = await importFile(csv, 'products', { upsertKey: 'externalId' });
    expect(again.job.counts).toMatchObject({ created: 0, updated: 2, skipped: 0 });
    expect((await products('绿茶')).length).toBe(1);
    expect((await products('SKU-TEA'))[0]?.price).toBe('1234.50');
  });

  it('reports bad product rows (no name, negative or bad price, unknown currency, a SKU in use) and writes the good ones', async () => {
    const csv =
      '产品名称,货号,价格,币种\n好产品,SKU-OK,10,CNY\n,SKU-NONAME,1,CNY\n负价,SKU-NEG,-5,CNY\n坏价,SKU-BAD,十元,CNY\n怪币,SKU-XXX,1,XYZ\n重复,SKU-TEA,1,CNY\n';
    const { job } = await importFile(csv, 'products');
    expect(job.counts).toMatchObject({ created: 1, skipped: 5 });
    const codes = (await errors(job.id)).map((l) => l.split(',').slice(0, 3).join(','));
    expect(codes).toEqual([
      '3,产品名称,required',
      '4,价格,too_small',
      '5,价格,invalid_number',
      '6,币种,invalid',
      '7,货号,duplicate_key',
    ]);
    expect((await products('SKU-OK'))[0]?.name).toBe('好产品');
  });

  it('round trip: exported products import into another organisation as the same catalogue', async () => {
    const exported = await admin.get(
      '/api/products/export?raw=true&q=SKU-&columns=name,sku,externalId,category,price,currency,active',
    );
    expect(exported.statusCode).toBe(200);
    const other = await h.newOrg(`pc${Date.now().toString(36)}`);
    const { job } = await importFile(exported.body, 'products', {}, other.admin);
    expect(job.counts).toMatchObject({ created: 3, skipped: 0 });
    const shape = (ps: Product[]) =>
      ps
        .map(({ name, sku, externalId, category, price, currency, active }) => ({
          name,
          sku,
          externalId,
          category,
          price,
          currency,
          active,
        }))
        .sort((a, b) => (a.sku ?? '').localeCompare(b.sku ?? ''));
    const theirs = (await h.as(other.admin).get('/api/products?q=SKU-&limit=100')).json<{ items: Product[] }>().items;
    expect(shape(theirs)).toEqual(shape(await products('SKU-')));
  });
});

describe('imports: transactions (one row per line, grouped by 订单号)', () => {
  it('imports transactions with lines, Chinese dates and amounts, party by 客户编号 / email / phone, product by SKU or external id', async () => {
    const csv = [
      '订单号,客户编号,邮箱,手机,交易日期,渠道,商品编号,数量,单价,金额,备注',
      'T-1,C-1,,,2024年3月5日,门店,SKU-TEA,2,"1,234.50","2,557.00",首单',
      'T-1,C-1,,,2024年3月5日,门店,SKU-BEAN,1,88.00,"2,557.00",',
      'T-2,,lihua@example.com,,2024/3/6,online,SKU-BEAN,3,,,',
      ',,,13800002222,2024-03-07,微信,,,,99.90,仅金额',
    ].join('\n');
    const { preview, job } = await importFile(csv, 'transactions');
    expect(preview.suggestedMapping).toMatchObject({
      订单号: 'externalId',
      客户编号: 'partyExternalId',
      邮箱: 'partyEmail',
      手机: 'partyPhone',
      交易日期: 'occurredAt',
      渠道: 'channel',
      商品编号: 'productSku',
      数量: 'quantity',
      单价: 'unitPrice',
      金额: 'amount',
      备注: 'note',
    });
    expect(job, (await errors(job.id)).join('\n')).toMatchObject({
      status: 'completed',
      counts: { total: 4, processed: 4, created: 3, skipped: 0 },
    });
    const [t1] = await txOf(await partyId('xiaoming@example.com'));
    expect(t1).toMatchObject({ externalId: 'T-1', amount: '2557.00', currency: 'CNY', channel: 'store', note: '首单' });
    expect(t1?.occurredAt.slice(0, 10)).toMatch(/2024-03-0[45]/);
    expect(t1?.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      ['2.000', '1234.50', '2469.00'],
      ['1.000', '88.00', '88.00'],
    ]);
    const lihua = await txOf(await partyId('lihua@example.com'));
    expect(lihua.map((t) => [t.externalId, t.amount, t.channel, t.lines.length]).sort()).toEqual(
      [
        [null, '99.90', 'wechat', 0],
        ['T-2', '264.00', 'online', 1],
      ].sort(),
    );
  });

  it('upserting by 订单号 twice leaves the same transactions; without the key a second run reports them as existing', async () => {
    const csv =
      '订单号,客户编号,日期,产品外部编号,数量\nU-1,C-2,2024/3/5,P-1,1\nU-1,C-2,2024/3/5,P-2,2\nU-2,C-2,2024/3/8,P-2,1\n';
    const first = await importFile(csv, 'transactions', { upsertKey: 'externalId' });
    expect(first.job.counts).toMatchObject({ created: 2, updated: 0, skipped: 0 });
    const second = await importFile(csv, 'transactions', { upsertKey: 'externalId' });
    expect(second.job.counts).toMatchObject({ created: 0, updated: 2, skipped: 0 });
    const mine = (await txOf(await partyId('lihua@example.com'))).filter((t) => t.externalId?.startsWith('U-'));
    expect(mine.map((t) => [t.externalId, t.amount, t.lines.length]).sort()).toEqual([
      ['U-1', '1410.50', 2],
      ['U-2', '88.00', 1],
    ]);
    const plain = await importFile(csv, 'transactions');
    expect(plain.job.counts).toMatchObject({ created: 0, skipped: 3 });
    expect((await errors(plain.job.id)).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '2,订单号,duplicate_key',
      '3,,transaction_failed',
      '4,订单号,duplicate_key',
    ]);
  });

  it('reports bad rows: unknown party or product, negative quantity, amount mismatch, bad date; the whole transaction is skipped', async () => {
    const csv = [
      '订单号,客户编号,日期,货号,数量,金额',
      'B-1,NOBODY,2024/3/5,SKU-TEA,1,',
      'B-2,C-1,2024/3/5,SKU-NONE,1,',
      'B-3,C-1,2024/3/5,SKU-TEA,-2,',
      'B-4,C-1,2024/3/5,SKU-TEA,1,1.00',
      'B-4,C-1,2024/3/5,SKU-BEAN,1,1.00',
      'B-5,C-1,2024年13月45日,SKU-TEA,1,',
      'B-6,C-1,2024/3/5,SKU-BEAN,"1,000",',
    ].join('\n');
    const { job } = await importFile(csv, 'transactions');
    expect(job.counts).toMatchObject({ total: 7, created: 1, skipped: 6 });
    const codes = (await errors(job.id)).map((l) => l.split(',').slice(0, 3).join(','));
    expect(codes).toEqual([
      '2,客户编号,unknown_reference',
      '3,货号,unknown_reference',
      '4,数量,too_small',
      '5,金额,amount_mismatch',
      '6,,transaction_failed',
      '7,日期,invalid_date',
    ]);
    const b6 = (await txOf(await partyId('xiaoming@example.com'))).find((t) => t.externalId === 'B-6');
    expect(b6?.lines[0]).toMatchObject({ quantity: '1000.000', amount: '88000.00' });
  });

  it('a transaction’s rows stay in one batch, and a revert deletes created transactions and restores updated ones', async () => {
    const base = '订单号,客户编号,日期,货号,数量\nR-1,C-1,2024/4/1,SKU-TEA,1\n';
    await importFile(base, 'transactions', { upsertKey: 'externalId' });
    const lines = ['订单号,客户编号,日期,货号,数量', 'R-1,C-1,2024/4/2,SKU-BEAN,5'];
    for (let i = 0; i < 30; i++) {
      lines.push(`R-G${Math.floor(i / 3)},C-1,2024/4/3,SKU-TEA,${(i % 3) + 1}`);
    }
    const { job } = await importFile(`${lines.join('\n')}\n`, 'transactions', { upsertKey: 'externalId' });
    expect(job.counts).toMatchObject({ created: 10, updated: 1, skipped: 0 });
    const mine = async () => txOf(await partyId('xiaoming@example.com'));
    const before = (await mine()).filter((t) => t.externalId?.startsWith('R-'));
    expect(before.length).toBe(11);
    expect(before.filter((t) => t.externalId?.startsWith('R-G')).every((t) => t.lines.length === 3)).toBe(true);
    const res = await admin.post(`/api/imports/${job.id}/revert`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ removed: 10, restored: 1, job: { status: 'reverted' } });
    const after = (await mine()).filter((t) => t.externalId?.startsWith('R-'));
    expect(after.map((t) => [t.externalId, t.amount, t.lines.length])).toEqual([['R-1', '1234.50', 1]]);
  });

  it('reverting a products import deletes the products it created unless transactions use them', async () => {
    const { job } = await importFile('产品名称,货号,价格\n临时品,SKU-TMP,5\n已售品,SKU-SOLD,7\n', 'products');
    await importFile('客户编号,货号,数量\nC-1,SKU-SOLD,1\n', 'transactions');
    const res = await admin.post(`/api/imports/${job.id}/revert`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      removed: 1,
      job: { message: expect.stringMatching(/1 imported product\(s\) kept/) },
    });
    expect(await products('SKU-TMP')).toEqual([]);
    expect((await products('SKU-SOLD')).length).toBe(1);
  });

  it('refuses a mapping without a customer column, and an agent (403)', async () => {
    const up = await admin.post(
      '/api/imports?entity=transactions&fileName=t.csv',
      Buffer.from('货号,数量\nSKU-TEA,1\n'),
      { headers: { 'content-type': 'text/csv' } },
    );
    const res = await admin.post(`/api/imports/${up.json<Preview>().job.id}/start`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/customer/);
    const agent = await h.user(['agent']);
    expect(
      (
        await h.as(agent).post('/api/imports?entity=products&fileName=p.csv', Buffer.from('产品名称\n某物\n'), {
          headers: { 'content-type': 'text/csv' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
