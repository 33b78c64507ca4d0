import type { RequestContext } from '../platform/auth/actor.ts';
import type { Deps } from '../platform/deps.ts';
import {
  activitiesService,
  deliveriesService,
  evaluationService,
  groupsService,
  processService,
  servicesService,
} from '../modules/hrcrm/index.ts';
import { linksService } from '../modules/parties/index.ts';
import { invitationsService, responsesService, surveysService } from '../modules/surveys/index.ts';
import { at, dateOf } from './parties-data.ts';

// The HR-department CRM of the demo (docs/domain.md "HR-department CRM"): people linked to the companies they work
// at and to who referred them; HR's assessment of the eight groups with the targets of docs/domain.md; a service
// catalogue with deliveries; line managers' process and activities; a gap survey of clients, answered.

type Quadrant = 'basic' | 'proactive' | 'reactive' | 'partnership';
const assessments: [string, number, number, Quadrant, string][] = [
  ['marketing_staff', 2, 2, 'proactive', '很少主动沟通，对方也少参与 Little contact either way'],
  ['line_managers', 2, 4, 'partnership', 'HR 执行经理的要求 HR executes what managers demand'],
  ['employees', 4, 2, 'partnership', 'HR 主导，员工参与不足 HR leads; staff take little part'],
  ['strategic_decision_makers', 2, 4, 'partnership', '战略由高层决定，HR 跟随 Leadership decides; HR follows'],
  ['company_clients', 2, 2, 'partnership', '与客户几乎无直接联系 Hardly any direct contact'],
  ['potential_employees', 2, 1, 'partnership', '只在招聘时接触 Contact only when hiring'],
  ['government_community', 2, 4, 'partnership', '按政府要求办事 We act as required'],
  ['natural_environment', 1, 1, 'proactive', '尚无环境承诺 No commitments yet'],
];

const catalogue: [string, string, [string, string, 'survey_dimension' | 'case_type' | 'indicator', string][]][] = [
  ['招聘', 'Recruiting', [['line_managers', '30 天内到岗 Filled in 30 days', 'indicator', 'time_to_fill']]],
  ['入职', 'Onboarding', [['employees', '第一周顺利上手 A smooth first week', 'survey_dimension', 'service']]],
  ['培训', 'Training', [['employees', '技能提升 Skills grow', 'survey_dimension', 'self_actualisation']]],
  ['薪酬发放', 'Payroll', [['employees', '准时准确 On time, correct', 'case_type', 'complaint']]],
  ['员工关系', 'Employee relations', [['line_managers', '问题及时解决 Issues resolved fast', 'case_type', 'inquiry']]],
  ['雇主品牌', 'Employer brand', [['potential_employees', '愿意加入 Want to join', 'indicator', 'offer_acceptance']]],
  ['社区项目', 'Community programmes', [['government_community', '社区认可 Recognition', 'indicator', 'programmes']]],
  ['环境承诺', 'Environmental commitments', [['natural_environment', '用电下降 Less power', 'indicator', 'kwh']]],
];

// Expected vs perceived (1–7) for quality and service, per client: service falls short, quality exceeds.
const clientAnswers = [
  [6, 6, 7, 5],
  [5, 6, 6, 4],
  [6, 7, 7, 5],
  [5, 5, 6, 5],
  [6, 6, 7, 4],
];

async function seedLinks(deps: Deps, ctx: RequestContext, byName: Map<string, string>) {
  const links = linksService(deps);
  const pairs: [string, string, string, string | null][] = [
    ['王秀英', '上海华联贸易有限公司', 'works_at', '采购经理'],
    ['李强', '深圳创新科技有限公司', 'works_at', '技术总监'],
    ['Emma Wilson', 'Northwind Traders', 'works_at', 'Purchasing lead'],
    ['刘敏', '王秀英', 'referred_by', null],
    ['Michael Brown', 'Emma Wilson', 'referred_by', null],
  ];
  for (const [from, to, type, role] of pairs) {
    const a = byName.get(from);
    const b = byName.get(to);
    if (a && b) {
      await links.create(ctx, a, { toPartyId: b, type, role, from: dateOf(-400) });
    }
  }
}

