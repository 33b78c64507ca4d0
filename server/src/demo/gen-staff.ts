import type { Role } from '../platform/identity/constants-types.ts';
import { orgUnitsRepository } from '../platform/identity/org-units.repository.ts';
import { createOrgUnitRecord } from '../platform/identity/org-units.service.ts';
import { usersRepository } from '../platform/identity/users.repository.ts';
import { createUserRecord } from '../platform/identity/users.service.ts';
import { bulkUpsertParties, type BulkPartyInput } from '../modules/parties/index.ts';
import type { GenContext } from './gen-context.ts';
import { DAY, isoDate, mobile, pad, YEAR } from './rng.ts';

const regions = [
  '华东区 East China',
  '华南区 South China',
  '华北区 North China',
  '华中区 Central China',
  '西南区 Southwest',
  '西北区 Northwest',
  '东北区 Northeast',
];

/** An employee to generate: a user, and an employee record in their unit. */
export interface Emp {
  no: number;
  name: string;
  zh: boolean;
  roles: Role[];
  unitId: string;
  manages: string | null;
  title: string;
  grade: string;
  userId?: string;
}

interface Units {
  hq: string;
  sales: string;
  service: string;
  hr: string;
  marketing: string;
  regionIds: string[];
}

/** Org units: headquarters, four departments, and sales regions (more staff, more regions). */
async function createUnits(g: GenContext, employeeCount: number): Promise<Units> {
  const unit = async (name: string, parentId: string | null) =>
    (await createOrgUnitRecord(g.db, g.orgId, { name, parentId }, g.who)).id;
  const hq = await unit('总部 Headquarters', null);
  const sales = await unit('销售部 Sales', hq);
  const service = await unit('客户服务部 Customer Service', hq);
  const hr = await unit('人力资源部 Human Resources', hq);
  const marketing = await unit('市场部 Marketing', hq);
  const regionCount = Math.min(regions.length, Math.max(2, Math.round(employeeCount / 40)));
  const regionIds: string[] = [];
  for (let r = 0; r < regionCount; r++) {
    regionIds.push(await unit(regions[r] as string, sales));
  }
  return { hq, sales, service, hr, marketing, regionIds };
}

/** Managers of each unit first, then reps, agents, HR and marketing staff in seeded proportions. */
function drawEmployees(g: GenContext, u: Units, employeeCount: number): Emp[] {
  const person = (zh: boolean) => (zh ? g.fz.person.fullName() : g.fe.person.fullName());
  const emps: Emp[] = [];
  const addEmp = (roles: Role[], unitId: string, manages: string | null, title: string, grade: string) => {
    const zh = g.isZh();
    emps.push({ no: emps.length + 1, name: person(zh), zh, roles, unitId, manages, title, grade });
  };
  addEmp(['executive', 'employee'], u.hq, u.hq, '总经理 CEO', 'M5');
  addEmp(['manager', 'agent', 'employee'], u.sales, u.sales, '销售总监 Sales Director', 'M4');
  addEmp(['manager', 'agent', 'employee'], u.service, u.service, '客服经理 Service Manager', 'M3');
  addEmp(['hr', 'manager', 'employee'], u.hr, u.hr, '人力资源经理 HR Manager', 'M3');
  addEmp(['marketing', 'manager', 'employee'], u.marketing, u.marketing, '市场经理 Marketing Manager', 'M3');
  for (const r of u.regionIds) {
    addEmp(['manager', 'agent', 'employee'], r, r, '区域经理 Regional Manager', 'M2');
  }
  const { rng } = g;
  while (emps.length < employeeCount) {
    const x = rng.next();
    if (x < 0.6) {
      addEmp(['agent', 'employee'], rng.pick(u.regionIds), null, '销售代表 Sales Rep', rng.pick(['P1', 'P2', 'P3']));
    } else if (x < 0.8) {
      addEmp(['agent', 'employee'], u.service, null, '客服专员 Service Agent', rng.pick(['P1', 'P2']));
    } else if (x < 0.88) {
      addEmp(['hr', 'employee'], u.hr, null, '人事专员 HR Specialist', rng.pick(['P2', 'P3']));
    } else {
      addEmp(['marketing', 'employee'], u.marketing, null, '市场专员 Marketing Specialist', rng.pick(['P2', 'P3']));
    }
  }
  return emps;
}

