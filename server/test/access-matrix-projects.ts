import { nextN, type Maker, type MatrixFixture } from './access-matrix-fixture.ts';

// Makers of the projects module's rows (modules/projects/projects.access-matrix.ts).

export function projectsMakers(fx: MatrixFixture): Record<string, Maker> {
  const makeProject = async (given?: string) => {
    const p = await fx.ok<{ id: string; version: number }>('admin', 'POST', '/api/projects', {
      kind: 'activity',
      name: `Matrix project ${nextN()}`,
      budget: '100.00',
    });
    if (given === 'open') {
      const a = await fx.ok<{ id: string; version: number }>('admin', 'PATCH', `/api/projects/${p.id}`, {
        status: 'active',
      });
      return { id: a.id, version: a.version };
    }
    return { id: p.id, version: p.version };
  };
  const makeReview = async () => {
    const r = await fx.ok<{ id: string; version: number }>('admin', 'POST', '/api/quality-reviews', {
      name: `Matrix review ${nextN()}`,
      partyIds: [fx.ids.customer],
      indicators: [{ key: 'delivery', nameZh: '交付', nameEn: 'Delivery', source: 'customer_value' }],
    });
    return { id: r.id, version: r.version };
  };
  let sharedProject: Promise<{ id: string; version: number }> | undefined;
  let sharedReview: Promise<{ id: string; version: number }> | undefined;
  return {
    project: { shared: () => (sharedProject ??= makeProject()), fresh: (given) => makeProject(given) },
    quality_review: { shared: () => (sharedReview ??= makeReview()), fresh: () => makeReview() },
  };
}
