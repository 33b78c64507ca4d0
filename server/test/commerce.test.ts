import { describe, expect, it } from 'vitest';
import { systemWho } from '../src/platform/audit/audit.ts';
import {
  bulkUpsertProducts,
  bulkUpsertTransactions,
  deleteTransactions,
  restoreTransactionSnapshots,
} from '../src/modules/commerce/index.ts';
import { setup, type Session } from './harness.ts';

const h = await setup();
const admin = h.as(h.org.admin);

const newCustomer = async (s: Session, name: string) => {
  const res = await h.as(s).post('/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }] });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
};
const newProduct = async (body: Record<string, unknown>) => {
  const res = await admin.post('/api/products', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; price: string | null; version: number }>();
};

const tea = await newProduct({
  name: '龙井茶 Longjing tea',
  sku: 'TEA-1',
  category: 'tea',
  price: 88.5,
  currency: 'cny',
});
const cup = await newProduct({ name: 'Cup', sku: 'CUP-1', category: 'ware', price: '12.00', currency: 'CNY' });

describe('products', () => {
  it('creates, reads, lists, searches and updates products with exact money', async () => {
    expect(tea.price).toBe('88.50');
    const got = (await admin.get(`/api/products/${tea.id}`)).json();
    expect(got).toMatchObject({
      name: '龙井茶 Longjing tea',
      currency: 'CNY',
      price: '88.50',
      active: true,
      category: 'tea',
    });
    const found = (await admin.get(`/api/products?q=${encodeURIComponent('龙井')}`)).json().items;
    expect(found.map((p: { id: string }) => p.id)).toEqual([tea.id]);
    const upd = await admin.patch(`/api/products/${cup.id}`, { price: 13.1, version: cup.version });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().price).toBe('13.10');
    expect((await admin.patch(`/api/products/${cup.id}`, { price: 14, version: cup.version })).statusCode).toBe(409);
  });

  it('rejects bad input: unknown currency, negative price, taken SKU; agents may not change the catalogue', async () => {
    expect((await admin.post('/api/products', { name: 'X', currency: 'XXQ' })).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await admin.post('/api/products', { name: 'X', currency: 'CNY', price: -1 })).statusCode).toBe(400);
    expect((await admin.post('/api/products', { name: 'X', currency: 'CNY', price: 1.234 })).statusCode).toBe(400);
    expect((await admin.post('/api/products', { name: 'Other', sku: 'TEA-1', currency: 'CNY' })).statusCode).toBe(409);
    const agent = await h.user(['agent']);
    expect((await h.as(agent).post('/api/products', { name: 'Mine', currency: 'CNY' })).statusCode).toBe(403);
    expect((await h.as(agent).get(`/api/products/${tea.id}`)).statusCode).toBe(200);
  });
});

