import type { RequestContext } from '../platform/auth/actor.ts';
import type { Db } from '../platform/db/database.ts';
import { standaloneDeps, type Deps } from '../platform/deps.ts';
import type { Role } from '../platform/identity/constants-types.ts';
import { usersService } from '../platform/identity/users.service.ts';
import { activityService } from '../modules/parties/activity/activity.service.ts';
import { partiesService } from '../modules/parties/parties.service.ts';
import type { CreateParty } from '../modules/parties/parties.schema.ts';
import { seedDemoActivity } from './activity.ts';

export interface DemoPerson {
  key: string;
  userId: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string | null;
  managerKey: string | null;
}

const day = 24 * 60 * 60 * 1000;
const channels = ['phone', 'wechat', 'visit', 'email'] as const;
const at = (days: number, hour = 10) =>
  new Date(Math.floor(Date.now() / day) * day + days * day + hour * 60 * 60 * 1000).toISOString();
const dateOf = (days: number) => at(days).slice(0, 10);

function groupOf(p: DemoPerson): string {
  return p.roles.includes('executive')
    ? 'strategic_decision_makers'
    : p.roles.includes('marketing')
      ? 'marketing_staff'
      : p.roles.includes('manager')
        ? 'line_managers'
        : 'employees';
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
  const parties = partiesService(deps);
  const activity = activityService(deps);
  const users = usersService(deps);
  const byKey = new Map(people.map((p) => [p.key, p]));
  const agents = people.filter((p) => p.roles.includes('agent') && !p.roles.includes('manager'));
  const owner = (i: number) => agents[i % agents.length]?.userId ?? admin.id;

  // Employees: one party per demo user, linked so self-service finds "my record".
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
  }

  const customers: (CreateParty & { calls: string[] })[] = [
    {
      kind: 'person',
      displayName: '王秀英',
      familyName: '王',
      givenName: '秀英',
      phones: ['138 0013 8000'],
      emails: ['wang.xiuying@example.cn'],
      gender: 'female',
      birthday: dateOf(-365 * 42 + 9),
      tags: ['VIP', '老客户'],
      calls: ['回访新品使用情况', '生日问候'],
      profile: {
        facts: { 职业: '中学教师', 城市: '上海' },
        preferences: { 沟通方式: '微信', 偏好: '周末上午联系' },
        care: [{ note: '女儿今年高考，近期压力较大', topic: 'life_event' }],
      },
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'loyal',
          level: 'proactive',
          targetLevel: 'partnership',
          initiativeScore: 4,
          participationScore: 3,
        },
      ],
    },
    {
      kind: 'person',
      displayName: '李强',
      phones: ['+86 139-1234-5678'],
      emails: ['li.qiang@example.cn'],
      gender: 'male',
      tags: ['潜在大客户'],
      calls: ['首次电话沟通'],
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'prospect',
          level: 'basic',
          targetLevel: 'accountable',
          initiativeScore: 2,
          participationScore: 1,
        },
      ],
    },
    {
      kind: 'person',
      displayName: '刘敏',
      phones: ['13700137000'],
      tags: ['投诉'],
      calls: ['处理配送延迟投诉'],
      profile: {
        facts: { 城市: '杭州' },
        preferences: {},
        care: [{ note: '对上次配送延迟仍不满意', topic: 'worries' }],
      },
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'at_risk',
          level: 'reactive',
          targetLevel: 'accountable',
          initiativeScore: 2,
          participationScore: 2,
        },
      ],
    },
    {
      kind: 'person',
      displayName: '陈磊',
      phones: ['13600136000'],
      calls: ['售后回访'],
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'developing',
          level: 'accountable',
          targetLevel: 'proactive',
          initiativeScore: 3,
          participationScore: 2,
        },
      ],
    },
    {
      kind: 'person',
      displayName: 'Emma Wilson',
      emails: ['emma.wilson@example.com'],
      phones: ['+44 20 7946 0958'],
      locale: 'en',
      calls: ['Onboarding call'],
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'new',
          level: 'basic',
          targetLevel: 'proactive',
          initiativeScore: 3,
          participationScore: 1,
        },
      ],
    },
    {
      kind: 'person',
      displayName: 'Michael Brown',
      emails: ['m.brown@example.com'],
      locale: 'en',
      tags: ['win-back'],
      calls: ['Win-back offer'],
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'churned',
          level: 'basic',
          targetLevel: 'accountable',
          initiativeScore: 1,
          participationScore: 1,
        },
      ],
    },
    {
      kind: 'organization',
      displayName: '上海华联贸易有限公司',
      phones: ['021-6888 0000'],
      emails: ['purchase@hualian.example.cn'],
      tags: ['企业客户', '华东'],
      calls: ['季度业务回顾', '年度框架协议谈判'],
      profile: { facts: { 员工人数: 800, 行业: '零售' }, preferences: { 决策周期: '季度' }, care: [] },
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'loyal',
          level: 'partnership',
          targetLevel: 'partnership',
          initiativeScore: 5,
          participationScore: 5,
        },
      ],
    },
    {
      kind: 'organization',
      displayName: '深圳创新科技有限公司',
      phones: ['0755-8600 0000'],
      tags: ['企业客户', '华南'],
      calls: ['产品演示'],
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'developing',
          level: 'accountable',
          targetLevel: 'partnership',
          initiativeScore: 4,
          participationScore: 3,
        },
      ],
    },
    {
      kind: 'organization',
      displayName: 'Northwind Traders',
      emails: ['buying@northwind.example.com'],
      locale: 'en',
      calls: ['Renewal discussion'],
      roles: [
        {
          role: 'customer',
          stakeholderGroup: 'company_clients',
          stage: 'won_back',
          level: 'accountable',
          targetLevel: 'proactive',
          initiativeScore: 3,
          participationScore: 3,
        },
      ],
    },
  ];
  const others: CreateParty[] = [
    {
      kind: 'person',
      displayName: '赵磊',
      phones: ['13500135000'],
      emails: ['zhao.lei@example.cn'],
      tags: ['校园招聘'],
      roles: [
        {
          role: 'candidate',
          stakeholderGroup: 'potential_employees',
          stage: 'candidate',
          level: 'basic',
          targetLevel: 'accountable',
        },
      ],
    },
    {
      kind: 'person',
      displayName: 'Olivia Green',
      emails: ['olivia.green@example.com'],
      locale: 'en',
      roles: [{ role: 'candidate', stakeholderGroup: 'potential_employees', stage: 'candidate' }],
    },
    {
      kind: 'organization',
      displayName: '杭州云图软件有限公司',
      tags: ['渠道伙伴'],
      roles: [
        {
          role: 'partner',
          stakeholderGroup: 'company_clients',
          stage: 'developing',
          level: 'proactive',
          targetLevel: 'partnership',
          initiativeScore: 4,
          participationScore: 4,
        },
      ],
    },
    {
      kind: 'organization',
      displayName: '浦东新区人力资源和社会保障局',
      tags: ['政府'],
      roles: [
        {
          role: 'government',
          stakeholderGroup: 'government_community',
          stage: 'developing',
          level: 'accountable',
          targetLevel: 'proactive',
          initiativeScore: 3,
          participationScore: 2,
        },
      ],
    },
    {
      kind: 'organization',
      displayName: '张江社区服务中心',
      tags: ['社区'],
      roles: [
        {
          role: 'community',
          stakeholderGroup: 'government_community',
          stage: 'developing',
          level: 'reactive',
          targetLevel: 'proactive',
          initiativeScore: 2,
          participationScore: 3,
        },
      ],
    },
    {
      kind: 'organization',
      displayName: '自然环境 Environment',
      tags: ['可持续发展'],
      profile: { facts: { 承诺: '2030 年前办公用电 100% 可再生' }, preferences: {}, care: [] },
      roles: [
        {
          role: 'community',
          stakeholderGroup: 'natural_environment',
          stage: 'developing',
          level: 'basic',
          targetLevel: 'proactive',
          initiativeScore: 3,
          participationScore: 1,
        },
      ],
    },
  ];

  const seededCustomers: { id: string; ownerId: string }[] = [];
  for (const [i, c] of customers.entries()) {
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
  for (const o of others) {
    const party = await parties.create(ctx, o);
    if (o.displayName.includes('Environment')) {
      await activity.createInteraction(ctx, {
        partyId: party.id,
        channel: 'meeting',
        direction: 'internal',
        occurredAt: at(-30),
        subject: '年度可持续发展承诺评审 Sustainability review',
        outcome: '用电目标进度 62%',
      });
    }
  }
  await seedDemoActivity(deps, ctx, seededCustomers);
}
