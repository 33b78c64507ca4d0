import { nextN, type Maker, type MatrixFixture, type Vars } from './access-matrix-fixture.ts';

// Makers of scenario practice's rows (modules/practice/practice.access-matrix.ts).

export function practiceMakers(fx: MatrixFixture): Record<string, Maker> {
  const { ok } = fx;
  const scenarioId = async () =>
    (
      await ok<{ items: { id: string; builtIn: string | null }[] }>('admin', 'GET', '/api/practice/scenarios')
    ).items.find((s) => s.builtIn === 'airline_delay')?.id as string;
  const newScenario = async (): Promise<Vars> => {
    const n = nextN();
    const s = await ok<{ id: string; version: number }>('hr', 'POST', '/api/practice/scenarios', {
      title: { zh: `矩阵情景 ${n}`, en: `Matrix scenario ${n}` },
      brief: { zh: '简介', en: 'Brief' },
      customerSide: { zh: '客户', en: 'Customer' },
      staffSide: { zh: '员工', en: 'Staff' },
    });
    return { id: s.id, version: s.version };
  };
  const newSession = async (): Promise<Vars> => {
    const a = fx.actors;
    const scenario = await scenarioId();
    const s = await ok<{ id: string; version: number; teams: { id: string; name: string }[] }>(
      'manager',
      'POST',
      '/api/practice/sessions',
      {
        scenarioId: scenario,
        title: `Matrix session ${nextN()}`,
        scheduledAt: '2026-03-01T09:00:00Z',
        teams: [
          {
            name: 'A',
            members: [
              { userId: a.owner.userId, role: 'staff' },
              { userId: a.agent2.userId, role: 'customer' },
            ],
          },
          {
            name: 'B',
            members: [
              { userId: a.self.userId, role: 'staff' },
              { userId: a.employee.userId, role: 'customer' },
            ],
          },
        ],
      },
    );
    const moved = await ok<{ version: number }>('manager', 'PATCH', `/api/practice/sessions/${s.id}`, {
      version: s.version,
      step: 'play',
    });
    return {
      id: s.id,
      version: moved.version,
      scenario,
      teamA: s.teams.find((t) => t.name === 'A')?.id as string,
    };
  };
  let sharedOrg: Promise<Vars> | undefined;
  const newOrg = async (): Promise<Vars> => ({ id: (await ok('admin', 'POST', '/api/practice/orgs', {})).id });
  let sharedScenario: Promise<Vars> | undefined;
  let sharedSession: Promise<Vars> | undefined;
  return {
    practice_scenario: { shared: () => (sharedScenario ??= newScenario()), fresh: newScenario },
    practice_org: { shared: () => (sharedOrg ??= newOrg()), fresh: newOrg },
    practice_session: {
      // Reads the version back: the shared session's writes (none today) would move it.
      shared: async () => {
        const v = await (sharedSession ??= newSession());
        const now = await ok<{ version: number }>('admin', 'GET', `/api/practice/sessions/${String(v.id)}`);
        return { ...v, version: now.version };
      },
      fresh: newSession,
    },
  };
}
