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
  return {
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