/** Every employee becomes a user; the CEO, the sales director, the HR manager and the first sales rep can sign in. */
async function createUsers(g: GenContext, emps: Emp[], password: string) {
  const sampleUsers: { email: string; displayName: string; roles: Role[] }[] = [];
  const emailOf = (e: Emp) => `e${pad(e.no, 5)}@${g.slug}.demo`;
  // They sign in with the admin's password.
  const loginNos = new Set([1, 2, 4, emps.find((e) => e.title.includes('Sales Rep'))?.no ?? 0]);
  for (const e of emps) {
    if (loginNos.has(e.no) && password) {
      const input = {
        email: emailOf(e),
        displayName: e.name,
        password,
        roles: e.roles,
        orgUnitId: e.unitId,
        locale: e.zh ? ('zh-CN' as const) : ('en' as const),
      };
      e.userId = (await createUserRecord(g.db, g.orgId, input, g.who)).id;
      sampleUsers.push({ email: emailOf(e), displayName: e.name, roles: e.roles });
    }
  }
  await g.db.transaction().execute(async (trx) => {
    for (const e of emps) {
      e.userId ??= (
        await usersRepository.insert(trx, {
          org_id: g.orgId,
          email: emailOf(e),
          display_name: e.name,
          password_hash: null,
          roles: e.roles,
          org_unit_id: e.unitId,
          locale: e.zh ? 'zh-CN' : 'en',
        })
      ).id;
    }
    for (const e of emps.filter((x) => x.manages)) {
      const u = await orgUnitsRepository.findById(trx, g.orgId, e.manages as string);
      if (u) {
        await orgUnitsRepository.update(trx, g.orgId, u.id, u.version, { manager_user_id: e.userId ?? null });
      }
    }
  });
  return { sampleUsers, emailOf };
}

/** Each employee's manager: their unit's manager, or (for a manager) the manager of the unit above. */
function managerLookup(u: Units, emps: Emp[]): (e: Emp) => string | null {
  const parentOf = new Map<string, string | null>([
    [u.hq, null],
    [u.sales, u.hq],
    [u.service, u.hq],
    [u.hr, u.hq],
    [u.marketing, u.hq],
    ...u.regionIds.map((r): [string, string] => [r, u.sales]),
  ]);
  const managerOfUnit = new Map(emps.filter((e) => e.manages).map((e) => [e.manages as string, e.userId as string]));
  return (e) => {
    let unit: string | null = e.manages ? (parentOf.get(e.unitId) ?? null) : e.unitId;
    while (unit) {
      const m = managerOfUnit.get(unit);
      if (m && m !== e.userId) {
        return m;
      }
      unit = parentOf.get(unit) ?? null;
    }
    return null;
  };
}

/** The employee records: hire date, title, grade and salary, linked to their users ("my record"). */
async function createEmployeeRecords(
  g: GenContext,
  emps: Emp[],
  emailOf: (e: Emp) => string,
  managerOf: (e: Emp) => string | null,
): Promise<void> {
  const { rng, asOf } = g;
  const employeeRows: BulkPartyInput[] = emps.map((e) => {
    const senior = e.grade.startsWith('M');
    const hired = asOf - Math.floor((senior ? 3 + rng.next() * 9 : rng.exponential(2.5)) * YEAR) - 30 * DAY;
    return {
      kind: 'person',
      displayName: e.name,
      externalId: `E${pad(e.no, 5)}`,
      emails: [emailOf(e)],
      phones: [mobile(rng)],
      locale: e.zh ? 'zh-CN' : 'en',
      roles: [
        {
          role: 'employee',
          stage: 'stable',
          employment: {
            employeeNo: `E${pad(e.no, 5)}`,
            hireDate: isoDate(hired),
            orgUnitId: e.unitId,
            managerId: managerOf(e),
            jobTitle: e.title,
            careerTrack: senior ? 'management' : 'professional',
            grade: e.grade,
            salary: Math.round(rng.lognormal(Math.log(senior ? 30000 : 12000), 0.25) / 100) * 100,
          },
        },
      ],
    };
  });
  await g.db.transaction().execute(async (trx) => {
    for (let i = 0; i < employeeRows.length; i += g.partyBatch) {
      const res = await bulkUpsertParties(trx, g.who, employeeRows.slice(i, i + g.partyBatch));
      const failed = res.results.find((r) => r.action === 'failed');
      if (failed) {
        throw new Error(`Generated employee rejected: ${JSON.stringify(failed)}`);
      }
      for (const [k, r] of res.results.entries()) {
        const e = emps[i + k];
        if (e?.userId && r.action === 'created') {
          await usersRepository.linkParty(trx, g.orgId, e.userId, r.id);
        }
      }
    }
  });
}

/**
 * Org units and employees: every employee is a user with a manager (their unit's manager, or the one
 * above), a hire date, a title, a grade and a salary; a few can sign in with `password`.
 */
export async function generateStaff(g: GenContext, employeesWanted: number, password: string) {
  const t0 = performance.now();
  const employeeCount = Math.max(8, employeesWanted);
  const units = await createUnits(g, employeeCount);
  const emps = drawEmployees(g, units, employeeCount);
  const { sampleUsers, emailOf } = await createUsers(g, emps, password);
  await createEmployeeRecords(g, emps, emailOf, managerLookup(units, emps));
  g.progress('employees', emps.length, emps.length, t0);
  return { emps, sampleUsers, serviceUnit: units.service };
}
