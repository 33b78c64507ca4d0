import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { setup, type Session, capturingMailTransport } from './harness.ts';

// Campaigns through the outbox, captured by an in-memory nodemailer transport (the platform's mail tests use the
// same): consent and suppression per recipient, the recipient's language, the one-click unsubscribe link without
// sign-in (honoured by the next campaign, on the timeline), transactional mail unaffected, and the commercial guard
// at its boundary (exactly the cap is allowed).

const { transport, sent } = capturingMailTransport();
const h = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com/' });
const deps = appDeps(h.app);
const admin = h.org.admin;
const marketing = await h.user(['marketing']);
const agent = await h.user(['agent']);

async function customer(name: string, email: string, locale: string | null, consent?: 'granted' | 'withdrawn') {
  const res = await h.as(admin).post('/api/parties', {
    kind: 'person',
    displayName: name,
    emails: [email],
    locale,
    roles: [{ role: 'customer' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  if (consent) {
    const c = await h
      .as(admin)
      .put(`/api/parties/${id}/consent`, { consents: [{ channel: 'email', status: consent }], source: 'form' });
    expect(c.statusCode, c.body).toBe(200);
  }
  return id;
}
const wang = await customer('王芳', 'wang@example.com', 'zh-CN', 'granted');
const bob = await customer('Bob', 'bob@example.com', 'en', 'granted');
const noConsent = await customer('Nobody', 'nobody@example.com', 'en');
const withdrawn = await customer('Wanda', 'wanda@example.com', 'en', 'withdrawn');
const suppressed = await customer('Sam', 'sam@example.com', 'en', 'granted');
await h.as(marketing).post('/api/care/suppressions', { channel: 'email', address: 'SAM@example.com' });

type Campaign = { id: string; version: number; status: string; counts: Record<string, number> };
async function draft(by: Session, body: Record<string, unknown> = {}): Promise<Campaign> {
  const res = await h.as(by).post('/api/campaigns', {
    name: 'Mid-Autumn news',
    kind: 'newsletter',
    commercial: false,
    audience: { partyIds: [wang, bob, noConsent, withdrawn, suppressed] },
    subjectZh: '{{name}}，中秋快乐',
    subjectEn: 'Happy Mid-Autumn, {{name}}',
    bodyZh: '亲爱的{{name}}：中秋快乐！',
    bodyEn: 'Dear {{name}}, happy Mid-Autumn!',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Campaign>();
}
const send = (by: Session, id: string, body: Record<string, unknown> = {}) =>
  h.as(by).post(`/api/campaigns/${id}/send`, body);
const states = async (id: string) => {
  const res = await h.as(marketing).get(`/api/campaigns/${id}/recipients?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(
    res.json<{ items: { partyId: string; state: string }[] }>().items.map((r) => [r.partyId, r.state]),
  );
};
const header = (m: SendMailOptions, name: string) => (m.headers as Record<string, string> | undefined)?.[name];
const tokenOf = (m: SendMailOptions) => /token=([\w.-]+)/.exec(header(m, 'List-Unsubscribe') ?? '')?.[1] ?? '';

describe('campaigns', () => {
  it('send only to consenting, unsuppressed recipients, in their language, with one-click unsubscribe', async () => {
    const c = await draft(marketing);
    const res = await send(marketing, c.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Campaign>().counts).toMatchObject({ queued: 2, skipped_no_consent: 2, skipped_suppressed: 1 });
    await deps.mail.drain();
    expect(sent.map((m) => m.to).sort()).toEqual(['bob@example.com', 'wang@example.com']);
    const zh = sent.find((m) => m.to === 'wang@example.com') as SendMailOptions;
    expect(zh.subject).toBe('王芳，中秋快乐');
    expect(zh.text as string).toContain('退订: https://tandem.example.com/unsubscribe?token=');
    expect(header(zh, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/tandem\.example\.com\/api\/public\/unsubscribe\?token=.+>$/,
    );
    expect(header(zh, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect((sent.find((m) => m.to === 'bob@example.com') as SendMailOptions).subject).toBe('Happy Mid-Autumn, Bob');
    expect(await states(c.id)).toEqual({
      [wang]: 'sent',
      [bob]: 'sent',
      [noConsent]: 'skipped_no_consent',
      [withdrawn]: 'skipped_no_consent',
      [suppressed]: 'skipped_suppressed',
    });
    expect((await send(marketing, c.id)).statusCode).toBe(409);
    expect((await h.as(marketing).patch(`/api/campaigns/${c.id}`, { name: 'x', version: 2 })).statusCode).toBe(409);
  });

  it('unsubscribe without signing in: GET writes nothing, POST is honoured by the next campaign and on the timeline', async () => {
    const token = tokenOf(sent.find((m) => m.to === 'bob@example.com') as SendMailOptions);
    const info = await h.app.inject({ method: 'GET', url: `/api/public/unsubscribe?token=${token}` });
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({ channel: 'email', address: 'b…@example.com', unsubscribed: false });
    const still = await h.as(admin).get(`/api/parties/${bob}/consent`);
    expect(still.json<{ channels: { channel: string; status: string }[] }>().channels[0]?.status).toBe('granted');
    const forged = await h.app.inject({ method: 'POST', url: `/api/public/unsubscribe?token=${token.slice(0, -2)}xx` });
    expect(forged.statusCode).toBe(404);
    // The RFC 8058 one-click POST, as a mail client sends it.
    const post = await h.app.inject({
      method: 'POST',
      url: `/api/public/unsubscribe?token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(post.statusCode, post.body).toBe(200);
    const timeline = await h.as(admin).get(`/api/parties/${bob}/timeline?limit=50`);
    expect(timeline.body).toContain('consent.withdrawn');
    expect(timeline.body).toContain('unsubscribe_link');
    const next = await draft(marketing, { audience: { partyIds: [wang, bob] } });
    await send(marketing, next.id);
    expect(await states(next.id)).toEqual({ [wang]: 'queued', [bob]: 'skipped_no_consent' });
  });

  it('leaves transactional mail alone', async () => {
    await deps.db.transaction().execute((trx) =>
      deps.mail.enqueue(trx, h.org.orgId, {
        to: 'bob@example.com',
        subject: 'Your case',
        text: 'Rate us',
        purpose: 'case-csat',
      }),
    );
    sent.length = 0;
    await deps.mail.drain();
    expect(sent.map((m) => m.subject)).toContain('Your case');
  });

  it('is for admins and marketing only', async () => {
    expect((await h.as(agent).get('/api/campaigns')).statusCode).toBe(403);
    expect((await h.as(agent).get('/api/campaigns/commercial-ratio')).statusCode).toBe(403);
  });
});

describe('commercial-content guard', () => {
  it('allows exactly the cap (10 %), refuses above it, and lets only an admin override with a reason', async () => {
    // So far: 2 + 1 campaign messages and 1 transactional mail, none commercial. Five more transactional: 9 in all.
    for (let i = 0; i < 5; i++) {
      await deps.db.transaction().execute((trx) =>
        deps.mail.enqueue(trx, h.org.orgId, {
          to: `t${i}@example.com`,
          subject: 'Survey',
          text: 'x',
          purpose: 'survey-invitation',
        }),
      );
    }
    const base = (await h.as(marketing).get('/api/campaigns/commercial-ratio')).json<{
      total: number;
      commercial: number;
    }>();
    expect(base).toMatchObject({ total: 9, commercial: 0 });
    // One commercial message makes 1 of 10: exactly the 10 % cap, allowed. A second makes 2 of 11 (18 %): refused.
    const offer = await draft(marketing, { kind: 'offer', commercial: true, audience: { partyIds: [wang] } });
    const preview = await h.as(marketing).get(`/api/campaigns/commercial-ratio?campaignId=${offer.id}`);
    expect(preview.json()).toMatchObject({ campaignMessages: 1, ratioAfter: 0.1, allowed: true });
    expect((await send(marketing, offer.id)).statusCode).toBe(200);
    const second = await draft(marketing, { kind: 'offer', commercial: true, audience: { partyIds: [wang] } });
    const refused = await send(marketing, second.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('COMMERCIAL_RATIO_EXCEEDED');
    expect((await send(marketing, second.id, { override: { reason: 'Festival' } })).statusCode).toBe(403);
    const forced = await send(admin, second.id, { override: { reason: 'Mid-Autumn launch agreed' } });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json<{ overrideReason: string }>().overrideReason).toBe('Mid-Autumn launch agreed');
  });
});
