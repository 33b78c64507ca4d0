import type { Maker, MatrixFixture, Vars } from './access-matrix-fixture.ts';

// Makers of the insight module's matrix rows (modules/insight/insight.access-matrix.ts): aggregates with no fresh copies.

function rereadInsight(fetchShared: () => Promise<Vars>): Maker {
  return {
    shared: fetchShared,
    fresh: () => Promise.reject(new Error("This resource has no fresh copies: mark its writes given: 'shared'")),
  };
}

/** Insight: aggregates over the organisation; the what-if and bulk backups name the owner and backup actors. */
export function insightMakers(fx: MatrixFixture): Record<string, Maker> {
  return {
    insight_chain: rereadInsight(() => Promise.resolve({})),
    insight_home: rereadInsight(() => Promise.resolve({})),
    // The stored settings' version: the first PUT stores them (version 1), later ones send the current version.
    insight_capability: rereadInsight(async () => {
      const s = await fx.ok<{ version: number | null }>('admin', 'GET', '/api/insight/capability/settings');
      if (s.version !== null) {
        return { version: s.version };
      }
      await fx.ok('admin', 'PUT', '/api/insight/capability/settings', { assessedTarget: 4 });
      return { version: 1 };
    }),
    insight_key_person: rereadInsight(() =>
      Promise.resolve({ ownerUser: fx.actors.owner.userId, backupUser: fx.actors.backup.userId }),
    ),
  };
}
