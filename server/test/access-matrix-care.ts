import { nextN, type Maker, type MatrixFixture, type Vars } from './access-matrix-fixture.ts';

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

/** Referral, win-back, listening and the post plan (modules/care/care.access-matrix.ts, the rows after campaigns). */
export function careMoreMakers(fx: MatrixFixture): Record<string, Maker> {
  const referred = () =>
    fx.ok<{ id: string }>('owner', 'POST', '/api/parties', {
      kind: 'person',
      displayName: `Matrix Referred ${nextN()}`,
      roles: [{ role: 'customer' }],
      backupOwnerId: fx.actors.backup.userId,
    });
  let sharedReferral: Promise<Vars> | undefined;
  const churned = async (): Promise<Vars> => {
    const p = await fx.ok<{ id: string; roles: { version: number }[] }>('owner', 'POST', '/api/parties', {
      kind: 'person',
      displayName: `Matrix Churned ${nextN()}`,
      emails: [`churned-${nextN()}@example.com`],
      roles: [{ role: 'customer', stage: 'developing' }],
      backupOwnerId: fx.actors.backup.userId,
    });
    await fx.ok('owner', 'PUT', `/api/parties/${p.id}/roles/customer`, {
      stage: 'churned',
      reason: 'competition',
      version: p.roles[0]?.version ?? 1,
    });
    return { id: p.id };
  };
  let sharedChurned: Promise<Vars> | undefined;
  let sharedMention: Promise<Vars> | undefined;
  const post = () =>
    fx.ok<{ id: string; version: number }>('admin', 'POST', '/api/care/posts', {
      channel: 'weibo',
      ownerId: fx.actors.admin.userId,
      scheduledAt: '2099-01-01T08:00:00Z',
      commercial: false,
      text: `Matrix post ${nextN()}`,
    });
  let sharedPost: Promise<{ id: string; version: number }> | undefined;
  return {
    care_referral: {
      shared: () =>
        (sharedReferral ??= (async () => {
          const id = fx.ids.customer;
          const other = await referred();
          await fx.ok('admin', 'POST', '/api/referrals', { referrerId: id, referredId: other.id });
          await fx.ok('admin', 'POST', '/api/referrals/rewards', { partyId: id, kind: 'gift', amount: 10 });
          return { id, referred: other.id };
        })()),
      fresh: async () => ({ id: (await fx.customer()).id }),
    },
    care_winback: {
      shared: () => (sharedChurned ??= churned()),
      fresh: churned,
    },
    care_mention: {
      shared: async () => {
        const m = await (sharedMention ??= fx
          .ok<{ id: string }>('admin', 'POST', '/api/mentions', {
            channel: 'forum',
            author: 'Matrix',
            text: 'Matrix shared mention',
            postedAt: '2026-01-04T08:00:00Z',
          })
          .then((r) => ({ id: r.id })));
        const settings = await fx.ok<{ version: number | null }>('admin', 'GET', '/api/mentions/settings');
        if (settings.version === null) {
          const saved = await fx.ok<{ version: number }>('admin', 'PUT', '/api/mentions/settings', {
            negativeCount: 3,
            windowHours: 24,
            keySegmentId: null,
            assigneeId: null,
            version: null,
          });
          return { ...m, version: saved.version };
        }
        return { ...m, version: settings.version };
      },
      fresh: () => Promise.reject(new Error("Mentions have no fresh copies: mark their writes given: 'shared'")),
    },
    // One inbound-mail settings record per organisation, named by no id.
    care_inbound_mail: {
      shared: () => Promise.resolve({}),
      fresh: () => Promise.resolve({}),
    },
    care_post: {
      shared: async () => {
        const { id } = await (sharedPost ??= post());
        const list = await fx.ok<{ items: { id: string; version: number }[] }>(
          'admin',
          'GET',
          '/api/care/posts?to=2099-02-01',
        );
        return { id, version: list.items.find((p) => p.id === id)?.version ?? 1, ownerId: fx.actors.admin.userId };
      },
      fresh: async () => {
        const r = await post();
        return { id: r.id, version: r.version, ownerId: fx.actors.admin.userId };
      },
    },
  };
}
