import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// Consent per party and channel (the latest change counts; each change on the timeline and in the audit trail), and
// the suppression list kept by admins and marketing.

const h = await setup();
const admin = h.org.admin;
const owner = await h.user(['agent']);
const other = await h.user(['agent']);
const marketing = await h.user(['marketing']);

const created = await h.as(owner).post('/api/parties', {
  kind: 'person',
  displayName: '李娜',
  emails: ['Li.Na@Example.com'],
  roles: [{ role: 'customer' }],
});
const party = created.json<{ id: string }>().id;

type Consent = { channels: { channel: string; status: string; source: string | null; suppressed: boolean }[] };
const consent = async (who: Session = owner) => {
  const res = await h.as(who).get(`/api/parties/${party}/consent`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json<Consent>().channels.map((c) => [c.channel, c]));
};
const consentEvents = async () => {
  const res = await h.as(owner).get(`/api/parties/${party}/timeline?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<{ items: { type: string; event?: { kind: string; data: Record<string, unknown> } }[] }>()
    .items.flatMap((i) => (i.event?.kind.startsWith('consent.') ? [i.event] : []));
};

describe('consent', () => {
  it('is unknown until recorded; the latest change counts, each one on the timeline', async () => {
    expect((await consent()).email).toMatchObject({ status: 'unknown', source: null, suppressed: false });
    const put = (status: string, source = 'form') =>
      h.as(owner).put(`/api/parties/${party}/consent`, { consents: [{ channel: 'email', status }], source });
    expect((await put('granted')).statusCode).toBe(200);
    expect((await put('granted')).statusCode).toBe(200); // no change: nothing recorded
    expect((await put('withdrawn', 'verbal')).statusCode).toBe(200);
    expect((await consent()).email).toMatchObject({ status: 'withdrawn', source: 'verbal' });
    expect((await consent()).sms?.status).toBe('unknown');
    const events = await consentEvents();
    expect(events.map((e) => e.kind)).toEqual(['consent.withdrawn', 'consent.granted']);
    expect(events[0]?.data).toMatchObject({ channel: 'email', source: 'verbal', actorId: owner.userId });
    const audit = await h.as(admin).get(`/api/audit?entityType=party&entityId=${party}&limit=50`);
    expect(audit.body).toContain('consent.update');
  });

  it('is read and changed by whoever may read and change the party; others get 404', async () => {
    expect((await h.as(other).get(`/api/parties/${party}/consent`)).statusCode).toBe(404);
    const put = await h.as(other).put(`/api/parties/${party}/consent`, {
      consents: [{ channel: 'sms', status: 'granted' }],
      source: 'form',
    });
    expect(put.statusCode).toBe(404);
  });

  it('refuses the unsubscribe-link source, a channel twice and unknown channels', async () => {
    const bad = (body: unknown) => h.as(owner).put(`/api/parties/${party}/consent`, body);
    expect(
      (await bad({ consents: [{ channel: 'email', status: 'granted' }], source: 'unsubscribe_link' })).statusCode,
    ).toBe(400);
    const twice = [
      { channel: 'email', status: 'granted' },
      { channel: 'email', status: 'withdrawn' },
    ];
    expect((await bad({ consents: twice, source: 'form' })).statusCode).toBe(400);
    expect((await bad({ consents: [{ channel: 'fax', status: 'granted' }], source: 'form' })).statusCode).toBe(400);
  });
});

describe('suppression list', () => {
  it('keeps addresses in lower case, once; the party shows as suppressed; removal takes it off', async () => {
    const add = await h
      .as(marketing)
      .post('/api/care/suppressions', { channel: 'email', address: ' LI.NA@example.COM ' });
    expect(add.statusCode, add.body).toBe(201);
    const id = add.json<{ id: string; address: string }>().id;
    expect(add.json<{ address: string }>().address).toBe('li.na@example.com');
    const again = await h.as(admin).post('/api/care/suppressions', { channel: 'email', address: 'li.na@example.com' });
    expect(again.statusCode).toBe(409);
    expect((await consent()).email?.suppressed).toBe(true);
    const list = await h.as(marketing).get('/api/care/suppressions?q=li.na');
    expect(list.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([id]);
    expect((await h.as(owner).get('/api/care/suppressions')).statusCode).toBe(403);
    expect((await h.as(owner).delete(`/api/care/suppressions/${id}`)).statusCode).toBe(403);
    expect((await h.as(marketing).delete(`/api/care/suppressions/${id}`)).statusCode).toBe(204);
    expect((await h.as(marketing).delete(`/api/care/suppressions/${id}`)).statusCode).toBe(404);
    expect((await consent()).email?.suppressed).toBe(false);
  });
});
