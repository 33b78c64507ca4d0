import type { RequestContext } from '../platform/auth/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { partiesService } from '../modules/parties/index.ts';
import {
  appraisalsService,
  backdateCycle,
  conversationsService,
  cyclesService,
  exitsService,
  fileService,
  incentivesService,
  pdcaService,
  peopleSettingsService,
  visionService,
} from '../modules/people/index.ts';
import type { DemoPerson } from './parties.ts';
import { at, dateOf } from './parties-data.ts';

// The people module's demo (docs/domain.md "People"), in both languages: pay bands, contracts, a year of incentives,
// a closed appraisal cycle with a bottom-band employee on an improvement plan, 1:1s, a PDCA cycle, vision reviews,
// and three people who left, with their exit interviews. Everything goes through the module's services.

type Ctx = RequestContext;
const asUser = (admin: Ctx, p: DemoPerson, partyId: string): Ctx => ({
  ...admin,
  actor: { ...admin.actor, userId: p.userId, displayName: p.displayName, roles: p.roles, partyId },
});

const incentiveNotes: Record<string, string> = {
  money: '季度奖金 Quarterly bonus',
  emotional: '生日慰问 Birthday card from the team',
  respect: '在部门会上公开致谢 Thanked at the team meeting',
  communication: '一对一职业发展谈话 Career talk',
  work: '负责新客户项目 Leads a new customer project',
  negative: '迟到提醒 Reminder about punctuality',
};
const incentiveCycle = ['respect', 'communication', 'money', 'work', 'emotional', 'respect'] as const;

/** A year of incentives: one a month per employee, money every few months, one small raise that gets a warning. */
async function seedIncentives(deps: Deps, ctx: Ctx, staff: string[]) {
  const incentives = incentivesService(deps);
  for (const [i, partyId] of staff.entries()) {
    for (let m = 0; m < 12; m++) {
      const type = i === 2 && m === 7 ? 'negative' : (incentiveCycle[(i + m) % incentiveCycle.length] ?? 'respect');
      await incentives.create(ctx, partyId, {
        type,
        givenOn: dateOf(-350 + m * 29 + i),
        note: incentiveNotes[type] ?? null,
        ...(type === 'money' ? { amount: i === 0 && m === 2 ? 500 : 3000 } : {}),
      });
    }
  }
}

/** A half-year appraisal cycle run to the end: one participant in the bottom band, on an improvement plan. */
async function seedAppraisals(deps: Deps, ctx: Ctx, participants: string[], bottom: string, mentorId: string) {
  const cycles = cyclesService(deps);
  const appraisals = appraisalsService(deps);
  let c = await cycles.create(ctx, {
    name: { zh: '上半年绩效考核', en: 'First-half appraisal' },
    periodStart: dateOf(-330),
    periodEnd: dateOf(-150),
    criteria: [
      { key: 'results', text: { zh: '业绩目标', en: 'Results against goals' }, weight: 60 },
      { key: 'service', text: { zh: '客户服务', en: 'Customer service' }, weight: 40 },
    ],
    bottomBandPercent: 20,
    opensAt: at(-140),
    noticeDays: 7,
    participants: { orgUnitIds: [], partyIds: participants },
  });
  c = await cycles.update(ctx, c.id, c.version, { status: 'published' });
  await backdateCycle(deps.db, ctx.actor.orgId, c.id, { publishedAt: new Date(at(-150)) });
  c = await cycles.update(ctx, c.id, c.version, { status: 'open' });
  const list = await appraisals.list(ctx, c.id, false);
  for (const [i, a] of list.items.entries()) {
    const low = a.partyId === bottom;
    const score = low ? 2 : 3 + (i % 3 === 0 ? 1 : 0);
    await appraisals.patch(ctx, a.id, a.version, {
      scores: [
        {
          key: 'results',
          score: low ? 1 : score,
          rationale: low ? '完成目标的 55% Reached 55 % of goal' : '达成目标 Met goals',
        },
        {
          key: 'service',
          score,
          rationale: low ? '两次客户投诉 Two customer complaints' : '客户反馈良好 Good feedback',
        },
      ],
      band: low ? 'bottom' : i % 3 === 0 ? 'top' : 'middle',
    });
    if (low) {
      await appraisals.createPlan(ctx, a.id, {
        trainingItems: ['客户沟通技巧 Customer conversations', '产品知识 Product knowledge'],
        mentorId,
        startsOn: dateOf(-120),
        reassessOn: dateOf(20),
      });
    }
  }
  c = await cycles.update(ctx, c.id, c.version, { status: 'calibrating' });
  c = await cycles.update(ctx, c.id, c.version, { status: 'closed' });
  await backdateCycle(deps.db, ctx.actor.orgId, c.id, {
    publishedAt: new Date(at(-150)),
    openedAt: new Date(at(-140)),
    closedAt: new Date(at(-125)),
  });
}

