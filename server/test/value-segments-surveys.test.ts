import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { releaseHeldAnswers } from '../src/modules/surveys/index.ts';
import { setup, capturingMailTransport } from './harness.ts';

// Segments as a survey audience and as a results grouping (docs/metrics.md "Segments"): the respondent's segment
// is the first active one by priority they match at answer time, for identified and anonymous answers alike.

const { transport, sent: sentMail } = capturingMailTransport();
const h = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com' });
const admin = h.as(h.org.admin);
const marketing = h.as(await h.user(['marketing']));
const title = { zh: '客户调查', en: 'Customer survey' };
const questions = [{ id: 'overall', type: 'scale', min: 1, max: 5, text: { zh: '总体', en: 'Overall' } }];

const segment = async (name: string, priority: number, tags: string[]) => {
  const res = await admin.post('/api/segments', { name, priority, rule: { field: 'tags', op: 'any', value: tags } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
// Gold first, then Silver; Any takes the bronze ones (gold and silver match it too, but later by priority).
const gold = await segment('Gold', 10, ['gold']);
const silver = await segment('Silver', 20, ['silver']);
const any = await segment('Any', 30, ['gold', 'silver', 'bronze']);

const tiers = [...Array(6).fill('gold'), ...Array(5).fill('silver'), ...Array(2).fill('bronze')] as string[];
const score: Record<string, number> = { gold: 5, silver: 3, bronze: 1 };
const people: { id: string; email: string; tier: string; version: number }[] = [];
for (const [i, tier] of tiers.entries()) {
  const email = `buyer${i}@example.com`;
  const res = await admin.post('/api/parties', {
    kind: 'person',
    displayName: `Buyer ${i}`,
    emails: [email],
    tags: [tier],
    roles: [{ role: 'customer' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  people.push({ id: res.json().id, email, tier, version: res.json().version });
}
// Not in any segment: never invited through a segment audience.
const outsider = (
  await admin.post('/api/parties', { kind: 'person', displayName: 'Outsider', emails: ['o@example.com'] })
).json<{ id: string }>().id;

async function openSurvey(anonymous: boolean, segmentId: string) {
  const res = await marketing.post('/api/surveys', {
    kind: 'custom',
    title,
    audience: { kind: 'segment', segmentId },
    anonymous,
    questions,
  });
  expect(res.statusCode, res.body).toBe(201);
  const opened = await marketing.patch(`/api/surveys/${res.json().id}`, { status: 'open', version: 1 });
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json<{ id: string; version: number }>();
}
const answer = (token: string, value: number, i: number) =>
  h.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${token}/responses`,
    payload: { answers: [{ questionId: 'overall', value }] },
    remoteAddress: `10.0.1.${i + 1}`,
  });

type Group = { key: string; name: string | null; n?: number; suppressed: boolean; questions?: { mean: number }[] };
const results = async (id: string) => {
  const res = await marketing.get(`/api/surveys/${id}/results?groupBy=segment`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ total: { n: number }; groups: Group[] }>();
};

describe('a segment as a survey audience', () => {
  it('refuses a segment audience without an active segment of the organisation (400 on the field)', async () => {
    for (const audience of [
      { kind: 'segment' },
      { kind: 'segment', segmentId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const res = await marketing.post('/api/surveys', { kind: 'custom', title, audience, questions });
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain('segmentId');
    }
  });

  it('invites the live members of the segment, groups identified answers by the segment captured at answer time', async () => {
    const sv = await openSurvey(false, any);
    const inv = await marketing.post(`/api/surveys/${sv.id}/invitations`, {});
    expect(inv.statusCode, inv.body).toBe(200);
    const items = inv.json<{ items: { partyId: string; token: string }[] }>().items;
    expect(items.map((i) => i.partyId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(items.map((i) => i.partyId)).not.toContain(outsider);
    // The invitees' current segments, before anyone answered: Gold 6, Silver 5, Any 2.
    const before = await results(sv.id);
    expect(before.total.n).toBe(0);
    for (const [i, p] of people.entries()) {
      const token = items.find((x) => x.partyId === p.id)?.token ?? '';
      expect((await answer(token, score[p.tier] ?? 0, i)).statusCode).toBe(201);
    }
    // A gold buyer becomes bronze after answering: their answer stays in Gold.
    const first = people[0];
    if (!first) {
      throw new Error('no people');
    }
    const moved = await admin.patch(`/api/parties/${first.id}`, { tags: ['bronze'], version: first.version });
    expect(moved.statusCode, moved.body).toBe(200);
    first.version = moved.json<{ version: number }>().version;
    const r = await results(sv.id);
    const byKey = Object.fromEntries(r.groups.map((g) => [g.key, g]));
    expect(byKey[gold]).toMatchObject({ name: 'Gold', n: 6, suppressed: false });
    expect(byKey[gold]?.questions?.[0]?.mean).toBe(5);
    expect(byKey[silver]).toMatchObject({ name: 'Silver', n: 5 });
    expect(byKey[silver]?.questions?.[0]?.mean).toBe(3);
    expect(byKey[any]).toMatchObject({ name: 'Any', n: 2 });
    expect(byKey[any]?.questions?.[0]?.mean).toBe(1);
    // Put back.
    const back = await admin.patch(`/api/parties/${first.id}`, { tags: ['gold'], version: first.version });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('anonymous ballots carry the segment too; small groups and their complement are suppressed at close', async () => {
    const sv = await openSurvey(true, any);
    await appDeps(h.app).mail.drain();
    sentMail.length = 0;
    const inv = await marketing.post(`/api/surveys/${sv.id}/invitations`, {});
    expect(inv.statusCode, inv.body).toBe(200);
    await appDeps(h.app).mail.drain();
    for (const [i, p] of people.entries()) {
      const mail = sentMail.find((m) => m.to === p.email);
      const token = /\/s\/([\w-]+)/.exec(typeof mail?.text === 'string' ? mail.text : '')?.[1] ?? '';
      expect((await answer(token, score[p.tier] ?? 0, i)).statusCode).toBe(201);
    }
    await releaseHeldAnswers(appDeps(h.app));
    const closed = await marketing.patch(`/api/surveys/${sv.id}`, { status: 'closed', version: sv.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const r = await results(sv.id);
    expect(r.total.n).toBe(13);
    const byKey = Object.fromEntries(r.groups.map((g) => [g.key, g]));
    expect(byKey[gold]).toMatchObject({ name: 'Gold', n: 6, suppressed: false });
    expect(byKey[gold]?.questions?.[0]?.mean).toBe(5);
    // Any (2) is below the minimum of 5; Silver (5) would reveal it as total − Gold − Silver: both suppressed.
    expect(byKey[any]).toEqual({ key: any, name: 'Any', suppressed: true });
    expect(byKey[silver]).toEqual({ key: silver, name: 'Silver', suppressed: true });
  });
});
