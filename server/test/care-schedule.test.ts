import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { sendDueCampaigns } from '../src/modules/care/index.ts';
import { setup, type Session, capturingMailTransport } from './harness.ts';

// The audience breakdown of a campaign, the organisation's commercial cap (a setting admins change) and scheduled
// sending (the scheduler sends a due draft exactly once, also when two servers run it at the same moment).

const { transport, sent } = capturingMailTransport();
const h = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com/' });
const deps = appDeps(h.app);
const admin = h.org.admin;
const marketing = await h.user(['marketing']);
const agent = await h.user(['agent']);

async function customer(name: string, emails: string[], consent?: 'granted' | 'withdrawn') {
  const res = await h.as(admin).post('/api/parties', {
    kind: 'person',
    displayName: name,
    emails,
    locale: 'en',
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
const ann = await customer('Ann', ['ann@example.com'], 'granted');
const ben = await customer('Ben', ['ben@example.com'], 'granted');
const cid = await customer('Cid', ['cid@example.com']);
const dee = await customer('Dee', ['dee@example.com'], 'withdrawn');
const eve = await customer('Eve', ['eve@example.com'], 'granted');
const fay = await customer('Fay', [], 'granted');
await h.as(marketing).post('/api/care/suppressions', { channel: 'email', address: 'eve@example.com' });

type Campaign = {
  id: string;
  version: number;
  status: string;
  sendError: string | null;
  counts: Record<string, number>;
};
async function draft(by: Session, body: Record<string, unknown> = {}): Promise<Campaign> {
  const res = await h.as(by).post('/api/campaigns', {
    name: 'News',
    kind: 'newsletter',
    commercial: false,
    audience: { partyIds: [ann, ben, cid, dee, eve, fay] },
    subjectZh: '你好 {{name}}',
    subjectEn: 'Hello {{name}}',
    bodyZh: '新闻',
    bodyEn: 'News',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Campaign>();
}
const get = async (id: string) => (await h.as(marketing).get(`/api/campaigns/${id}`)).json<Campaign>();
const past = () => new Date(Date.now() - 60_000).toISOString();

describe('audience breakdown', () => {
  it('counts who would get it and why the others are skipped, writing nothing', async () => {
    const c = await draft(marketing);
    const res = await h.as(admin).get(`/api/campaigns/${c.id}/audience`);
    expect(res.statusCode, res.body).toBe(200);
    // Ann, Ben reachable; Fay has no email; Eve suppressed; Dee withdrew (a form); Cid never consented.
    expect(res.json()).toEqual({
      audience: 6,
      visible: 6,
      reachable: 2,
      skipped: { noAddress: 1, suppressed: 1, unsubscribed: 0, withdrawn: 1, noConsent: 1 },
      note: null,
    });
    expect((await get(c.id)).version).toBe(1);
    // The counts cover the parties the reader may see: marketing does not see the admin's private customers.
    const own = await h.as(marketing).get(`/api/campaigns/${c.id}/audience`);
    expect(own.json()).toMatchObject({ audience: 6, visible: 0, reachable: 0 });
    expect((await h.as(agent).get(`/api/campaigns/${c.id}/audience`)).statusCode).toBe(403);
    const missing = await h.as(marketing).get('/api/campaigns/00000000-0000-4000-8000-000000000000/audience');
    expect(missing.statusCode).toBe(404);
  });
});

describe('commercial cap setting', () => {
  it('defaults to 10 %, is changed by admins only (audited), and the guard reads it', async () => {
    const first = await h.as(marketing).get('/api/care/settings');
    expect(first.json()).toMatchObject({ commercialCap: 0.1, isDefault: true, version: 1 });
    expect((await h.as(marketing).put('/api/care/settings', { commercialCap: 0.5, version: 1 })).statusCode).toBe(403);
    expect((await h.as(admin).put('/api/care/settings', { commercialCap: 1.5, version: 1 })).statusCode).toBe(400);
    const put = await h.as(admin).put('/api/care/settings', { commercialCap: 0.25, version: 1 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ commercialCap: 0.25, isDefault: false, version: 2 });
    expect((await h.as(admin).put('/api/care/settings', { commercialCap: 0.3, version: 1 })).statusCode).toBe(409);
    expect((await h.as(marketing).get('/api/campaigns/commercial-ratio')).json()).toMatchObject({ cap: 0.25 });
    const audit = await h.as(admin).get('/api/audit?limit=50');
    expect(audit.body).toContain('care_settings.update');
  });
});

describe('scheduled sending', () => {
  it('sends a due draft once even when two schedulers run at once, and leaves future ones alone', async () => {
    const due = await draft(marketing, { scheduledAt: past() });
    const later = await draft(marketing, { scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
    const [a, b] = await Promise.all([sendDueCampaigns(deps), sendDueCampaigns(deps)]);
    expect(a + b).toBe(1);
    expect(await sendDueCampaigns(deps)).toBe(0);
    const after = await get(due.id);
    expect(after.status).toBe('sent');
    expect(after.counts).toMatchObject({
      queued: 2,
      skipped_no_address: 1,
      skipped_no_consent: 2,
      skipped_suppressed: 1,
    });
    expect((await get(later.id)).status).toBe('draft');
    await deps.mail.drain();
    expect(sent.map((m) => m.to).sort()).toEqual(['ann@example.com', 'ben@example.com']);
  });

  it('does not send a due commercial campaign above the cap: it stays a draft with the reason', async () => {
    // 2 messages so far, none commercial; at 25 % one more commercial message (1 of 3 = 33 %) is too many.
    const offer = await draft(marketing, {
      kind: 'offer',
      commercial: true,
      audience: { partyIds: [ann] },
      scheduledAt: past(),
    });
    expect(await sendDueCampaigns(deps)).toBe(0);
    const refused = await get(offer.id);
    expect(refused).toMatchObject({ status: 'draft', sendError: 'COMMERCIAL_RATIO_EXCEEDED' });
    // Not retried every minute; a change clears the reason, and an admin may still send it by hand.
    expect(await sendDueCampaigns(deps)).toBe(0);
    const patched = await h
      .as(marketing)
      .patch(`/api/campaigns/${offer.id}`, { commercial: false, version: refused.version });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Campaign>().sendError).toBeNull();
    expect(await sendDueCampaigns(deps)).toBe(1);
  });

  it('counts an unsubscribed recipient apart in the next breakdown', async () => {
    const mail = sent.find((m) => m.to === 'ben@example.com') as SendMailOptions;
    const token = /token=([\w.-]+)/.exec(mail.text as string)?.[1] ?? '';
    expect((await h.app.inject({ method: 'POST', url: `/api/public/unsubscribe?token=${token}` })).statusCode).toBe(
      200,
    );
    const c = await draft(marketing);
    const res = await h.as(admin).get(`/api/campaigns/${c.id}/audience`);
    expect(res.json()).toMatchObject({
      reachable: 1,
      skipped: { noAddress: 1, suppressed: 1, unsubscribed: 1, withdrawn: 1, noConsent: 1 },
    });
  });
});
