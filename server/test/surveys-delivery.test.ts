import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { setup, capturingMailTransport } from './harness.ts';

// A real nodemailer transport that keeps messages in memory (stream transport with buffer).
const { transport, sent: sentMail } = capturingMailTransport();

const failing = nodemailer.createTransport({ streamTransport: true, buffer: true });
failing.sendMail = () => Promise.reject(new Error('421 try later'));

const h = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com/' });
const h2 = await setup({ mailTransport: failing, publicUrl: 'https://tandem.example.com' });
const h3 = await setup();
const admin = () => h.as(h.org.admin);
const marketing = await h.user(['marketing']);
const hr = await h.user(['hr']);
const title = { zh: '服务满意度', en: 'Service satisfaction' };

async function party(body: Record<string, unknown>): Promise<string> {
  const res = await admin().post('/api/parties', { kind: 'person', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function openSurvey(body: Record<string, unknown>, by = marketing) {
  const created = await h.as(by).post('/api/surveys', { title, ...body });
  expect(created.statusCode, created.body).toBe(201);
  const opened = await h.as(by).patch(`/api/surveys/${created.json().id}`, { status: 'open', version: 1 });
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json<{ id: string; questions: { id: string; type: string }[] }>();
}
const respond = (token: string, answers: { questionId: string; value: unknown }[]) =>
  h.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${token}/responses`,
    payload: { answers },
    remoteAddress: '10.1.1.1',
  });

describe('survey invitations by email', () => {
  it('queues an email for parties with an address (in their language), sends it after commit, and erases the link from the outbox', async () => {
    const zh = await party({ displayName: '李雷', emails: ['lilei@example.cn'], roles: [{ role: 'customer' }] });
    const en = await party({
      displayName: 'Ann Lee',
      emails: ['ann@example.com'],
      locale: 'en',
      roles: [{ role: 'customer' }],
    });
    const none = await party({ displayName: '韩梅梅', roles: [{ role: 'customer' }] });
    const s = await openSurvey({ kind: 'nps', audience: { kind: 'customers' } });
    const res = await h.as(marketing).post(`/api/surveys/${s.id}/invitations`, { partyIds: [zh, en, none] });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { partyId: string; url: string; emailed: boolean }[];
    const byParty = new Map(items.map((i) => [i.partyId, i]));
    expect(byParty.get(zh)?.emailed).toBe(true);
    expect(byParty.get(en)?.emailed).toBe(true);
    expect(byParty.get(none)?.emailed).toBe(false);
    expect(byParty.get(zh)?.url).toMatch(/^https:\/\/tandem\.example\.com\/s\/[\w-]{20,}$/);

    const queued = await h.db.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('purpose', '=', 'survey-invitation')
      .execute();
    expect(queued.map((m) => m.to_address).sort()).toEqual(['ann@example.com', 'lilei@example.cn']);
    expect(queued.every((m) => m.status === 'queued')).toBe(true);

    const drained = await appDeps(h.app).mail.drain();
    expect(drained).toEqual({ sent: 2, failed: 0 });
    const toZh = sentMail.find((m) => m.to === 'lilei@example.cn');
    const toEn = sentMail.find((m) => m.to === 'ann@example.com');
    expect(toZh?.subject).toBe('服务满意度');
    expect(toZh?.text).toContain('李雷，您好');
    expect(toZh?.text).toContain(byParty.get(zh)?.url);
    expect(toEn?.subject).toBe('Service satisfaction');
    expect(toEn?.text).toContain(byParty.get(en)?.url);

    const after = await h.db.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('purpose', '=', 'survey-invitation')
      .execute();
    expect(after.every((m) => m.status === 'sent' && m.body_text === null && m.sent_at !== null)).toBe(true);
    // Nothing left to send: a second drain sends nothing twice.
    expect(await appDeps(h.app).mail.drain()).toEqual({ sent: 0, failed: 0 });
  });

  it('retries a failing server with backoff, then gives up and erases the body', async () => {
    const p = await h2.as(h2.org.admin).post('/api/parties', {
      kind: 'person',
      displayName: 'Bo',
      emails: ['bo@example.com'],
      roles: [{ role: 'customer' }],
    });
    const created = await h2
      .as(h2.org.admin)
      .post('/api/surveys', { title, kind: 'nps', audience: { kind: 'customers' } });
    await h2.as(h2.org.admin).patch(`/api/surveys/${created.json().id}`, { status: 'open', version: 1 });
    const inv = await h2
      .as(h2.org.admin)
      .post(`/api/surveys/${created.json().id}/invitations`, { partyIds: [p.json().id] });
    expect(inv.json().items[0].emailed).toBe(true);
    const mail = appDeps(h2.app).mail;
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await mail.drain()).toEqual({ sent: 0, failed: 1 });
      const row = await h2.db.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toContain('421');
      // Not due again until the backoff has passed: make it due now to simulate the wait.
      await h2.db.db
        .updateTable('mail_outbox')
        .set({ next_attempt_at: new Date(Date.now() - 1000) })
        .execute();
    }
    const row = await h2.db.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', body_text: null });
    expect(await mail.drain()).toEqual({ sent: 0, failed: 0 });
  });

  it('without mail configured, gives links to copy and queues nothing', async () => {
    const p = await h3.as(h3.org.admin).post('/api/parties', {
      kind: 'person',
      displayName: 'Cy',
      emails: ['cy@example.com'],
      roles: [{ role: 'customer' }],
    });
    const created = await h3
      .as(h3.org.admin)
      .post('/api/surveys', { title, kind: 'nps', audience: { kind: 'customers' } });
    await h3.as(h3.org.admin).patch(`/api/surveys/${created.json().id}`, { status: 'open', version: 1 });
    const inv = await h3
      .as(h3.org.admin)
      .post(`/api/surveys/${created.json().id}/invitations`, { partyIds: [p.json().id] });
    expect(inv.json().items[0]).toMatchObject({ emailed: false, url: expect.stringMatching(/^\/s\//) });
    expect(await h3.db.db.selectFrom('mail_outbox').select('id').execute()).toEqual([]);
  });
});

describe('survey answers on the party timeline', () => {
  it('shows a non-anonymous customer answer with its score; filters by type; refuses unknown types', async () => {
    const c = await party({ displayName: '王五', roles: [{ role: 'customer' }] });
    const s = await openSurvey({ kind: 'nps', audience: { kind: 'customers' } });
    const inv = await h.as(marketing).post(`/api/surveys/${s.id}/invitations`, { partyIds: [c] });
    const nps = s.questions.find((q) => q.type === 'nps');
    expect((await respond(inv.json().items[0].token, [{ questionId: nps?.id ?? '', value: 9 }])).statusCode).toBe(201);

    const tl = await admin().get(`/api/parties/${c}/timeline`);
    expect(tl.statusCode, tl.body).toBe(200);
    const event = tl.json().items.find((i: { type: string }) => i.type === 'event');
    expect(event.event).toMatchObject({
      source: 'survey_response',
      kind: 'survey_response.answered',
      title: '服务满意度',
      href: `/feedback/surveys/${s.id}`,
      data: { surveyKind: 'nps', score: 9, scale: '0-10' },
    });

    const only = await admin().get(`/api/parties/${c}/timeline?types=survey_response`);
    expect(only.json().items.map((i: { type: string }) => i.type)).toEqual(['event']);
    const without = await admin().get(`/api/parties/${c}/timeline?types=history`);
    expect(without.json().items.some((i: { type: string }) => i.type === 'event')).toBe(false);
    const bad = await admin().get(`/api/parties/${c}/timeline?types=history,nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('nonsense');
  });

  it('never shows anonymous answers or employee-side survey answers', async () => {
    const e = await party({ displayName: '赵六', roles: [{ role: 'employee' }] });
    const enps = await openSurvey({ kind: 'enps', audience: { kind: 'employees' } }, hr);
    const c = await party({ displayName: '钱七', emails: ['qian7@example.com'], roles: [{ role: 'customer' }] });
    const anon = await openSurvey({ kind: 'nps', audience: { kind: 'customers' }, anonymous: true });
    for (const [sv, p, by] of [
      [enps, e, hr],
      [anon, c, marketing],
    ] as const) {
      const inv = await h.as(by).post(`/api/surveys/${sv.id}/invitations`, { partyIds: [p] });
      // An anonymous survey's link goes only to the invitee's mailbox.
      await appDeps(h.app).mail.drain();
      const mailed = sentMail.find((m) => m.to === 'qian7@example.com');
      const token =
        inv.json().items[0]?.token ?? /\/s\/([\w-]+)/.exec(typeof mailed?.text === 'string' ? mailed.text : '')?.[1];
      const q = sv.questions.find((x) => x.type === 'nps');
      expect((await respond(token, [{ questionId: q?.id ?? '', value: 3 }])).statusCode).toBe(201);
      const tl = await admin().get(`/api/parties/${p}/timeline`);
      expect(tl.json().items.some((i: { type: string }) => i.type === 'event')).toBe(false);
    }
  });
});
