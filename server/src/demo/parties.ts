import type { RequestContext } from '../platform/auth/actor.ts';
import type { Db } from '../platform/db/database.ts';
import { standaloneDeps, type Deps } from '../platform/deps.ts';
import type { Role } from '../platform/identity/constants-types.ts';
import { usersService } from '../platform/identity/users.service.ts';
import { partiesService } from '../modules/parties/index.ts';
import { activityService } from '../modules/parties/index.ts';
import { seedDemoActivity } from './activity.ts';
import { seedDemoCare } from './care.ts';
import { seedDemoHrCrm } from './hrcrm.ts';
import { seedDemoPeople } from './people.ts';
import { at, dateOf, demoCustomers, demoOthers } from './parties-data.ts';

export interface DemoPerson {
  key: string;
  userId: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string | null;
  managerKey: string | null;
}

const channels = ['phone', 'wechat', 'visit', 'email'] as const;

function groupOf(p: DemoPerson): string {
  return p.roles.includes('executive')
    ? 'strategic_decision_makers'
    : p.roles.includes('marketing')
      ? 'marketing_staff'
      : p.roles.includes('manager')
        ? 'line_managers'
        : 'employees';
}

interface Seeding {
  ctx: RequestContext;
  parties: ReturnType<typeof partiesService>;
  activity: ReturnType<typeof activityService>;
  users: ReturnType<typeof usersService>;
}

/** Employees: one party per demo user, linked so self-service finds "my record". */
async function seedEmployees(s: Seeding, people: DemoPerson[]): Promise<Map<string, string>> {
  const { ctx, parties, users } = s;
  const partyOf = new Map<string, string>();
  const byKey = new Map(people.map((p) => [p.key, p]));
  for (const [i, p] of people.entries()) {
    const manager = p.managerKey ? byKey.get(p.managerKey) : undefined;
    const party = await parties.create(ctx, {
      kind: 'person',
      displayName: p.displayName,
      roles: [
        {
          role: 'employee',
          stakeholderGroup: groupOf(p),
          stage: i === people.length - 1 ? 'onboarding' : 'stable',
          phase: i % 3 === 0 ? 'commitment' : 'expansion',
          level: p.roles.includes('manager') ? 'partnership' : 'accountable',
          targetLevel: 'partnership',
          initiativeScore: 3 + (i % 3),
          participationScore: 2 + (i % 4),
          employment: {
            employeeNo: `E${String(1001 + i)}`,
            hireDate: dateOf(-400 - i * 97),
            orgUnitId: p.orgUnitId,
            managerId: manager?.userId ?? null,
            jobTitle: p.roles.includes('executive')
              ? '总经理 CEO'
              : p.roles.includes('manager')
                ? '经理 Manager'
                : '专员 Specialist',
            grade: p.roles.includes('manager') ? 'M2' : 'P3',
            salary: p.roles.includes('executive') ? 80000 : p.roles.includes('manager') ? 35000 : 16000 + i * 500,
          },
        },
      ],
    });
    const user = await users.get(ctx, p.userId);
    await users.update(ctx, p.userId, user.version, { partyId: party.id });
    partyOf.set(p.key, party.id);
  }
  return partyOf;
}

/** Customers with owners (and some backup owners), the calls logged with them and a follow-up task each. */
async function seedCustomers(s: Seeding, owner: (i: number) => string): Promise<{ id: string; ownerId: string }[]> {
  const { ctx, parties, activity } = s;
  const seededCustomers: { id: string; ownerId: string }[] = [];
  for (const [i, c] of demoCustomers().entries()) {
    const { calls, ...input } = c;
    const party = await parties.create(ctx, {
      ...input,
      ownerId: owner(i),
      backupOwnerId: i % 3 === 0 ? owner(i + 1) : null,
    });
    seededCustomers.push({ id: party.id, ownerId: owner(i) });
    for (const [j, subject] of calls.entries()) {
      await activity.createInteraction(ctx, {
        partyId: party.id,
        channel: channels[(i + j) % channels.length] ?? 'phone',
        direction: 'outbound',
        occurredAt: at(-3 - i * 5 - j * 11),
        subject,
        outcome: j === 0 ? '客户满意 Satisfied' : null,
        sentiment: c.roles?.[0]?.stage === 'at_risk' ? 'negative' : 'positive',
        userId: owner(i),
      });
    }
    await activity.createTask(ctx, {
      partyId: party.id,
      kind: i % 2 ? 'call_back' : 'follow_up_visit',
      title: i % 2 ? `回电 ${c.displayName}` : `上门回访 ${c.displayName}`,
      dueAt: at((i % 4) - 1, 15),
      assigneeId: owner(i),
    });
  }
  return seededCustomers;
}

