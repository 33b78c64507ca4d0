import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);
const hr = await h.user(['hr']);
const marketing = await h.user(['marketing']);
const agent = await h.user(['agent']);

async function party(name: string, role: 'customer' | 'employee', stakeholderGroup?: string): Promise<string> {
  const res = await admin().post('/api/parties', {
    kind: 'person',
    displayName: name,
    roles: [{ role, ...(stakeholderGroup ? { stakeholderGroup } : {}) }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function survey(s: Session, body: Record<string, unknown>) {
  const res = await h.as(s).post('/api/surveys', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function open(s: Session, sv: { id: string; version: number }) {
  const res = await h.as(s).patch(`/api/surveys/${sv.id}`, { status: 'open', version: sv.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function invite(s: Session, id: string, partyIds: string[]) {
  const res = await h.as(s).post(`/api/surveys/${id}/invitations`, { partyIds });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { partyId: string; token: string; url: string }[];
}
const answer = (token: string, answers: { questionId: string; value: unknown }[], ip = '10.0.0.1') =>
  h.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${token}/responses`,
    payload: { answers },
    remoteAddress: ip,
  });
const get = (token: string, ip = '10.0.0.1') =>
  h.app.inject({ method: 'GET', url: `/api/public/surveys/${token}`, remoteAddress: ip });
const title = { zh: '调查', en: 'Survey' };

describe('surveys: create, read, update', () => {
  it('creates from a template with generated ids, enforces the status order and minGroupSize ≥ 3', async () => {
    const s = await survey(marketing, { kind: 'nps', title, audience: { kind: 'customers' } });
    expect(s).toMatchObject({
      status: 'draft',
      minGroupSize: 5,
      anonymous: false,
      legalNextStatuses: ['open'],
      version: 1,
    });
    expect(s.questions.map((q: { id: string; type: string }) => q.type)).toEqual(['nps', 'text']);
    const custom = await survey(marketing, {
      kind: 'custom',
      title,
      audience: { kind: 'customers' },
      questions: [{ type: 'scale', min: 1, max: 5, text: title }],
    });
    expect(custom.questions[0].id).toMatch(/^q[0-9a-f]{6}$/);
    const bad = await h.as(marketing).patch(`/api/surveys/${s.id}`, { status: 'closed', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({
        path: ['body', 'status'],
        code: 'illegal_transition',
        from: 'draft',
        legalNextStatuses: ['open'],
      }),
    ]);
    expect(
      (
        await h
          .as(marketing)
          .post('/api/surveys', { kind: 'nps', title, audience: { kind: 'customers' }, minGroupSize: 2 })
      ).statusCode,
    ).toBe(400);
    const opened = await open(marketing, s);
    expect(opened).toMatchObject({ status: 'open', version: 2, legalNextStatuses: ['closed'] });
    const stale = await h.as(marketing).patch(`/api/surveys/${s.id}`, { title: { zh: '新', en: 'New' }, version: 1 });
    expect(stale.statusCode).toBe(409);
    const frozen = await h.as(marketing).patch(`/api/surveys/${s.id}`, { questions: [], version: 2 });
    expect(frozen.statusCode).toBe(400);
  });

  it('keeps employee surveys in HR’s circle and refuses other roles', async () => {
    expect(
      (await h.as(marketing).post('/api/surveys', { kind: 'enps', title, audience: { kind: 'employees' } })).statusCode,
    ).toBe(403);
    const e = await survey(hr, { kind: 'enps', title, audience: { kind: 'employees' }, anonymous: true });
    expect((await h.as(marketing).get(`/api/surveys/${e.id}`)).statusCode).toBe(404);
    expect((await admin().get(`/api/surveys/${e.id}`)).statusCode).toBe(200);
    const list = await h.as(marketing).get('/api/surveys');
    expect(list.json().items.some((x: { id: string }) => x.id === e.id)).toBe(false);
    expect((await h.as(agent).get('/api/surveys')).statusCode).toBe(403);
  });

  it('offers the gap template with the eight value elements in both languages', async () => {
    const g = await survey(marketing, { kind: 'gap', title, audience: { kind: 'customers' } });
    const dims = [
      ...new Set(
        g.questions.filter((q: { dimension?: string }) => q.dimension).map((q: { dimension: string }) => q.dimension),
      ),
    ];
    expect(dims).toEqual([
      'quality',
      'service',
      'price',
      'brand',
      'customisation',
      'affinity',
      'self_expression',
      'self_actualisation',
    ]);
    expect(g.questions[0].text.zh).toContain('质量');
  });
});

describe('surveys: choice questions', () => {
  it('counts picks per option and respondents as n (multiple choice picks add up to more than n)', async () => {
    const customers = await Promise.all(Array.from({ length: 3 }, (_, i) => party(`选择${i}`, 'customer')));
    const opt = (key: string) => ({ key, text: { zh: key, en: key } });
    const s = await open(
      marketing,
      await survey(marketing, {
        kind: 'custom',
        title,
        audience: { kind: 'customers' },
        questions: [
          {
            id: 'multi',
            type: 'choice',
            multiple: true,
            required: true,
            text: { zh: '多选', en: 'Pick any' },
            options: [opt('a'), opt('b'), opt('c')],
          },
          {
            id: 'single',
            type: 'choice',
            required: false,
            text: { zh: '单选', en: 'Pick one' },
            options: [opt('x'), opt('y')],
          },
        ],
      }),
    );
    const links = await invite(marketing, s.id, customers);
    const picks = [
      [['a', 'b'], 'x'],
      [['a'], null],
      [['c'], 'y'],
    ] as const;
    for (const [i, [multi, single]] of picks.entries()) {
      const res = await answer(
        links[i]?.token ?? '',
        [{ questionId: 'multi', value: multi }, ...(single ? [{ questionId: 'single', value: single }] : [])],
        `10.9.0.${i}`,
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const total = (await h.as(marketing).get(`/api/surveys/${s.id}/results`)).json().total;
    expect(total.questions).toEqual([
      { questionId: 'multi', type: 'choice', n: 3, choices: { a: 2, b: 1, c: 1 } },
      { questionId: 'single', type: 'choice', n: 2, choices: { x: 1, y: 1 } },
    ]);
  });
});

describe('surveys: answering through links', async () => {
  const customers = await Promise.all(Array.from({ length: 10 }, (_, i) => party(`客户${i}`, 'customer')));
  const s = await open(marketing, await survey(marketing, { kind: 'nps', title, audience: { kind: 'customers' } }));
  const links = await invite(marketing, s.id, customers);
  const scores = [10, 10, 9, 9, 9, 8, 7, 6, 3, 0];

  it('issues one random link per party and stores only its hash', async () => {
    expect(links).toHaveLength(10);
    expect(new Set(links.map((l) => l.token)).size).toBe(10);
    expect(links[0]?.url).toMatch(/\/s\/[\w-]{40,}$/);
    const stored = await sql<{
      n: number;
    }>`select count(*)::int as n from survey_invitation where token_hash = ${links[0]?.token ?? ''}`.execute(h.db.db);
    expect(stored.rows[0]?.n).toBe(0);
    const pub = await get(links[0]?.token ?? '');
    expect(pub.statusCode).toBe(200);
    expect(pub.json().questions[0]).toMatchObject({ id: 'nps', type: 'nps' });
  });

  it('refuses bad answers with 400 and stores nothing', async () => {
    const t = links[0]?.token ?? '';
    expect((await answer(t, [{ questionId: 'nps', value: 11 }])).statusCode).toBe(400);
    expect((await answer(t, [{ questionId: 'nps', value: 7.5 }])).statusCode).toBe(400);
    expect(
      (
        await answer(t, [
          { questionId: 'nope', value: 1 },
          { questionId: 'nps', value: 5 },
        ])
      ).statusCode,
    ).toBe(400);
    expect((await answer(t, [{ questionId: 'comment', value: 'x' }])).statusCode).toBe(400); // nps required
    expect(
      (
        await answer(t, [
          { questionId: 'nps', value: 5 },
          { questionId: 'comment', value: '长'.repeat(2001) },
        ])
      ).statusCode,
    ).toBe(400);
    const huge = await h.app.inject({
      method: 'POST',
      url: `/api/public/surveys/${t}/responses`,
      payload: { answers: [{ questionId: 'comment', value: 'x'.repeat(1_100_000) }] },
    });
    expect(huge.statusCode).toBe(413);
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from survey_response where survey_id = ${s.id}`.execute(h.db.db);
    expect(n.rows[0]?.n).toBe(0);
  });

  it('accepts each link once (409 the second time) and computes NPS in SQL: 50% − 30% = 20', async () => {
    for (const [i, l] of links.entries()) {
      const res = await answer(l.token, [
        { questionId: 'nps', value: scores[i] },
        ...(i === 0 ? [{ questionId: 'comment', value: '服务很好' }] : []),
      ]);
      expect(res.statusCode, res.body).toBe(201);
    }
    const again = await answer(links[0]?.token ?? '', [{ questionId: 'nps', value: 0 }]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'ALREADY_ANSWERED' });
    const res = await h.as(marketing).get(`/api/surveys/${s.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const total = res.json().total;
    expect(total).toMatchObject({ n: 10, invited: 10, responseRate: 100, suppressed: false });
    expect(total.questions[0]).toMatchObject({
      questionId: 'nps',
      n: 10,
      mean: 7.1,
      nps: { score: 20, promoters: 50, passives: 20, detractors: 30 },
    });
    expect(total.questions[0].distribution).toEqual({ '0': 1, '3': 1, '6': 1, '7': 1, '8': 1, '9': 3, '10': 2 });
    const texts = await h.as(marketing).get(`/api/surveys/${s.id}/text-answers`);
    expect(texts.json().groups[0].items).toEqual([
      expect.objectContaining({ questionId: 'comment', text: '服务很好', partyId: links[0]?.partyId }),
    ]);
  });

  it('answers forged and expired links with the same 404, and closed surveys with 409 SURVEY_CLOSED', async () => {
    const extra = [await party('迟到', 'customer'), await party('过期', 'customer')];
    const [late, old] = await invite(marketing, s.id, extra);
    await sql`update survey_invitation set expires_at = now() - interval '1 minute' where party_id = ${old?.partyId ?? ''}`.execute(
      h.db.db,
    );
    const forged = await get('x'.repeat(43));
    const expired = await get(old?.token ?? '');
    expect(forged.statusCode).toBe(404);
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error).toEqual(forged.json().error);
    const current = (await h.as(marketing).get(`/api/surveys/${s.id}`)).json();
    expect(
      (await h.as(marketing).patch(`/api/surveys/${s.id}`, { status: 'closed', version: current.version })).statusCode,
    ).toBe(200);
    const closed = await answer(late?.token ?? '', [{ questionId: 'nps', value: 9 }]);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.details).toEqual({ reason: 'SURVEY_CLOSED' });
  });

  it('rate-limits guessing: after 20 unknown links an address is refused (429)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      codes.push((await get(`guess${i}`.padEnd(43, 'x'), '10.9.9.9')).statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});
