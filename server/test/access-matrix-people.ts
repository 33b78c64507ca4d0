import { nextN, type Maker, type MatrixFixture, type Vars } from './access-matrix-fixture.ts';
import { SALARY } from './access-matrix-fixture.ts';

// Makers of the people module's matrix rows (modules/people/people.access-matrix.ts).

type File = { partyId: string; version: number; contracts: { id: string; version: number }[] };

export function peopleMakers(fx: MatrixFixture): Record<string, Maker> {
  const { ok, ids } = fx;
  /** An employee file with one contract (HR adds it); its role and contract versions. */
  async function withContract(partyId: string): Promise<Vars> {
    const file = await ok<File>('hr', 'GET', `/api/employees/${partyId}`);
    const withOne = file.contracts.length
      ? file
      : await ok<File>('hr', 'PATCH', `/api/employees/${partyId}`, {
          contract: { type: 'fixed_term', startOn: '2024-01-01', endOn: '2030-12-31', renewalIntent: 'undecided' },
          version: file.version,
        });
    const c = withOne.contracts[0];
    return { id: partyId, roleVersion: withOne.version, contract: c?.id ?? '', contractVersion: c?.version ?? 0 };
  }
  const settingsVersion = async (): Promise<Vars> => ({
    version: (await ok<{ version: number }>('admin', 'GET', '/api/people/settings')).version,
  });
  let shared: Promise<Vars> | undefined;
  const cycleBody = (partyIds: string[], start: string) => ({
    name: { zh: '矩阵考核', en: 'Matrix review' },
    periodStart: start,
    periodEnd: `${start.slice(0, 4)}-12-31`,
    criteria: [{ key: 'results', text: { zh: '业绩', en: 'Results' }, weight: 1 }],
    bottomBandPercent: 50,
    opensAt: '2030-01-01T00:00:00Z',
    participants: { orgUnitIds: [], partyIds },
  });
  const draft = () => ok('hr', 'POST', '/api/appraisal-cycles', cycleBody([], '2020-01-01'));
  /** An open cycle of one employee (the notice period moved back in the database), and their appraisal. */
  async function openAppraisal(partyId: string, start: string, bottom: boolean): Promise<Vars> {
    const c = await ok('hr', 'POST', '/api/appraisal-cycles', cycleBody([partyId], start));
    const p = await ok('hr', 'PATCH', `/api/appraisal-cycles/${c.id}`, { status: 'published', version: c.version });
    await fx.db
      .updateTable('appraisal_cycle')
      .set({ published_at: new Date(Date.now() - 8 * 86_400_000) })
      .where('id', '=', c.id)
      .execute();
    await ok('hr', 'PATCH', `/api/appraisal-cycles/${c.id}`, { status: 'open', version: p.version });
    const list = await ok<{ items: { id: string; version: number }[] }>('hr', 'GET', `/api/appraisals?cycleId=${c.id}`);
    let a = list.items[0] as { id: string; version: number };
    if (bottom) {
      a = await ok('hr', 'PATCH', `/api/appraisals/${a.id}`, {
        scores: [{ key: 'results', score: 1, rationale: 'Matrix' }],
        band: 'bottom',
        version: a.version,
      });
    }
    return { id: a.id, version: a.version, mentor: fx.actors.manager.userId };
  }
  const pdca = async (): Promise<Vars> => {
    const c = await ok('hr', 'POST', '/api/pdca-cycles', {
      title: 'Matrix PDCA',
      orgUnitId: ids.salesEast,
      ownerPartyId: ids.employeeRecord,
      goal: 'Matrix goal',
      startsOn: '2026-01-01',
    });
    return { id: c.id, version: c.version };
  };
  /** A review of a year of its own; `nextYear` is free for a create made beside it. */
  let year = 2100;
  const vision = async (): Promise<Vars> => {
    year += 2;
    const v = await ok('hr', 'POST', '/api/vision-reviews', {
      orgUnitId: ids.salesEast,
      year,
      vision: 'Matrix vision',
      reviewedOn: '2026-01-10',
    });
    return { id: v.id, version: v.version, nextYear: year + 1 };
  };
  const freshEmployee = () => fx.employeeParty(`Matrix Staff ${nextN()}`, ids.salesEast);
  let sharedAppraisal: Promise<Vars> | undefined;
  let sharedTalk: Promise<Vars> | undefined;
  let sharedCycle: Promise<{ id: string; version: number }> | undefined;
  return {
    employee_file: {
      shared: () => withContract(ids.employeeRecord),
      fresh: async () => withContract(await fx.employeeParty(`Matrix Staff ${nextN()}`, ids.salesEast)),
      secrets: [SALARY],
    },
    incentive: {
      shared: async () => {
        shared ??= ok('hr', 'POST', `/api/employees/${ids.employeeRecord}/incentives`, {
          type: 'respect',
          givenOn: '2025-01-01',
        }).then(() => ({ id: ids.employeeRecord }));
        return shared;
      },
      fresh: () => Promise.reject(new Error("incentives are written on the shared employee: given 'shared'")),
    },
    appraisal_cycle: {
      shared: async () => {
        const c = await ok('admin', 'GET', `/api/appraisal-cycles/${(await (sharedCycle ??= draft())).id}`);
        return { id: c.id, version: c.version };
      },
      fresh: async () => {
        const c = await draft();
        return { id: c.id, version: c.version };
      },
    },
    appraisal: {
      shared: () => (sharedAppraisal ??= openAppraisal(ids.employeeRecord, '2021-01-01', false)),
      fresh: async (given) => openAppraisal(await freshEmployee(), '2021-01-01', given === 'finished'),
    },
    improvement_plan: {
      shared: () => Promise.reject(new Error('plans are written on fresh copies')),
      fresh: async () => {
        const a = await openAppraisal(await freshEmployee(), '2021-01-01', true);
        const plan = await ok('hr', 'POST', `/api/appraisals/${a.id}/improvement-plan`, {
          trainingItems: ['Matrix'],
          mentorId: fx.actors.manager.userId,
          startsOn: '2026-01-01',
          reassessOn: '2026-03-02',
        });
        return { id: plan.id, version: plan.version };
      },
    },
    one_on_one: {
      shared: async () => {
        sharedTalk ??= ok('manager', 'POST', '/api/one-on-ones', {
          partyId: ids.employeeRecord,
          heldOn: '2025-01-15',
          notes: 'Matrix private note',
        }).then((r) => ({ id: r.id }));
        return sharedTalk;
      },
      fresh: () => Promise.reject(new Error('1:1s are created without a record: no fresh copies')),
    },
    people_turnover: { shared: () => Promise.resolve({}), fresh: () => Promise.resolve({}) },
    pdca_cycle: { shared: pdca, fresh: pdca },
    vision_review: { shared: vision, fresh: vision },
    attrition_risk: {
      shared: () => Promise.resolve({ id: ids.employeeRecord }),
      fresh: () => Promise.reject(new Error('attrition risk is computed: no fresh copies')),
    },
    people_settings: {
      shared: settingsVersion,
      fresh: () => Promise.reject(new Error('people settings have no fresh copies')),
    },
  };
}
