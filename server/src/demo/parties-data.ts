import type { CreateParty } from '../modules/parties/index.ts';

// The hand-written demo's customers (with the calls their owners made) and its other stakeholders:
// candidates, a partner, a government office, a community and the natural environment.

const day = 24 * 60 * 60 * 1000;
/** A moment `days` from today (negative: ago) at `hour` UTC. */
export const at = (days: number, hour = 10) =>
  new Date(Math.floor(Date.now() / day) * day + days * day + hour * 60 * 60 * 1000).toISOString();
export const dateOf = (days: number) => at(days).slice(0, 10);

/** A demo customer and the subjects of the calls logged with them. */
export type DemoCustomer = CreateParty & { calls: string[] };

/** The regular customer whose birthday is near (about 42, in nine days). */
const wangXiuying = (): DemoCustomer => ({
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
});

const laterCustomers: DemoCustomer[] = [
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
/** The customers (fresh copies: callers may change them), the birthday counted from today. */
export const demoCustomers = (): DemoCustomer[] => [wangXiuying(), ...structuredClone(laterCustomers)];

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

/** The other stakeholders. */
export const demoOthers = (): CreateParty[] => structuredClone(others);