describe('transactions', () => {
  it('records a sale with lines: prices from the catalogue, amount is their sum, lines come back with product names', async () => {
    const agent = await h.user(['agent']);
    const party = await newCustomer(agent, '张三');
    const res = await h.as(agent).post('/api/transactions', {
      partyId: party,
      occurredAt: '2026-03-01T10:00:00.000Z',
      currency: 'CNY',
      channel: 'store',
      lines: [
        { productId: tea.id, quantity: 2 },
        { productId: cup.id, quantity: '1.5', unitPrice: '10.00' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const t = res.json();
    expect(t.amount).toBe('192.00');
    expect(t.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        productName: '龙井茶 Longjing tea',
        quantity: '2.000',
        unitPrice: '88.50',
        amount: '177.00',
      }),
      expect.objectContaining({ lineNo: 2, quantity: '1.500', unitPrice: '10.00', amount: '15.00' }),
    ]);
    expect((await h.as(agent).get(`/api/transactions/${t.id}`)).json()).toEqual(t);
    const total = await h
      .as(agent)
      .post('/api/transactions', { partyId: party, amount: 50, currency: 'USD', externalId: 'POS-1' });
    expect(total.json()).toMatchObject({ amount: '50.00', currency: 'USD', lines: [], externalId: 'POS-1' });
    expect(
      (await h.as(agent).post('/api/transactions', { partyId: party, amount: 5, currency: 'USD', externalId: 'POS-1' }))
        .statusCode,
    ).toBe(409);
  });

  it('answers 400 with a code for a negative quantity, an unknown product, a bad currency, a lines/amount mismatch; 404 for an unknown party', async () => {
    const party = await newCustomer(h.org.admin, 'Validation');
    const post = (body: Record<string, unknown>) =>
      admin.post('/api/transactions', { partyId: party, currency: 'CNY', ...body });
    const neg = await post({ lines: [{ productId: tea.id, quantity: -1 }] });
    expect(neg.statusCode).toBe(400);
    expect(JSON.stringify(neg.json().error.details)).toContain('quantity');
    const unknown = await post({ lines: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({
      code: 'unknown_reference',
      path: ['body', 'lines', 0, 'productId'],
    });
    expect((await post({ amount: 1, currency: 'RMB' })).statusCode).toBe(400);
    const mismatch = await post({ amount: 100, lines: [{ productId: tea.id, quantity: 1 }] });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details[0]).toMatchObject({ code: 'amount_mismatch', path: ['body', 'amount'] });
    expect((await post({ amount: '88.50', lines: [{ productId: tea.id, quantity: 1 }] })).statusCode).toBe(201);
    expect((await post({})).statusCode).toBe(400);
    const usd = await post({ currency: 'USD', lines: [{ productId: tea.id, quantity: 1 }] });
    expect(usd.json().error.details[0]).toMatchObject({ code: 'missing_unit_price' });
    expect(
      (
        await admin.post('/api/transactions', {
          partyId: '00000000-0000-4000-8000-000000000000',
          amount: 1,
          currency: 'CNY',
        })
      ).statusCode,
    ).toBe(404);
  });

  it("follows the party's visibility: another agent gets 404 and does not see it in lists or exports", async () => {
    const a = await h.user(['agent']);
    const b = await h.user(['agent']);
    const party = await newCustomer(a, '李四');
    const t = (
      await h
        .as(a)
        .post('/api/transactions', { partyId: party, amount: 10, currency: 'CNY', occurredAt: '2026-01-02T00:00:00Z' })
    ).json();
    expect((await h.as(b).get(`/api/transactions/${t.id}`)).statusCode).toBe(404);
    expect((await h.as(b).get(`/api/transactions?partyId=${party}`)).json().items).toEqual([]);
    expect((await h.as(b).post('/api/transactions', { partyId: party, amount: 10, currency: 'CNY' })).statusCode).toBe(
      404,
    );
    expect(
      (await h.as(a).get(`/api/transactions?partyId=${party}`)).json().items.map((x: { id: string }) => x.id),
    ).toEqual([t.id]);
    // Without a party filter an agent's list starts from the parties they see: only their own transactions.
    expect((await h.as(a).get('/api/transactions')).json().items.map((x: { id: string }) => x.id)).toEqual([t.id]);
    // Each item names its party (the list needs no request per row).
    expect(
      (await h.as(a).get('/api/transactions')).json().items.map((x: { partyName: string }) => x.partyName),
    ).toEqual(['李四']);
    expect((await h.as(a).get(`/api/transactions/${t.id}`)).json()).toMatchObject({
      partyId: party,
      partyName: '李四',
    });
    expect((await h.as(b).get('/api/transactions')).json().items).toEqual([]);
    const csv = (await h.as(b).get('/api/transactions/export?raw=true')).rawPayload.subarray(3).toString('utf8');
    expect(csv).not.toContain(t.id);
    const mine = (
      await h.as(a).get(`/api/transactions/export?raw=true&partyId=${party}&columns=amount,currency,id`)
    ).rawPayload
      .subarray(3)
      .toString('utf8');
    expect(mine.trim().split('\n')).toEqual(['amount,currency,id', `10.00,CNY,${t.id}`]);
  });

  it('pages by keyset with filters (party, product, channel, from/to) and sorts', async () => {
    const party = await newCustomer(h.org.admin, 'Pager');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const body = {
        partyId: party,
        currency: 'CNY',
        channel: i % 2 ? 'online' : 'store',
        occurredAt: `2025-0${i + 1}-15T08:00:00Z`,
        lines: [{ productId: i < 3 ? tea.id : cup.id, quantity: 1, unitPrice: 1 }],
      };
      ids.push((await admin.post('/api/transactions', body)).json().id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await admin.get(`/api/transactions?partyId=${party}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((x: { id: string }) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const asc = (await admin.get(`/api/transactions?partyId=${party}&sort=occurredAt&limit=2`))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(asc).toEqual(ids.slice(0, 2));
    expect((await admin.get(`/api/transactions?partyId=${party}&productId=${tea.id}`)).json().items).toHaveLength(3);
    expect((await admin.get(`/api/transactions?partyId=${party}&channel=online`)).json().items).toHaveLength(3);
    const range = (
      await admin.get(`/api/transactions?partyId=${party}&from=2025-02-01T00:00:00Z&to=2025-04-01T00:00:00Z`)
    ).json().items;
    expect(range.map((x: { id: string }) => x.id)).toEqual([ids[2], ids[1]]);
    expect((await admin.get('/api/transactions?cursor=nonsense')).statusCode).toBe(400);
    expect((await admin.get('/api/transactions?sort=amount')).statusCode).toBe(400);
  });

  it('appears on the party timeline with amount and main product', async () => {
    const party = await newCustomer(h.org.admin, 'Timeline');
    const t = (
      await admin.post('/api/transactions', {
        partyId: party,
        currency: 'CNY',
        occurredAt: '2026-02-01T00:00:00Z',
        lines: [
          { productId: tea.id, quantity: 1 },
          { productId: cup.id, quantity: 1, unitPrice: 1 },
        ],
      })
    ).json();
    const items = (await admin.get(`/api/parties/${party}/timeline?types=transaction`)).json().items;
    expect(items).toEqual([
      expect.objectContaining({
        type: 'event',
        id: t.id,
        event: expect.objectContaining({
          source: 'transaction',
          kind: 'transaction.made',
          title: '89.50 CNY · 龙井茶 Longjing tea +1',
        }),
      }),
    ]);
  });
});

describe('bulk path', () => {
  it('creates, upserts by external id (with snapshots for undo), and fails bad rows alone', async () => {
    const orgId = h.org.orgId;
    const who = systemWho(orgId);
    const party = await newCustomer(h.org.admin, 'Bulk');
    const db = h.db.db;
    const prods = await db.transaction().execute((trx) =>
      bulkUpsertProducts(
        trx,
        who,
        [
          { name: 'P1', externalId: 'p1', currency: 'CNY', price: 10 },
          { name: 'P2', externalId: 'p2', currency: 'CNY' },
        ],
        { upsertKey: 'externalId' },
      ),
    );
    expect(prods.created).toHaveLength(2);
    const again = await db.transaction().execute((trx) =>
      bulkUpsertProducts(trx, who, [{ name: 'P1 renamed', externalId: 'p1', currency: 'CNY' }], {
        upsertKey: 'externalId',
      }),
    );
    expect(again.updated[0]?.before.name).toBe('P1');
    const p1 = (await admin.get(`/api/products/${prods.created[0]}`)).json();
    expect(p1).toMatchObject({ name: 'P1 renamed', price: '10.00', version: 2 });

    const rows = [
      {
        partyId: party,
        currency: 'CNY',
        externalId: 't1',
        occurredAt: '2025-01-01T00:00:00Z',
        lines: [{ productId: p1.id, quantity: 3 }],
      },
      { partyId: party, currency: 'CNY', externalId: 't2', amount: 5 },
      { partyId: '00000000-0000-4000-8000-000000000000', currency: 'CNY', externalId: 't3', amount: 5 },
      { partyId: party, currency: 'CNY', externalId: 't4', amount: 1, lines: [{ productId: p1.id, quantity: 1 }] },
    ];
    const out = await db
      .transaction()
      .execute((trx) => bulkUpsertTransactions(trx, who, rows, { upsertKey: 'externalId' }));
    expect(out.results.map((r) => r.action)).toEqual(['created', 'created', 'failed', 'failed']);
    expect(out.results[2]).toMatchObject({ code: 'unknown_reference', path: ['partyId'] });
    expect(out.results[3]).toMatchObject({ code: 'amount_mismatch' });
    expect((await admin.get(`/api/transactions/${out.created[0]}`)).json()).toMatchObject({
      amount: '30.00',
      lines: [expect.objectContaining({ amount: '30.00' })],
    });

    const up = await db.transaction().execute((trx) =>
      bulkUpsertTransactions(trx, who, [{ partyId: party, currency: 'CNY', externalId: 't1', amount: 7 }], {
        upsertKey: 'externalId',
      }),
    );
    expect(up.updated[0]?.id).toBe(out.created[0]);
    expect(up.updated[0]?.before.lines).toHaveLength(1);
    expect((await admin.get(`/api/transactions/${out.created[0]}`)).json()).toMatchObject({
      amount: '7.00',
      lines: [],
      version: 2,
    });
    const dup = await db
      .transaction()
      .execute((trx) =>
        bulkUpsertTransactions(trx, who, [{ partyId: party, currency: 'CNY', externalId: 't2', amount: 7 }]),
      );
    expect(dup.results[0]).toMatchObject({ action: 'failed', code: 'duplicate_key' });

    await db.transaction().execute(async (trx) => {
      expect(
        await restoreTransactionSnapshots(
          trx,
          who,
          up.updated.map((u) => u.before),
        ),
      ).toBe(1);
      expect(await deleteTransactions(trx, who, [out.created[1] as string])).toBe(1);
    });
    expect((await admin.get(`/api/transactions/${out.created[0]}`)).json()).toMatchObject({
      amount: '30.00',
      lines: [expect.objectContaining({ quantity: '3.000' })],
    });
    expect((await admin.get(`/api/transactions/${out.created[1]}`)).statusCode).toBe(404);
  });

  it('applies the caller’s access: an agent cannot write transactions for a party they cannot change', async () => {
    const a = await h.user(['agent']);
    const b = await h.user(['agent']);
    const party = await newCustomer(a, 'Owned by a');
    const ctxOf = async (s: Session) => {
      const me = (await h.as(s).get('/api/auth/me')).json().user;
      return {
        actor: {
          orgId: h.org.orgId,
          userId: s.userId,
          email: s.email,
          displayName: me.displayName,
          roles: me.roles,
          orgUnitId: null,
          partyId: null,
          locale: null,
          authMethod: 'session' as const,
          sessionId: null,
          tokenId: null,
          csrfToken: null,
        },
        requestId: 'r',
        ip: null,
      };
    };
    const ctxB = await ctxOf(b);
    const res = await h.db.db
      .transaction()
      .execute((trx) => bulkUpsertTransactions(trx, ctxB, [{ partyId: party, currency: 'CNY', amount: 1 }]));
    expect(res.results[0]).toMatchObject({ action: 'failed', code: 'forbidden' });
    const prod = await h.db.db
      .transaction()
      .execute((trx) => bulkUpsertProducts(trx, ctxB, [{ name: 'nope', currency: 'CNY' }]));
    expect(prod.results[0]).toMatchObject({ action: 'failed', code: 'forbidden' });
  });
});
