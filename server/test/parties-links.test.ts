import { describe, expect, it } from 'vitest';
import type { PartyLink, PartyNetwork, PartyRole, RelationshipHistoryItem } from '../src/api.ts';
import { setup, type Session } from './harness.ts';

const h = await setup();

async function party(s: Session, displayName: string, kind = 'person', role = 'customer') {
  const res = await h.as(s).post('/api/parties', { kind, displayName, roles: [{ role }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
async function link(s: Session, from: string, body: Record<string, unknown>) {
  return h.as(s).post(`/api/parties/${from}/links`, body);
}

describe('links between parties', () => {
  it('shows a link at both ends, with the inverse direction, and removes it (audited)', async () => {
    const agent = await h.user(['agent']);
    const person = await party(agent, 'Li Lei');
    const company = await party(agent, 'Acme Ltd', 'organization');
    const res = await link(agent, person, {
      toPartyId: company,
      type: 'works_at',
      role: 'Buyer',
      from: '2024-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json<PartyLink>();
    expect(made).toMatchObject({
      type: 'works_at',
      role: 'Buyer',
      from: '2024-01-01',
      to: null,
      direction: 'out',
      other: { id: company, kind: 'organization', name: 'Acme Ltd', visible: true },
    });
    const back = (await h.as(agent).get(`/api/parties/${company}/links`)).json<{ items: PartyLink[] }>().items;
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ id: made.id, direction: 'in', other: { id: person, name: 'Li Lei' } });
    // The same active link again (either way round) is a conflict.
    const dup = await link(agent, company, { toPartyId: person, type: 'works_at' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toMatchObject({ code: 'LINK_EXISTS', linkId: made.id });
    expect((await h.as(agent).delete(`/api/parties/${company}/links/${made.id}`)).statusCode).toBe(204);
    expect((await h.as(agent).get(`/api/parties/${person}/links`)).json().items).toEqual([]);
    const audit = await h.as(h.org.admin).get('/api/audit', { query: { entityType: 'party_link' } });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(JSON.stringify(audit.json())).toContain(made.id);
  });

  it('refuses bad input on the field', async () => {
    const agent = await h.user(['agent']);
    const a = await party(agent, 'Han Meimei');
    const b = await party(agent, 'Beta Co', 'organization');
    const field = async (body: Record<string, unknown>) => {
      const res = await link(agent, a, body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details[0].path.join('.');
    };
    expect(await field({ toPartyId: a, type: 'family' })).toBe('body.toPartyId');
    expect(await field({ toPartyId: b, type: 'works_at', from: '2024-05-01', to: '2024-04-30' })).toBe('body.to');
    expect(await field({ toPartyId: b, type: 'no_such_type' })).toBe('body.type');
    expect(await field({ toPartyId: b, type: 'Works At!' })).toBe('body.type');
    // Custom types: admin only, then usable.
    const t = {
      key: 'alumnus_of',
      labelZh: '校友',
      labelEn: 'Alumnus of',
      inverseLabelZh: '校友',
      inverseLabelEn: 'Alma mater of',
    };
    expect((await h.as(agent).post('/api/party-link-types', t)).statusCode).toBe(403);
    expect((await h.as(h.org.admin).post('/api/party-link-types', t)).statusCode).toBe(201);
    expect((await h.as(h.org.admin).post('/api/party-link-types', t)).statusCode).toBe(409);
    expect((await h.as(h.org.admin).post('/api/party-link-types', { ...t, key: 'works_at' })).statusCode).toBe(409);
    const types = (await h.as(agent).get('/api/party-link-types')).json<{
      items: { key: string; builtIn: boolean }[];
    }>();
    expect(types.items.filter((x) => x.builtIn).map((x) => x.key)).toContain('referred_by');
    expect(types.items.find((x) => x.key === 'alumnus_of')?.builtIn).toBe(false);
    expect(
      (await link(agent, a, { toPartyId: b, type: 'alumnus_of', to: '2024-04-30', from: '2024-04-30' })).statusCode,
    ).toBe(201);
  });

  it('never shows the name of a party the reader may not see, in links or the network', async () => {
    const owner = await h.user(['agent']);
    const other = await h.user(['agent']);
    const mine = await party(owner, 'Visible Vivian');
    const hidden = await party(other, 'Secret Sam');
    // An admin links them (the agents could not: each sees only its own).
    expect((await link(h.org.admin, mine, { toPartyId: hidden, type: 'referred_by' })).statusCode).toBe(201);
    // The owner cannot link to a party it may not see: refused like an unknown one.
    expect((await link(owner, mine, { toPartyId: hidden, type: 'family' })).statusCode).toBe(400);
    const res = await h.as(owner).get(`/api/parties/${mine}/links`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Secret Sam');
    expect(res.json<{ items: PartyLink[] }>().items[0]?.other).toEqual({
      id: hidden,
      kind: null,
      name: null,
      visible: false,
    });
    const net = await h.as(owner).get(`/api/parties/${mine}/network`);
    expect(net.statusCode, net.body).toBe(200);
    expect(net.body).not.toContain('Secret Sam');
    expect(net.json<PartyNetwork>().nodes.find((n) => n.id === hidden)).toEqual({
      id: hidden,
      kind: null,
      name: null,
      visible: false,
      depth: 1,
    });
    // The hidden party's own links and network are not found for the owner.
    expect((await h.as(owner).get(`/api/parties/${hidden}/links`)).statusCode).toBe(404);
    expect((await h.as(owner).get(`/api/parties/${hidden}/network`)).statusCode).toBe(404);
  });

  it('walks cycles within the depth bound, each party once at its shortest distance', async () => {
    const s = await h.user(['agent']);
    const [a, b, c, d, e] = [
      await party(s, 'Node A'),
      await party(s, 'Node B'),
      await party(s, 'Node C'),
      await party(s, 'Node D'),
      await party(s, 'Node E'),
    ];
    // a–b–c–a is a cycle; c–d–e is a tail.
    for (const [x, y] of [
      [a, b],
      [b, c],
      [c, a],
      [c, d],
      [d, e],
    ] as const) {
      expect((await link(s, x, { toPartyId: y, type: 'partner_of' })).statusCode).toBe(201);
    }
    const net = async (depth?: number) =>
      (await h.as(s).get(`/api/parties/${a}/network${depth ? `?depth=${depth}` : ''}`)).json<PartyNetwork>();
    const two = await net();
    expect(two.nodes.map((n) => [n.name, n.depth])).toEqual(
      expect.arrayContaining([
        ['Node A', 0],
        ['Node B', 1],
        ['Node C', 1],
        ['Node D', 2],
      ]),
    );
    expect(two.nodes).toHaveLength(4);
    expect(two.edges).toHaveLength(4);
    expect(two.truncated).toBe(false);
    const one = await net(1);
    expect(one.nodes.map((n) => n.name).sort()).toEqual(['Node A', 'Node B', 'Node C']);
    const three = await net(3);
    expect(three.nodes).toHaveLength(5);
    expect(three.nodes.find((n) => n.id === e)?.depth).toBe(3);
    expect(new Set(three.nodes.map((n) => n.id)).size).toBe(5);
    expect((await h.as(s).get(`/api/parties/${a}/network?depth=4`)).statusCode).toBe(400);
    expect((await h.as(s).get(`/api/parties/${a}/network?depth=0`)).statusCode).toBe(400);
  });
});

describe('relationship scales per role', () => {
  const url = (id: string) => `/api/parties/${id}/roles/customer/relationship`;

  it('keeps the HR quadrant and the Kotler level apart, each with its target, and a history newest first', async () => {
    const s = await h.user(['agent'], { name: 'Scorer' });
    const id = await party(s, 'Two Scales Ltd', 'organization');
    const first = await h.as(s).put(url(id), {
      initiativeScore: 2,
      participationScore: 4,
      targetQuadrant: 'partnership',
      targetQuadrantBy: '2027-06-30',
      reason: 'They lead; we follow',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<PartyRole>()).toMatchObject({
      quadrant: 'reactive',
      targetQuadrant: 'partnership',
      targetQuadrantBy: '2027-06-30',
      level: null,
      targetLevel: null,
    });
    // Kotler's level moves; the quadrant does not.
    const second = (
      await h.as(s).put(url(id), { level: 'reactive', targetLevel: 'accountable', reason: 'We wait for their call' })
    ).json<PartyRole>();
    expect(second).toMatchObject({ level: 'reactive', targetLevel: 'accountable', quadrant: 'reactive' });
    expect(second.initiativeScore).toBe(2);
    // Scores move; the level does not.
    const third = (
      await h.as(s).put(url(id), { initiativeScore: 5, participationScore: 5, reason: 'Joint planning now' })
    ).json<PartyRole>();
    expect(third).toMatchObject({ quadrant: 'partnership', level: 'reactive', targetLevel: 'accountable' });
    expect(third.targetQuadrant).toBe('partnership');
    const hist = (await h.as(s).get(`${url(id)}/history`)).json<{ items: RelationshipHistoryItem[] }>().items;
    expect(hist.map((x) => x.reason)).toEqual(['Joint planning now', 'We wait for their call', 'They lead; we follow']);
    expect(hist[0]).toMatchObject({ quadrant: 'partnership', level: 'reactive', actor: { name: 'Scorer' } });
    expect(hist[2]).toMatchObject({ quadrant: 'reactive', level: null, initiativeScore: 2 });
  });

  it('refuses bad input, unknown roles and hidden parties', async () => {
    const s = await h.user(['agent']);
    const stranger = await h.user(['agent']);
    const id = await party(s, 'Validation Co', 'organization');
    const status = async (body: Record<string, unknown>, who = s, u = url(id)) =>
      (await h.as(who).put(u, body)).statusCode;
    expect(await status({ initiativeScore: 6, reason: 'x' })).toBe(400);
    expect(await status({ initiativeScore: 3 })).toBe(400);
    expect(await status({ initiativeScore: 3, reason: '' })).toBe(400);
    expect(await status({ initiativeScore: 3, reason: 'x'.repeat(501) })).toBe(400);
    expect(await status({ targetQuadrant: 'accountable', reason: 'Kotler word on the quadrant' })).toBe(400);
    expect(await status({ quadrant: 'basic', reason: 'derived, never input' })).toBe(400);
    expect(await status({ initiativeScore: 3, reason: 'ok' }, stranger)).toBe(404);
    expect(
      await status({ initiativeScore: 3, reason: 'ok' }, s, `/api/parties/${id}/roles/supplier/relationship`),
    ).toBe(404);
    expect((await h.as(stranger).get(`${url(id)}/history`)).statusCode).toBe(404);
  });
});