/** Candidates, a partner, a government office, a community, and the natural environment (with its yearly review). */
async function seedOthers(s: Seeding): Promise<void> {
  for (const o of demoOthers()) {
    const party = await s.parties.create(s.ctx, o);
    if (o.displayName.includes('Environment')) {
      await s.activity.createInteraction(s.ctx, {
        partyId: party.id,
        channel: 'meeting',
        direction: 'internal',
        occurredAt: at(-30),
        subject: '年度可持续发展承诺评审 Sustainability review',
        outcome: '用电目标进度 62%',
      });
    }
  }
}

/**
 * Demo parties in both languages: every demo user's employee record (linked to the user), customers
 * (people and companies) with owners, candidates, a partner, a government office, a community and the
 * natural environment, with interactions and follow-up tasks.
 */
export async function seedDemoParties(
  db: Db,
  orgId: string,
  admin: { id: string; email: string },
  people: DemoPerson[],
  unitIds: Map<string, string> = new Map(),
): Promise<void> {
  const deps: Deps = standaloneDeps(db, 'pglite', console as unknown as Deps['log']);
  const ctx: RequestContext = {
    actor: {
      orgId,
      userId: admin.id,
      email: admin.email,
      displayName: 'Demo',
      roles: ['admin'],
      orgUnitId: null,
      partyId: null,
      locale: null,
      authMethod: 'session',
      sessionId: null,
      tokenId: null,
      csrfToken: null,
    },
    requestId: 'demo-seed',
    ip: null,
  };
  const s: Seeding = {
    ctx,
    parties: partiesService(deps),
    activity: activityService(deps),
    users: usersService(deps),
  };
  // Six sellers own most customers (key-person risk, docs/metrics.md); the service manager owns the rest.
  const sellers = ['agent1', 'agent4', 'agent2', 'agent3', 'eastLead', 'salesHead'].flatMap((k) => {
    const p = people.find((x) => x.key === k);
    return p ? [p.userId] : [];
  });
  const others = people.filter((p) => p.key === 'service').map((p) => p.userId);
  const owner = (i: number) =>
    (i % 7 === 6 && others.length ? others[0] : sellers[i % Math.max(sellers.length, 1)]) ?? admin.id;
  const partyOf = await seedEmployees(s, people);
  const seededCustomers = await seedCustomers(s, owner);
  await seedOthers(s);
  await seedDemoActivity(deps, ctx, seededCustomers);
  await seedDemoPeople(deps, ctx, { people, partyOf, unitOf: (key) => unitIds.get(key) ?? null });
  const customers = demoCustomers();
  const byName = new Map(
    customers.flatMap((c, i) => (seededCustomers[i] ? [[c.displayName, seededCustomers[i].id]] : [])),
  );
  const clients = customers.flatMap((c, i) => {
    const first = c.roles?.[0];
    const group = first?.stakeholderGroup ?? (first?.role === 'customer' ? 'company_clients' : null);
    return group === 'company_clients' && seededCustomers[i] ? [seededCustomers[i].id] : [];
  });
  const hrUser = people.find((p) => p.roles.includes('hr'))?.userId ?? null;
  await seedDemoHrCrm(deps, ctx, { byName, clients, hrUser });
  await seedDemoCare(
    deps,
    ctx,
    seededCustomers.map((c) => c.id),
  );
}
