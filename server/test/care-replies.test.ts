import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { setup, capturingMailTransport } from './harness.ts';

// Replies logged as interactions (docs/care.md "Replies"): campaign mail carries a Message-ID per recipient; a
// provider's inbound-parse webhook posts each message with the organisation's token in the path. A reply is matched
// by In-Reply-To / References to its recipient, else by the sender's address to exactly one party; matched mail is an
// inbound email interaction on the party's timeline, once per Message-ID, and the recipient shows `replied`.

const { transport, sent } = capturingMailTransport();
const h = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com/' });
const deps = appDeps(h.app);
const admin = h.org.admin;
const marketing = await h.user(['marketing']);

async function customer(name: string, email: string, consent = true) {
  const res = await h.as(admin).post('/api/parties', {
    kind: 'person',
    displayName: name,
    emails: [email],
    roles: [{ role: 'customer' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  if (consent) {
    const c = await h
      .as(admin)
      .put(`/api/parties/${id}/consent`, { consents: [{ channel: 'email', status: 'granted' }], source: 'form' });
    expect(c.statusCode, c.body).toBe(200);
  }
  return id;
}
const li = await customer('Li Lei', 'lilei@example.com');
const ann = await customer('Ann', 'ann@example.com');
const twinA = await customer('Twin A', 'shared@example.com', false);
await customer('Twin B', 'shared@example.com', false);

const inbound = (token: string, body: unknown) =>
  h.app.inject({ method: 'POST', url: `/api/public/mail-inbound/${token}`, payload: body as object });
const emailInteractions = async (partyId: string) => {
  const res = await h.as(admin).get(`/api/interactions?partyId=${partyId}&channel=email&limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { subject: string; direction: string; body: string | null }[] }>().items;
};
const recipientStates = async (id: string) => {
  const res = await h.as(marketing).get(`/api/campaigns/${id}/recipients?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(
    res.json<{ items: { partyId: string; state: string }[] }>().items.map((r) => [r.partyId, r.state]),
  );
};

const tokenRes = await h.as(admin).post('/api/care/mail/token');
const token = tokenRes.json<{ token: string }>().token;

// A sent campaign to Li and Ann; the Message-ID of each recipient's message as the mail server got it.
const draft = await h.as(marketing).post('/api/campaigns', {
  name: 'Spring news',
  kind: 'newsletter',
  commercial: false,
  audience: { partyIds: [li, ann] },
  subjectZh: '春季通讯',
  subjectEn: 'Spring news',
  bodyZh: '你好 {{name}}',
  bodyEn: 'Hello {{name}}',
});
const campaignId = draft.json<{ id: string }>().id;
expect((await h.as(marketing).post(`/api/campaigns/${campaignId}/send`, {})).statusCode).toBe(200);
await deps.mail.drain();
const messageIdOf = (to: string) =>
  (sent.find((m) => m.to === to)?.headers as Record<string, string> | undefined)?.['Message-ID'] ?? '';

describe('replies logged as interactions', () => {
  it('admins make the token (shown once, stored hashed); campaign mail has a Message-ID per recipient', async () => {
    expect(tokenRes.statusCode, tokenRes.body).toBe(201);
    expect(token).toMatch(/^tmm_[0-9a-f]{32}_[\w-]{43}$/);
    const settings = await h.as(admin).get('/api/care/mail/settings');
    expect(settings.json()).toMatchObject({ tokenSet: true });
    expect((await h.as(marketing).post('/api/care/mail/token')).statusCode).toBe(403);
    const stored = await h.db.db
      .selectFrom('care_mail_settings')
      .select('token_hash')
      .where('org_id', '=', h.org.orgId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token.slice(-43));
    expect(messageIdOf('lilei@example.com')).toBe(`<tandem-c.${campaignId}.${li}@tandem.example.com>`);
    expect(messageIdOf('ann@example.com')).toBe(`<tandem-c.${campaignId}.${ann}@tandem.example.com>`);
  });

  it('a reply by In-Reply-To: one interaction however often it is posted, the recipient replied', async () => {
    const reply = {
      messageId: '<reply-1@mail.example.net>',
      from: 'Li Lei <li.other@example.net>',
      to: 'news@tandem.example.com',
      subject: 'Re: Spring news',
      text: 'Thanks, please call me next week.',
      inReplyTo: messageIdOf('lilei@example.com'),
    };
    const first = await inbound(token, reply);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ matched: true, duplicate: false });
    const again = await inbound(token, reply);
    expect(again.json()).toEqual({ matched: true, duplicate: true });
    const logged = await emailInteractions(li);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      subject: 'Re: Spring news',
      direction: 'inbound',
      body: 'Thanks, please call me next week.',
    });
    const campaign = await h.as(marketing).get(`/api/campaigns/${campaignId}`);
    expect(campaign.json<{ counts: Record<string, number> }>().counts).toMatchObject({ replied: 1, sent: 1 });
    expect(await recipientStates(campaignId)).toEqual({ [li]: 'replied', [ann]: 'sent' });
    const replied = await h.as(marketing).get(`/api/campaigns/${campaignId}/recipients?state=replied`);
    expect(replied.json<{ items: { partyId: string }[] }>().items.map((r) => r.partyId)).toEqual([li]);
  });

  it('References name the recipient when In-Reply-To is another message', async () => {
    const res = await inbound(token, {
      messageId: 'reply-2@mail.example.net',
      from: 'someone@elsewhere.example',
      to: ['news@tandem.example.com'],
      subject: 'Re: Re: Spring news',
      text: 'Forwarded to my colleague',
      inReplyTo: '<x@elsewhere.example>',
      references: `${messageIdOf('ann@example.com')} <x@elsewhere.example>`,
    });
    expect(res.json()).toEqual({ matched: true, duplicate: false });
    expect(await recipientStates(campaignId)).toEqual({ [li]: 'replied', [ann]: 'replied' });
    expect(await emailInteractions(ann)).toHaveLength(1);
  });

  it('else by the sender address: one party is linked, several are ambiguous and kept unmatched', async () => {
    const bySender = await inbound(token, {
      messageId: '<direct-1@example.com>',
      from: '"Li" <LILEI@example.com>',
      to: 'news@tandem.example.com',
      subject: 'A question',
      text: 'Do you open on Sundays?',
    });
    expect(bySender.json()).toEqual({ matched: true, duplicate: false });
    expect((await emailInteractions(li)).map((i) => i.subject).sort()).toEqual(['A question', 'Re: Spring news']);
    // Li's campaign state is unchanged: a message that names no campaign mail is no campaign reply.
    const campaign = await h.as(marketing).get(`/api/campaigns/${campaignId}`);
    expect(campaign.json<{ counts: Record<string, number> }>().counts).toMatchObject({ replied: 2 });

    for (const [id, from] of [
      ['<twins@example.com>', 'shared@example.com'],
      ['<stranger@example.com>', 'stranger@example.com'],
      ['<forged@example.com>', 'x@example.com'],
    ]) {
      const res = await inbound(token, {
        messageId: id,
        from,
        to: 'news@tandem.example.com',
        subject: 'Hello',
        text: 'Hi',
        // A well-formed campaign id of a recipient that does not exist matches nothing.
        ...(id === '<forged@example.com>' ? { inReplyTo: `<tandem-c.${campaignId}.${twinA}@tandem.example.com>` } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ matched: false, duplicate: false });
    }
    expect(await emailInteractions(twinA)).toHaveLength(0);
    const kept = await h.db.db
      .selectFrom('care_inbound_mail')
      .select(['message_id', 'matched_by', 'party_id'])
      .where('org_id', '=', h.org.orgId)
      .orderBy('message_id')
      .execute();
    expect(kept).toEqual([
      { message_id: 'direct-1@example.com', matched_by: 'sender', party_id: li },
      { message_id: 'forged@example.com', matched_by: 'none', party_id: null },
      { message_id: 'reply-1@mail.example.net', matched_by: 'reply_header', party_id: li },
      { message_id: 'reply-2@mail.example.net', matched_by: 'reply_header', party_id: ann },
      { message_id: 'stranger@example.com', matched_by: 'none', party_id: null },
      { message_id: 'twins@example.com', matched_by: 'none', party_id: null },
    ]);
  });

  it('refuses bad tokens (404), bad and oversized bodies (400, 413), never a 5xx', async () => {
    const ok = { messageId: '<m@x>', from: 'a@b.c', to: 'd@e.f', subject: 's', text: 't' };
    const other = await h.newOrg('replies-other');
    const otherToken = (await h.as(other.admin).post('/api/care/mail/token')).json<{ token: string }>().token;
    const forged = otherToken.replace(/^tmm_[0-9a-f]{32}/, `tmm_${h.org.orgId.replace(/-/g, '')}`);
    // One character of the secret changed (to another, whatever the last one was: it is "A" one time in sixteen).
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'E' : 'A'}`;
    for (const bad of ['nonsense', forged, token.replace(/^tmm/, 'tmi'), altered]) {
      expect((await inbound(bad, ok)).statusCode).toBe(404);
    }
    const tooLong = await inbound(token, { ...ok, text: 'x'.repeat(100_001) });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json())).toContain('text');
    expect((await inbound(token, { ...ok, messageId: '<>' })).statusCode).toBe(400);
    expect((await inbound(token, { ...ok, from: '' })).statusCode).toBe(400);
    const huge = await inbound(token, { ...ok, text: '字'.repeat(200_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<{ error: { code: string } }>().error.code).toBe('PAYLOAD_TOO_LARGE');
    // Rotating stops the old token at once.
    const next = (await h.as(admin).post('/api/care/mail/token')).json<{ token: string }>().token;
    expect((await inbound(token, ok)).statusCode).toBe(404);
    expect((await inbound(next, ok)).statusCode).toBe(200);
  });
});
