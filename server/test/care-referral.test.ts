import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

// Referral (docs/care.md "Referral"): a signed link per customer made only on a write, the public landing without
// sign-in (the referred party gets a referred_by link), the authenticated record, rewards as money, and the counts
// per referrer and month under the reader's visibility.

const h = await setup({ publicUrl: 'https://tandem.example.com/' });
const admin = h.org.admin;
const agent = await h.user(['agent']);
const other = await h.user(['agent']);
const employee = await h.user(['employee']);

async function customer(name: string, ownerId: string, email?: string) {
  const res = await h.as(admin).post('/api/parties', {
    kind: 'person',
    displayName: name,
    emails: email ? [email] : [],
    ownerId,
    roles: [{ role: 'customer' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const alice = await customer('Alice', agent.userId);
const bob = await customer('Bob', other.userId, 'bob@example.com');
const codeRows = async () =>
  Number(
    (
      await h.db.db
        .selectFrom('care_referral_code')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', h.org.orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

type Link = { code: string | null; url: string | null; referrals: number };
let code = '';

describe('referral links', () => {
  it('a GET makes no link; a POST makes one once; others are refused', async () => {
    const first = await h.as(agent).get(`/api/parties/${alice}/referral`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Link>()).toMatchObject({ code: null, url: null, referrals: 0 });
    expect(await codeRows()).toBe(0);

    const made = await h.as(agent).post(`/api/parties/${alice}/referral`);
    expect(made.statusCode, made.body).toBe(201);
    code = made.json<Link>().code ?? '';
    expect(code.length).toBeGreaterThan(40);
    expect(made.json<Link>().url).toBe(`https://tandem.example.com/r/${code}`);
    const again = await h.as(agent).post(`/api/parties/${alice}/referral`);
    expect(again.statusCode).toBe(200);
    expect(again.json<Link>().code).toBe(code);

    expect((await h.as(other).get(`/api/parties/${alice}/referral`)).statusCode).toBe(404);
    expect((await h.as(other).post(`/api/parties/${alice}/referral`)).statusCode).toBe(404);
    expect((await h.as(employee).get(`/api/parties/${alice}/referral`)).statusCode).toBe(403);
  });

  it('the public landing records the referral once and links the referred party referred_by', async () => {
    const land = (c: string, body: unknown) =>
      h.app.inject({ method: 'POST', url: `/api/public/referrals/${encodeURIComponent(c)}`, payload: body as object });
    const res = await land(code, { displayName: 'Lee', email: 'Lee@Example.com' });
    expect(res.statusCode, res.body).toBe(201);
    const twice = await land(code, { displayName: 'Lee again', email: 'lee@example.com' });
    expect(twice.statusCode, twice.body).toBe(201);

    const links = await h.as(admin).get(`/api/parties/${alice}/links`);
    const referred = links
      .json<{ items: { type: string; direction: string; other: { name: string } }[] }>()
      .items.filter((l) => l.type === 'referred_by');
    expect(referred).toEqual([
      expect.objectContaining({ direction: 'in', other: expect.objectContaining({ name: 'Lee' }) }),
    ]);
    expect((await h.as(agent).get(`/api/parties/${alice}/referral`)).json<Link>().referrals).toBe(1);

    // Bad input and made-up codes.
    expect((await land(code, { displayName: 'No contact' })).statusCode).toBe(400);
    expect((await land(`${code}x`, { displayName: 'X', email: 'x@example.com' })).statusCode).toBe(404);
    expect((await land('nonsense', { displayName: 'X', email: 'x@example.com' })).statusCode).toBe(404);
  });

  it('staff record a referral of a party they may see; a party is referred once', async () => {
    const hidden = await h.as(agent).post('/api/referrals', { referrerId: alice, referredId: bob });
    expect(hidden.statusCode, hidden.body).toBe(400);
    expect((await h.as(other).post('/api/referrals', { referrerId: alice, referredId: bob })).statusCode).toBe(404);
    expect((await h.as(admin).post('/api/referrals', { referrerId: alice, referredId: alice })).statusCode).toBe(400);
    const ok = await h.as(admin).post('/api/referrals', { referrerId: alice, referredId: bob, note: 'at dinner' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ referrerId: alice, referredId: bob, source: 'manual', note: 'at dinner' });
    // The same referral again answers the one recorded; another referrer of the same party is refused.
    const again = await h.as(admin).post('/api/referrals', { referrerId: alice, referredId: bob });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<{ id: string }>().id).toBe(ok.json<{ id: string }>().id);
    const carol = await customer('Carol', agent.userId);
    const dup = await h.as(admin).post('/api/referrals', { referrerId: carol, referredId: bob });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<{ error: { details: { code: string } } }>().error.details.code).toBe('ALREADY_REFERRED');
  });
});

describe('rewards and summary', () => {
  it('logs rewards as money and refuses bad amounts', async () => {
    const ok = await h
      .as(agent)
      .post('/api/referrals/rewards', { partyId: alice, kind: 'voucher', amount: '50.5', currency: 'CNY' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ amount: '50.50', kind: 'voucher', partyName: 'Alice' });
    const num = await h.as(agent).post('/api/referrals/rewards', { partyId: alice, kind: 'cash', amount: 20 });
    expect(num.json<{ amount: string }>().amount).toBe('20.00');
    for (const amount of [-1, '1.234', 'abc']) {
      const bad = await h.as(agent).post('/api/referrals/rewards', { partyId: alice, kind: 'cash', amount });
      expect(bad.statusCode, String(amount)).toBe(400);
    }
    expect(
      (await h.as(agent).post('/api/referrals/rewards', { partyId: bob, kind: 'cash', amount: 1 })).statusCode,
    ).toBe(400);
    expect(
      (await h.as(agent).post('/api/referrals/rewards', { partyId: alice, kind: 'car', amount: 1 })).statusCode,
    ).toBe(400);
    const mine = await h.as(agent).get('/api/referrals/rewards');
    expect(mine.json<{ items: unknown[] }>().items).toHaveLength(2);
    const theirs = await h.as(other).get('/api/referrals/rewards');
    expect(theirs.json<{ items: unknown[] }>().items).toHaveLength(0);
    expect((await h.as(employee).get('/api/referrals/rewards')).statusCode).toBe(403);
  });

  it('counts per referrer and month, under visibility; empty and future periods answer zeros', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const res = await h.as(admin).get('/api/referrals/summary');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      total: 2,
      referrers: [{ partyId: alice, name: 'Alice', count: 2, rewards: '70.50' }],
      periods: [{ period: month, count: 2 }],
      note: null,
    });
    const theirs = await h.as(other).get('/api/referrals/summary');
    expect(theirs.json()).toMatchObject({ total: 0, referrers: [], periods: [] });
    expect(theirs.json<{ note: string }>().note).toMatch(/Not enough data/);
    const future = await h.as(admin).get('/api/referrals/summary?from=2099-01-01&to=2099-02-01');
    expect(future.statusCode).toBe(200);
    expect(future.json()).toMatchObject({ total: 0, from: '2099-01-01', to: '2099-02-01' });
    expect((await h.as(admin).get('/api/referrals/summary?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await h.as(admin).get('/api/referrals/summary?from=banana')).statusCode).toBe(400);
  });
});