/** Three people who left in the past year: two for reasons [S1] names, one in a restructuring; each interviewed. */
async function seedExits(deps: Deps, ctx: Ctx, unitId: string | null) {
  const parties = partiesService(deps);
  const exits = exitsService(deps);
  const files = fileService(deps);
  const leavers = [
    { name: '吴刚', exitOn: -200, type: 'voluntary', reason: 'external_competitiveness', rejoin: true },
    { name: 'Olivia Brown', exitOn: -90, type: 'voluntary', reason: 'internal_unfairness', rejoin: false },
    { name: '郑浩', exitOn: -30, type: 'involuntary', reason: 'restructuring', rejoin: true },
  ] as const;
  for (const [i, l] of leavers.entries()) {
    const party = await parties.create(ctx, {
      kind: 'person',
      displayName: l.name,
      roles: [
        {
          role: 'employee',
          stage: 'stable',
          employment: {
            employeeNo: `E${2001 + i}`,
            hireDate: dateOf(-900 + i * 150),
            orgUnitId: unitId,
            jobTitle: '专员 Specialist',
            grade: 'P3',
            salary: 15000 + i * 1000,
          },
        },
      ],
    });
    const file = await files.get(ctx, party.id);
    await exits.separate(ctx, party.id, {
      exitOn: dateOf(l.exitOn),
      exitType: l.type,
      reason: l.reason,
      version: file.version,
    });
    await exits.interview(ctx, party.id, {
      heldOn: dateOf(l.exitOn - 3),
      reasons: l.reason === 'restructuring' ? ['restructuring'] : [l.reason, 'promotion'],
      wouldRejoin: l.rejoin,
      rehireEligible: true,
      notes: l.reason === 'external_competitiveness' ? '同行薪酬高 20% Market pays 20 % more' : null,
    });
  }
}

export interface DemoPeopleInput {
  people: DemoPerson[];
  partyOf: Map<string, string>;
  unitOf: (key: string) => string | null;
}

/** The people demo for the small bilingual organisation (runs after the employees exist). */
export async function seedDemoPeople(deps: Deps, ctx: Ctx, input: DemoPeopleInput): Promise<void> {
  const { people, partyOf } = input;
  const byKey = (k: string) => people.find((p) => p.key === k);
  const party = (k: string) => partyOf.get(k) ?? '';
  await peopleSettingsService(deps).putPayBands(ctx, {
    bands: [
      { grade: 'P3', min: 14000, mid: 18000, max: 22000 },
      { grade: 'M2', min: 30000, mid: 36000, max: 42000 },
    ],
  });
  const files = fileService(deps);
  const contracts = [
    ['agent1', 60, 'renew'],
    ['agent2', 45, null],
    ['agent3', 75, 'undecided'],
    ['agent4', 400, null],
  ] as const;
  for (const [key, days, renewalIntent] of contracts) {
    const f = await files.get(ctx, party(key));
    await files.patch(ctx, party(key), f.version, {
      contract: { type: 'fixed_term', startOn: dateOf(days - 730), endOn: dateOf(days), renewalIntent },
    });
  }
  const staff = ['agent1', 'agent2', 'agent3', 'agent4', 'staff', 'eastLead', 'service'].map(party).filter(Boolean);
  await seedIncentives(deps, ctx, staff);
  const sales = ['agent1', 'agent2', 'agent3', 'agent4'].map(party);
  await seedAppraisals(deps, ctx, [...sales, party('staff')], party('agent3'), byKey('salesHead')?.userId ?? '');

  const conversations = conversationsService(deps);
  const talks = [
    ['eastLead', 'agent1', -40, '季度目标与客户拜访计划 Quarter goals and visits'],
    ['eastLead', 'agent4', -12, '新客户交接 Handing over new accounts'],
    ['salesHead', 'agent3', -100, '改进计划启动 Starting the improvement plan'],
    ['salesHead', 'agent3', -45, '改进计划中期回顾 Plan mid-point review'],
    ['salesHead', 'agent2', -8, '合同续签意向 Contract renewal intent'],
  ] as const;
  for (const [managerKey, employeeKey, days, notes] of talks) {
    const manager = byKey(managerKey);
    if (manager) {
      await conversations.create(asUser(ctx, manager, party(managerKey)), {
        partyId: party(employeeKey),
        kind: days === -12 ? 'walk_around' : 'one_on_one',
        heldOn: dateOf(days),
        notes,
        actions: days === -8 ? [{ title: '确认续签 Confirm the renewal', dueAt: at(7) }] : [],
      });
    }
  }

  const pdca = pdcaService(deps);
  let cycle = await pdca.create(ctx, {
    title: '缩短首次响应时间 Faster first replies',
    orgUnitId: input.unitOf('service'),
    ownerPartyId: party('service'),
    goal: '首次响应 2 小时内 First reply within 2 hours',
    measures: [
      { text: '首次响应中位数 Median first reply', target: '2h', actual: '3.5h' },
      { text: '满意度 CSAT', target: '85', actual: '78' },
    ],
    startsOn: dateOf(-60),
    endsOn: dateOf(60),
    notes: '检查阶段：排班调整后有改善 Check: better since the rota changed',
  });
  for (const status of ['do', 'check'] as const) {
    cycle = await pdca.update(ctx, cycle.id, { status, version: cycle.version });
  }
  const year = Number(dateOf(0).slice(0, 4));
  const vision = visionService(deps);
  await vision.create(ctx, {
    orgUnitId: null,
    year,
    vision: '成为客户与员工都满意的伙伴 A partner both customers and staff are glad to work with',
    changes: '加入"员工满意"作为第二目标 Added staff satisfaction as a second goal',
    participantPartyIds: ['ceo', 'salesHead', 'hr', 'service'].map(party).filter(Boolean),
    reviewedOn: dateOf(-20),
  });
  await vision.create(ctx, {
    orgUnitId: input.unitOf('sales'),
    year,
    vision: '每位重点客户都有主、备两位负责人 Every key customer has an owner and a backup',
    changes: '六位销售承担大部分客户，备份覆盖不足 Six sellers own most customers; backups are thin',
    participantPartyIds: ['salesHead', 'eastLead', 'agent1', 'agent2', 'agent3', 'agent4'].map(party),
    reviewedOn: dateOf(-15),
  });
  await seedExits(deps, ctx, input.unitOf('south'));
}
