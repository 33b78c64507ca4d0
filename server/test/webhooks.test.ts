import { createHmac, timingSafeEqual } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { systemWho } from '../src/platform/audit/audit.ts';
import { isPrivateAddress } from '../src/platform/webhooks/address.ts';
import { drainWebhooks, retryDelaySeconds } from '../src/platform/webhooks/delivery.ts';
import { emitEvent } from '../src/platform/webhooks/events.ts';
import { signature } from '../src/platform/webhooks/signing.ts';
import { releaseHeldAnswers } from '../src/modules/surveys/index.ts';
import { setup, capturingMailTransport } from './harness.ts';

// Signed webhooks (docs/webhooks.md) against a receiver on 127.0.0.1: signatures checked by the independent
// verifier below (Standard Webhooks 1.0), the outbox in the writer's transaction, retries, 410, rotation, replay,
// ping, the address check, access, and what the payloads must never carry.

const { transport, sent: sentMail } = capturingMailTransport();
const h = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com' });
const admin = h.as(h.org.admin);
const deps = appDeps(h.app);
const drain = () => drainWebhooks(deps);

interface Got {
  headers: IncomingHttpHeaders;
  body: string;
}
const got: Got[] = [];
const replies: number[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => {
    got.push({ headers: req.headers, body });
    res.statusCode = replies.shift() ?? 200;
    res.end(`received ${body.length} bytes`);
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** The verifier a receiver would write from the spec alone (no code of the server's). */
function verifies(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`;
  const expected = Buffer.from(createHmac('sha256', key).update(signed).digest('base64'));
  return String(headers['webhook-signature'])
    .split(' ')
    .some((s) => {
      const [version, sig = ''] = s.split(',');
      const given = Buffer.from(sig);
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

type Endpoint = { id: string; version: number; secret: string; enabled: boolean; disabledReason: string | null };
/** One endpoint at a time: the others are removed, so each test sees only its own deliveries. */
async function only(body: Record<string, unknown>): Promise<Endpoint> {
  for (const w of (await admin.get('/api/webhooks')).json<{ items: { id: string }[] }>().items) {
    await admin.delete(`/api/webhooks/${w.id}`);
  }
  const res = await admin.post('/api/webhooks', { allowPrivate: true, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Endpoint>();
}
const bodies = () =>
  got.map((g) => JSON.parse(g.body) as { type: string; timestamp: string; data: Record<string, unknown> });

beforeEach(() => {
  got.length = 0;
  replies.length = 0;
});

describe('signatures', () => {
  it("reproduce the Standard Webhooks specification's test vector", () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const body = '{"test": 2432232314}';
    const expected = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
    expect(signature(secret, id, 1614265330, body)).toBe(expected);
    const headers = { 'webhook-id': id, 'webhook-timestamp': '1614265330', 'webhook-signature': expected };
    expect(verifies(secret, headers, body)).toBe(true);
    expect(verifies(secret, headers, `${body} `)).toBe(false);
  });

  it('retry delays follow the schedule with ±10 % jitter and end after nine retries', () => {
    expect(retryDelaySeconds(1, () => 0.5)).toBe(5);
    expect(retryDelaySeconds(2, () => 0)).toBe(270);
    expect(retryDelaySeconds(9, () => 1)).toBeCloseTo(95040);
    expect(retryDelaySeconds(10)).toBeNull();
  });

  it('private, loopback, link-local and mapped addresses are private; public ones are not', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
  });
});

describe('endpoints', () => {
  it('the secret is shown once; bad URLs and unknown events are refused on their field', async () => {
    const w = await only({ url: `${base}/a`, events: ['party.*', 'case.resolved'] });
    expect(w.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const read = await admin.get(`/api/webhooks/${w.id}`);
    expect(read.body).not.toContain(w.secret);
    expect((await admin.get('/api/webhooks')).body).not.toContain(w.secret);
    const ftp = await admin.post('/api/webhooks', { url: 'ftp://example.com/x' });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.body).toContain('url');
    const plain = await admin.post('/api/webhooks', { url: 'http://example.com/x' });
    expect(plain.statusCode).toBe(400);
    const unknown = await admin.post('/api/webhooks', { url: 'https://example.com/x', events: ['salary.changed'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('events');
  });

  it('only the admin: other roles 403, another organisation 404', async () => {
    const w = await only({ url: `${base}/b` });
    const agent = h.as(await h.user(['agent']));
    const hr = h.as(await h.user(['hr']));
    expect((await agent.get('/api/webhooks')).statusCode).toBe(403);
    expect((await hr.post('/api/webhooks', { url: `${base}/x` })).statusCode).toBe(403);
    expect((await agent.post(`/api/webhooks/${w.id}/ping`)).statusCode).toBe(403);
    const other = await h.newOrg(`other${Date.now() % 100000}`);
    expect((await h.as(other.admin).get(`/api/webhooks/${w.id}`)).statusCode).toBe(404);
    expect((await h.as(other.admin).get('/api/webhooks')).json().items).toEqual([]);
  });

  it('a private address is refused without the flag, and reached with it', async () => {
    const w = await only({ url: `${base}/private`, allowPrivate: false });
    const refused = await admin.post(`/api/webhooks/${w.id}/ping`);
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ ok: false, statusCode: null, trigger: 'ping' });
    expect(refused.json().error).toMatch(/private or loopback/);
    expect(got).toHaveLength(0);
    await admin.patch(`/api/webhooks/${w.id}`, { allowPrivate: true, version: w.version });
    const ping = await admin.post(`/api/webhooks/${w.id}/ping`);
    expect(ping.json()).toMatchObject({ ok: true, statusCode: 200, type: 'webhook.ping' });
    expect(ping.json().responseExcerpt).toMatch(/^received \d+ bytes$/);
    expect(got).toHaveLength(1);
    expect(verifies(w.secret, got[0]!.headers, got[0]!.body)).toBe(true);
    const log = (await admin.get(`/api/webhooks/${w.id}/deliveries`)).json().items;
    expect(log.map((d: { ok: boolean }) => d.ok)).toEqual([true, false]);
  });
});

describe('delivery', () => {
  it('a change is delivered after commit, signed over the exact bytes, with minimal data', async () => {
    const w = await only({ url: `${base}/parties`, events: ['party.*'] });
    const party = (await admin.post('/api/parties', { kind: 'person', displayName: '王芳' })).json<{ id: string }>();
    expect(got).toHaveLength(0);
    expect(await drain()).toEqual({ sent: 1, failed: 0 });
    expect(got).toHaveLength(1);
    const [g] = got;
    expect(g!.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Math.abs(Number(g!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    expect(verifies(w.secret, g!.headers, g!.body)).toBe(true);
    expect(bodies()[0]).toMatchObject({ type: 'party.created', data: { id: party.id, kind: 'person' } });
    expect(g!.body).not.toContain('王芳');
    expect(await drain()).toEqual({ sent: 0, failed: 0 });
  });

  it('the filter decides: a case event does not go to a party-only endpoint', async () => {
    await only({ url: `${base}/filtered`, events: ['party.deleted'] });
    await admin.post('/api/parties', { kind: 'person', displayName: 'Not sent' });
    expect(await drain()).toEqual({ sent: 0, failed: 0 });
  });

  it('a rolled-back write sends nothing', async () => {
    await only({ url: `${base}/rollback` });
    const count = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from webhook_event`.execute(h.db.db)).rows[0]?.n);
    const before = await count();
    await expect(
      h.db.db.transaction().execute(async (trx) => {
        await emitEvent(trx, systemWho(h.org.orgId), 'party.created', { id: 'x', kind: 'person' });
        throw new Error('the change fails after its event');
      }),
    ).rejects.toThrow('the change fails');
    // Through the API: a party whose role is refused rolls back with its event.
    const bad = await admin.post('/api/parties', {
      kind: 'person',
      displayName: 'Refused',
      roles: [{ role: 'customer', ownerId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(await count()).toBe(before);
    expect(await drain()).toEqual({ sent: 0, failed: 0 });
    expect(got).toHaveLength(0);
  });

  it('a failure is retried about 5 s later with the same id, and then succeeds', async () => {
    const w = await only({ url: `${base}/retry`, events: ['party.created'] });
    replies.push(500);
    await admin.post('/api/parties', { kind: 'person', displayName: 'Retry' });
    expect(await drain()).toEqual({ sent: 0, failed: 1 });
    const ev = (
      await sql<{ id: string; s: number; status: string }>`
      select id, status, extract(epoch from next_attempt_at - now())::float8 as s from webhook_event
      where endpoint_id = ${w.id}`.execute(h.db.db)
    ).rows[0]!;
    expect(ev.status).toBe('pending');
    expect(ev.s).toBeGreaterThan(3.5);
    expect(ev.s).toBeLessThan(5.6);
    expect(await drain()).toEqual({ sent: 0, failed: 0 }); // not due yet
    await sql`update webhook_event set next_attempt_at = now() where id = ${ev.id}`.execute(h.db.db);
    expect(await drain()).toEqual({ sent: 1, failed: 0 });
    expect(got.map((g) => g.headers['webhook-id'])).toEqual([ev.id, ev.id]);
    expect(got[0]!.body).toBe(got[1]!.body);
    const log = (await admin.get(`/api/webhooks/${w.id}/deliveries`)).json().items;
    expect(log.map((d: { attempt: number; statusCode: number }) => [d.attempt, d.statusCode])).toEqual([
      [2, 200],
      [1, 500],
    ]);
    expect(log[1].responseExcerpt).toMatch(/^received/);
  });

  it('a 410 disables the endpoint, audits it and mails the admins', async () => {
    const w = await only({ url: `${base}/gone`, events: ['party.*'] });
    replies.push(410);
    await admin.post('/api/parties', { kind: 'person', displayName: 'Gone' });
    expect(await drain()).toEqual({ sent: 0, failed: 1 });
    const after = (await admin.get(`/api/webhooks/${w.id}`)).json<Endpoint>();
    expect(after.enabled).toBe(false);
    expect(after.disabledReason).toMatch(/410/);
    const audit = (await admin.get(`/api/audit?entityId=${w.id}`)).json().items as { action: string }[];
    expect(audit.map((a) => a.action)).toContain('webhook.disable');
    await deps.mail.drain();
    expect(sentMail.some((m) => m.to === h.org.admin.email && String(m.subject).includes('webhook'))).toBe(true);
    // Disabled: new events are not even queued for it.
    await admin.post('/api/parties', { kind: 'person', displayName: 'After' });
    expect(await drain()).toEqual({ sent: 0, failed: 0 });
    expect(got).toHaveLength(1);
  });

  it('after a rotation both secrets sign for 24 hours', async () => {
    const w = await only({ url: `${base}/rotate` });
    const rotated = (await admin.post(`/api/webhooks/${w.id}/rotate`)).json<
      Endpoint & { previousSecretUntil: string }
    >();
    expect(rotated.secret).not.toBe(w.secret);
    const hours = (Date.parse(rotated.previousSecretUntil) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    await admin.post(`/api/webhooks/${w.id}/ping`);
    const [g] = got;
    expect(String(g!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifies(w.secret, g!.headers, g!.body)).toBe(true);
    expect(verifies(rotated.secret, g!.headers, g!.body)).toBe(true);
    // Once the overlap is over, only the new secret signs.
    await sql`update webhook_endpoint set previous_secret_until = now() - interval '1 second' where id = ${w.id}`.execute(
      h.db.db,
    );
    await admin.post(`/api/webhooks/${w.id}/ping`);
    expect(verifies(w.secret, got[1]!.headers, got[1]!.body)).toBe(false);
    expect(verifies(rotated.secret, got[1]!.headers, got[1]!.body)).toBe(true);
  });

  it('a replay sends the same message again (same id and body), logged as a replay', async () => {
    const w = await only({ url: `${base}/replay`, events: ['party.created'] });
    await admin.post('/api/parties', { kind: 'person', displayName: 'Replay' });
    await drain();
    const [first] = (await admin.get(`/api/webhooks/${w.id}/deliveries`)).json().items as { id: string }[];
    const replay = await admin.post(`/api/webhook-deliveries/${first!.id}/replay`);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toMatchObject({ trigger: 'replay', ok: true, attempt: 2 });
    expect(got).toHaveLength(2);
    expect(got[1]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
    expect(got[1]!.body).toBe(got[0]!.body);
    expect((await admin.post('/api/webhook-deliveries/00000000-0000-4000-8000-000000000000/replay')).statusCode).toBe(
      404,
    );
  });
});

describe('what is never sent', () => {
  it("an employee's pay, grade and file changes never reach a payload", async () => {
    await only({ url: `${base}/people` });
    const hr = h.as(await h.user(['hr']));
    const emp = await hr.post('/api/parties', {
      kind: 'person',
      displayName: 'Pay Secret',
      roles: [
        { role: 'employee', stage: 'stable', employment: { salary: 87654, grade: 'P7', hireDate: '2021-01-01' } },
      ],
    });
    expect(emp.statusCode, emp.body).toBe(201);
    const id = emp.json<{ id: string }>().id;
    const file = (await hr.get(`/api/employees/${id}`)).json<{ version: number }>();
    const raise = await hr.patch(`/api/employees/${id}`, { salary: 98765, version: file.version });
    expect(raise.statusCode, raise.body).toBe(200);
    const party = (await hr.get(`/api/parties/${id}`)).json<{ version: number }>();
    await hr.patch(`/api/parties/${id}`, { tags: ['moved'], version: party.version });
    await drain();
    expect(bodies().map((b) => b.type)).toEqual(expect.arrayContaining(['party.created', 'party.updated']));
    for (const g of got) {
      expect(g.body).not.toMatch(/87654|98765|salary|grade|P7|appraisal|incentive|Pay Secret/i);
    }
  });

  it('an anonymous survey answer sends the survey and the day only, at release, never who or when', async () => {
    await only({ url: `${base}/surveys`, events: ['survey.*'] });
    const hr = h.as(await h.user(['hr']));
    const people: { id: string; email: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const email = `anon${i}-${Date.now()}@example.com`;
      const p = await admin.post('/api/parties', {
        kind: 'person',
        displayName: `匿名${i}`,
        emails: [email],
        roles: [{ role: 'employee' }],
      });
      people.push({ id: p.json<{ id: string }>().id, email });
    }
    const created = await hr.post('/api/surveys', {
      kind: 'custom',
      title: { zh: '匿名', en: 'Anonymous' },
      audience: { kind: 'employees' },
      anonymous: true,
      minGroupSize: 3,
      questions: [{ id: 'q', type: 'scale', min: 1, max: 5, text: { zh: '满意', en: 'Satisfied' } }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const sv = (await hr.patch(`/api/surveys/${created.json().id}`, { status: 'open', version: 1 })).json();
    const invited = await hr.post(`/api/surveys/${sv.id}/invitations`, { partyIds: people.map((p) => p.id) });
    expect(invited.statusCode, invited.body).toBeLessThan(300);
    await deps.mail.drain();
    const invitationIds = (
      await sql<{ id: string }>`select id from survey_invitation where survey_id = ${sv.id}`.execute(h.db.db)
    ).rows.map((r) => r.id);
    for (const p of people) {
      const mail = sentMail.find((m) => m.to === p.email);
      const token = /\/s\/([\w-]+)/.exec(typeof mail?.text === 'string' ? mail.text : '')?.[1];
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/public/surveys/${token}/responses`,
        payload: { answers: [{ questionId: 'q', value: 4 }] },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await drain()).toEqual({ sent: 0, failed: 0 }); // held ballots send nothing
    expect(await releaseHeldAnswers(deps)).toBe(3);
    await drain();
    const sent = bodies();
    expect(sent).toHaveLength(3);
    const today = new Date().toISOString().slice(0, 10);
    for (const b of sent) {
      expect(b).toEqual({
        type: 'survey.response_created',
        timestamp: `${today}T00:00:00.000Z`,
        data: { surveyId: sv.id, anonymous: true, day: today },
      });
    }
    const responseIds = (
      await sql<{ id: string }>`select id from survey_response where survey_id = ${sv.id}`.execute(h.db.db)
    ).rows.map((r) => r.id);
    for (const secret of [...people.map((p) => p.id), ...invitationIds, ...responseIds]) {
      expect(got.some((g) => g.body.includes(secret))).toBe(false);
    }
  });
});
