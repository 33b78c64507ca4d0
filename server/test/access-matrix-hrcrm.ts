import { nextN, type Maker, type MatrixFixture, type Vars } from './access-matrix-fixture.ts';

// Makers of the links rows (modules/parties/links/links.access-matrix.ts) and the HR-department CRM's rows
// (modules/hrcrm/hrcrm.access-matrix.ts).

function simpleMaker(make: () => Promise<Vars>): Maker {
  let shared: Promise<Vars> | undefined;
  return {
    shared: () => (shared ??= make()),
    fresh: () => make(),
  };
}

export function hrcrmMakers(fx: MatrixFixture): Record<string, Maker> {
  const { ok, ids } = fx;
  /** The customer (shared or fresh) works at an organisation the owner made, with the same backup owner. */
  async function linked(customerId: string): Promise<Vars> {
    const org = await ok('owner', 'POST', '/api/parties', {
      kind: 'organization',
      displayName: `Matrix Company ${nextN()}`,
      roles: [{ role: 'customer' }],
      backupOwnerId: fx.actors.backup.userId,
    });
    const link = await ok('owner', 'POST', `/api/parties/${customerId}/links`, {
      toPartyId: org.id,
      type: 'works_at',
      role: 'Buyer',
    });
    return { id: customerId, linkId: link.id, other: org.id };
  }
  let sharedLink: Promise<Vars> | undefined;
  const partyLink: Maker = {
    shared: () => (sharedLink ??= linked(ids.customer)),
    fresh: async () => linked((await fx.customer()).id),
  };
  return {
    party_link: partyLink,
    party_link_type: simpleMaker(async () => {
      const n = nextN();
      const t = await ok<{ key: string }>('admin', 'POST', '/api/party-link-types', {
        key: `matrix_kind_${n}`,
        labelZh: `矩阵 ${n}`,
        labelEn: `Matrix ${n}`,
        inverseLabelZh: `矩阵 ${n}`,
        inverseLabelEn: `Matrix ${n}`,
      });
      return { id: t.key };
    }),
    hr_group: { shared: () => Promise.resolve({ id: 'line_managers' }), fresh: () => Promise.resolve({}) },
    hr_activity: simpleMaker(async () => {
      const a = await ok('hr', 'POST', '/api/hr-crm/groups/line_managers/activities', {
        r: 'response',
        title: `Matrix activity ${nextN()}`,
      });
      return { id: a.id };
    }),
    hr_service: simpleMaker(async () => {
      const n = nextN();
      const s = await ok('hr', 'POST', '/api/hr-crm/services', {
        nameZh: `矩阵服务 ${n}`,
        nameEn: `Matrix service ${n}`,
        groups: [{ groupKey: 'line_managers', measure: { kind: 'indicator', ref: 'time_to_fill' } }],
      });
      return { id: s.id };
    }),
  };
}
