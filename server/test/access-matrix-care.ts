import { nextN, type Maker, type MatrixFixture } from './access-matrix-fixture.ts';

// Makers of the care module's matrix rows (modules/care/care.access-matrix.ts).

const rule = () => ({
  name: `Matrix rule ${nextN()}`,
  kind: 'birthday',
  titleZh: '{{name}} 生日',
  titleEn: 'Birthday',
});

/** Care: an organisation-wide rule added by the admin (fresh copies for writes). */
export function careMakers(fx: MatrixFixture): Record<string, Maker> {
  let shared: Promise<{ id: string; version: number }> | undefined;
  const make = () => fx.ok<{ id: string; version: number }>('admin', 'POST', '/api/care/rules', rule());
  const suppression = () =>
    fx.ok<{ id: string }>('admin', 'POST', '/api/care/suppressions', {
      channel: 'email',
      address: `matrix-${nextN()}@example.com`,
    });
  const campaign = () =>
    fx.ok<{ id: string; version: number }>('admin', 'POST', '/api/campaigns', {
      name: `Matrix campaign ${nextN()}`,
      kind: 'newsletter',
      commercial: false,
      audience: { partyIds: [fx.ids.customer] },
      subjectZh: '通讯',
      subjectEn: 'News',
      bodyZh: '你好',
      bodyEn: 'Hello',
    });
  let sharedCampaign: Promise<{ id: string; version: number }> | undefined;
  let sharedSuppression: Promise<{ id: string }> | undefined;
  return {
    party_consent: {
      shared: () => Promise.resolve({ id: fx.ids.customer }),
      fresh: async () => ({ id: (await fx.customer()).id }),
    },
    // The shared draft is read back each time: allowed PATCHes move its version.
    campaign: {
      shared: async () => {
        const { id } = await (sharedCampaign ??= campaign());
        return { id, version: (await fx.ok<{ version: number }>('admin', 'GET', `/api/campaigns/${id}`)).version };
      },
      fresh: async () => {
        const r = await campaign();
        return { id: r.id, version: r.version };
      },
    },
    // One settings record per organisation: its current version (1 before the first write).
    care_settings: {
      shared: async () => ({
        version: (await fx.ok<{ version: number }>('admin', 'GET', '/api/care/settings')).version,
      }),
      fresh: () => Promise.reject(new Error("The settings have no fresh copies: mark its writes given: 'shared'")),
    },
    care_suppression: {
      shared: async () => ({ id: (await (sharedSuppression ??= suppression())).id }),
      fresh: async () => ({ id: (await suppression()).id }),
    },
    // The stored categories' version of Mid-Autumn: the first PUT stores them (version 1).
    care_occasion: {
      shared: async () => {
        const cal = await fx.ok<{ items: { key: string; categoriesVersion: number | null }[] }>(
          'admin',
          'GET',
          '/api/care/occasions?year=2026',
        );
        const version = cal.items.find((o) => o.key === 'mid_autumn')?.categoriesVersion ?? null;
        if (version !== null) {
          return { version };
        }
        await fx.ok('admin', 'PUT', '/api/care/occasions/mid_autumn/categories', {
          categories: ['mooncakes'],
          version: null,
        });
        return { version: 1 };
      },
      fresh: () => Promise.reject(new Error("The calendar has no fresh copies: mark its writes given: 'shared'")),
    },
    care_rule: {
      shared: async () => {
        shared ??= make();
        const r = await shared;
        return { id: r.id, version: r.version };
      },
      fresh: async () => {
        const r = await make();
        return { id: r.id, version: r.version };
      },
    },
  };
}
