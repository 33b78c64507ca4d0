import type { Db } from '../platform/db/database.ts';
import { systemWho } from '../platform/audit/audit.ts';
import type { Role } from '../platform/identity/constants-types.ts';
import { createOrgUnitRecord } from '../platform/identity/org-units.service.ts';
import { orgUnitsRepository } from '../platform/identity/org-units.repository.ts';
import { createUserRecord } from '../platform/identity/users.service.ts';
import { seedDemoParties, type DemoPerson } from './parties.ts';

interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  roles: Role[];
  unit: string;
  locale: 'zh-CN' | 'en';
  manages?: string[];
}

// Units as a tree: 总部 → 销售部 (华东区, 华南区), 客户服务部, 人力资源部, 市场部.
const units: { key: string; name: string; parent: string | null }[] = [
  { key: 'hq', name: '总部 Headquarters', parent: null },
  { key: 'sales', name: '销售部 Sales', parent: 'hq' },
  { key: 'east', name: '华东区 East China', parent: 'sales' },
  { key: 'south', name: '华南区 South China', parent: 'sales' },
  { key: 'service', name: '客户服务部 Customer Service', parent: 'hq' },
  { key: 'hr', name: '人力资源部 Human Resources', parent: 'hq' },
  { key: 'marketing', name: '市场部 Marketing', parent: 'hq' },
];

const people: DemoUser[] = [
  {
    key: 'ceo',
    email: 'chen.jing@demo.tandem.local',
    displayName: '陈静',
    roles: ['executive'],
    unit: 'hq',
    locale: 'zh-CN',
    manages: ['hq'],
  },
  {
    key: 'salesHead',
    email: 'zhang.wei@demo.tandem.local',
    displayName: '张伟',
    roles: ['manager', 'agent'],
    unit: 'sales',
    locale: 'zh-CN',
    manages: ['sales'],
  },
  {
    key: 'eastLead',
    email: 'li.na@demo.tandem.local',
    displayName: '李娜',
    roles: ['manager', 'agent'],
    unit: 'east',
    locale: 'zh-CN',
    manages: ['east'],
  },
  {
    key: 'agent1',
    email: 'wang.fang@demo.tandem.local',
    displayName: '王芳',
    roles: ['agent', 'employee'],
    unit: 'east',
    locale: 'zh-CN',
  },
  {
    key: 'agent2',
    email: 'liu.yang@demo.tandem.local',
    displayName: '刘洋',
    roles: ['agent', 'employee'],
    unit: 'south',
    locale: 'zh-CN',
  },
  {
    key: 'agent3',
    email: 'james.miller@demo.tandem.local',
    displayName: 'James Miller',
    roles: ['agent', 'employee'],
    unit: 'south',
    locale: 'en',
  },
  {
    key: 'agent4',
    email: 'zhou.qiang@demo.tandem.local',
    displayName: '周强',
    roles: ['agent', 'employee'],
    unit: 'east',
    locale: 'zh-CN',
  },
  {
    key: 'service',
    email: 'emily.chen@demo.tandem.local',
    displayName: 'Emily Chen',
    roles: ['agent', 'manager'],
    unit: 'service',
    locale: 'en',
    manages: ['service'],
  },
  {
    key: 'hr',
    email: 'zhao.min@demo.tandem.local',
    displayName: '赵敏',
    roles: ['hr', 'manager'],
    unit: 'hr',
    locale: 'zh-CN',
    manages: ['hr'],
  },
  {
    key: 'marketing',
    email: 'sophie.martin@demo.tandem.local',
    displayName: 'Sophie Martin',
    roles: ['marketing'],
    unit: 'marketing',
    locale: 'en',
    manages: ['marketing'],
  },
  {
    key: 'staff',
    email: 'sun.li@demo.tandem.local',
    displayName: '孙丽',
    roles: ['employee'],
    unit: 'service',
    locale: 'zh-CN',
  },
];

/** Who manages a person: the manager of their unit, or of the unit above when they manage their own. */
function managerKeyOf(p: DemoUser): string | null {
  const managerOf = (unitKey: string | null): string | null => {
    if (!unitKey) {
      return null;
    }
    const m = people.find((q) => q.manages?.includes(unitKey));
    const unit = units.find((u) => u.key === unitKey);
    return m && m.key !== p.key ? m.key : managerOf(unit?.parent ?? null);
  };
  return managerOf(p.unit);
}

/** Seeds a demo organisation: org units, users in both languages (all with one password), and their parties. */
export async function seedDemo(db: Db, orgId: string, password: string, admin: { id: string; email: string }) {
  const who = systemWho(orgId);
  const unitIds = new Map<string, string>();
  for (const u of units) {
    const parentId = u.parent ? (unitIds.get(u.parent) ?? null) : null;
    const created = await createOrgUnitRecord(db, orgId, { name: u.name, parentId }, who);
    unitIds.set(u.key, created.id);
  }
  const out: { email: string; displayName: string; roles: Role[] }[] = [];
  const seeded: DemoPerson[] = [];
  for (const p of people) {
    const user = await createUserRecord(
      db,
      orgId,
      {
        email: p.email,
        displayName: p.displayName,
        password,
        roles: p.roles,
        orgUnitId: unitIds.get(p.unit) ?? null,
        locale: p.locale,
      },
      who,
    );
    for (const key of p.manages ?? []) {
      const unitId = unitIds.get(key);
      const unit = unitId ? await orgUnitsRepository.findById(db, orgId, unitId) : undefined;
      if (unit) {
        await orgUnitsRepository.update(db, orgId, unit.id, unit.version, { manager_user_id: user.id });
      }
    }
    out.push({ email: user.email, displayName: user.displayName, roles: user.roles });
    seeded.push({
      key: p.key,
      userId: user.id,
      displayName: user.displayName,
      roles: user.roles,
      orgUnitId: user.orgUnitId,
      managerKey: managerKeyOf(p),
    });
  }
  await seedDemoParties(db, orgId, admin, seeded, unitIds);
  return out;
}
