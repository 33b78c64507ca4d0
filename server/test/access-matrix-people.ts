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
    people_settings: {
      shared: settingsVersion,
      fresh: () => Promise.reject(new Error('people settings have no fresh copies')),
    },
  };
}