async function seedClientSurvey(deps: Deps, ctx: RequestContext, clients: string[]) {
  const surveys = surveysService(deps);
  const scale = (id: string, dimension: string, pairing: 'expected' | 'perceived', zh: string, en: string) => ({
    id,
    type: 'scale' as const,
    required: true,
    min: 1,
    max: 7,
    dimension,
    pairing,
    text: { zh, en },
  });
  const s = await surveys.create(ctx, {
    kind: 'gap',
    title: { zh: '客户期望与感知', en: 'Client expectations and experience' },
    audience: { kind: 'stakeholderGroup', stakeholderGroup: 'company_clients' },
    anonymous: false,
    minGroupSize: 3,
    questions: [
      scale('quality_expected', 'quality', 'expected', '您对质量的期望', 'Quality you expect'),
      scale('quality_perceived', 'quality', 'perceived', '您感受到的质量', 'Quality you received'),
      scale('service_expected', 'service', 'expected', '您对服务的期望', 'Service you expect'),
      scale('service_perceived', 'service', 'perceived', '您感受到的服务', 'Service you received'),
    ],
  });
  const opened = await surveys.update(ctx, s.id, s.version, { status: 'open' });
  const invited = await invitationsService(deps, surveys).invite(ctx, opened.id, {
    partyIds: clients,
    expiresInDays: 30,
    reissue: false,
  });
  const responses = responsesService(deps);
  const ids = ['quality_expected', 'quality_perceived', 'service_expected', 'service_perceived'];
  for (const [i, inv] of invited.items.entries()) {
    const values = clientAnswers[i % clientAnswers.length] ?? [];
    await responses.respond(
      inv.token,
      { answers: ids.map((questionId, j) => ({ questionId, value: values[j] ?? 4 })) },
      { ip: '127.0.0.1', requestId: 'demo-seed' },
    );
  }
}

async function seedCatalogue(deps: Deps, ctx: RequestContext, hrUser: string | null) {
  const services = servicesService(deps);
  const deliveries = deliveriesService(deps);
  for (const [i, [nameZh, nameEn, groups]] of catalogue.entries()) {
    const s = await services.create(ctx, {
      nameZh,
      nameEn,
      ownerUserId: hrUser,
      groups: groups.map(([groupKey, expectedValue, kind, ref]) => ({
        groupKey,
        expectedValue,
        measure: { kind, ref },
      })),
    });
    const first = groups[0];
    if (first && i % 2 === 0) {
      await deliveries.deliver(ctx, s.id, { groupKey: first[0], deliveredOn: dateOf(-20 - i), quantity: 1 + i });
    }
  }
}

async function seedLineManagers(deps: Deps, ctx: RequestContext, hrUser: string | null) {
  const activities = activitiesService(deps);
  const process = processService(deps);
  const planning = await activities.createActivity(ctx, 'line_managers', {
    r: 'relationship',
    title: '季度人力规划会 Quarterly workforce planning',
    objective: '与经理共同制定招聘计划 Agree hiring plans together',
    budget: '5000',
    plannedOn: dateOf(-14),
  });
  await activities.updateActivity(ctx, planning.id, { status: 'done', outcome: '计划已确认 Plan agreed' });
  await activities.createActivity(ctx, 'line_managers', {
    r: 'response',
    title: '经理服务热线 Manager hotline',
    objective: '24 小时内答复 Answer within 24 hours',
    plannedOn: dateOf(30),
  });
  for (const [step, state] of [
    ['collect', 'done'],
    ['segment', 'done'],
    ['needs', 'in_progress'],
    ['activities', 'in_progress'],
  ] as const) {
    await process.updateStep(ctx, 'line_managers', step, { state, ownerUserId: hrUser, dueOn: dateOf(60) });
  }
}

/** Seeds the HR-department CRM of the demo organisation (after its parties). */
export async function seedDemoHrCrm(
  deps: Deps,
  ctx: RequestContext,
  input: { byName: Map<string, string>; clients: string[]; hrUser: string | null },
): Promise<void> {
  await seedLinks(deps, ctx, input.byName);
  const groups = groupsService(deps);
  for (const [key, initiativeScore, participationScore, targetQuadrant, reason] of assessments) {
    await groups.putAssessment(ctx, key, {
      initiativeScore,
      participationScore,
      targetQuadrant,
      targetQuadrantBy: dateOf(540),
      reason,
    });
  }
  // Kotler's level is a separate scale: clients are called after the sale today; the aim is regular contact.
  await groups.putAssessment(ctx, 'company_clients', {
    level: 'accountable',
    targetLevel: 'proactive',
    targetLevelBy: dateOf(365),
    reason: '售后回访已建立 After-sale calls in place',
  });
  await seedCatalogue(deps, ctx, input.hrUser);
  await seedLineManagers(deps, ctx, input.hrUser);
  await seedClientSurvey(deps, ctx, input.clients);
  await evaluationService(deps).contribute(ctx, 'company_clients', {
    text: '推荐了两家新经销商 Referred two new distributors',
    value: '50000',
    recordedOn: at(-10).slice(0, 10),
  });
}
