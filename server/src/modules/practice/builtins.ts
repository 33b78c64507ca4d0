import type { CriteriaGuide } from './practice.tables.ts';

// The built-in scenarios every organisation starts with (docs/practice.md): the airline case of docs/sources.md
// [S3.12] (a delayed flight, an angry passenger) and four Tandem cases. Text only; the library stores a copy per
// organisation that trainers may edit.

export interface BuiltInScenario {
  key: string;
  title: { zh: string; en: string };
  brief: { zh: string; en: string };
  customer: { zh: string; en: string };
  staff: { zh: string; en: string };
}

/** What each criterion looks for, the same for every built-in case. */
export const defaultCriteria: CriteriaGuide = {
  knowledge: {
    zh: '是否运用了所学的客户关系知识、政策与流程',
    en: 'Uses what was learnt: relationship knowledge, policy and process',
  },
  communication: {
    zh: '倾听、共情、语气与措辞是否得当，客户是否感到被理解',
    en: 'Listens, shows empathy, chooses tone and words; the customer feels understood',
  },
  solution: {
    zh: '解决方案是否合理、可执行，并兼顾客户与公司利益',
    en: 'The solution is reasonable, workable and fair to both the customer and the firm',
  },
  teamwork: {
    zh: '团队分工与配合是否顺畅，准备是否充分',
    en: 'The team divides the work, supports each other and came prepared',
  },
};

export const builtInScenarios: readonly BuiltInScenario[] = [
  {
    key: 'airline_delay',
    title: { zh: '航班延误：登机口的愤怒旅客', en: 'Delayed flight: an angry passenger at the gate' },
    brief: {
      zh: '航班因天气延误四小时。一位常旅客在登机口情绪激动，要求现金赔偿并威胁投诉。员工必须维护与旅客的关系，同时遵守公司政策（天气原因不予现金赔偿，但可提供餐食、改签与休息安排）。',
      en: 'A flight is four hours late because of the weather. A frequent flyer at the gate is angry, demands cash compensation and threatens to complain. Staff must keep the relationship and follow policy (no cash for weather delays, but meals, rebooking and a lounge are possible).',
    },
    customer: {
      zh: '你要赶一个重要会议，已经等了两个小时，没有人告诉你任何消息。你要求赔偿 1000 元，否则就投诉到民航局。',
      en: 'You must reach an important meeting, have waited two hours without news, and demand 1,000 yuan or you will complain to the regulator.',
    },
    staff: {
      zh: '你是登机口值班主管。先平复情绪、说明原因，在政策范围内提供可行方案，并记录旅客的需求。',
      en: 'You are the gate supervisor. Calm things down, explain the cause, offer what policy allows and record what the passenger needs.',
    },
  },
  {
    key: 'repeat_complaint',
    title: { zh: '第三次投诉的老客户', en: 'An angry repeat complaint' },
    brief: {
      zh: '一位老客户就同一个质量问题第三次来电投诉，前两次的工单都已“关闭”，但问题没有解决。',
      en: 'A long-standing customer calls for the third time about the same quality problem; both earlier cases were closed but nothing was fixed.',
    },
    customer: {
      zh: '你觉得公司在敷衍你，要求退货并和主管通话。',
      en: 'You feel brushed off, want a refund and to speak to a manager.',
    },
    staff: {
      zh: '你是客服。承认之前的处理不到位，查清原因，给出有期限的解决方案并亲自跟进。',
      en: 'You are the service agent. Own the earlier failures, find the cause, commit to a fix with a date and follow it up yourself.',
    },
  },
  {
    key: 'key_account_at_risk',
    title: { zh: '濒临流失的重点客户', en: 'An at-risk key account' },
    brief: {
      zh: '重点客户的采购量连续两个季度下降，其采购负责人最近很少回复。你约到了一次面谈。',
      en: 'A key account has bought less for two quarters and its buyer rarely answers. You have won a meeting.',
    },
    customer: {
      zh: '你对交付延迟和价格不满，正在评估另一家供应商，但不想直说。',
      en: 'You are unhappy with late deliveries and price and are evaluating another supplier, but will not say so directly.',
    },
    staff: {
      zh: '你是客户经理。找出真正的原因，重建信任，提出双方都能接受的改进计划。',
      en: 'You are the account manager. Find the real reasons, rebuild trust and propose an improvement plan both sides accept.',
    },
  },
  {
    key: 'appraisal_bottom_band',
    title: { zh: '与末位员工的绩效面谈', en: 'An appraisal conversation with a bottom-band employee' },
    brief: {
      zh: '一名员工本期考核落在末位区间。经理需要进行绩效面谈，说明结果并制定改进计划。',
      en: 'An employee landed in the bottom band this cycle. The manager must explain the result and agree an improvement plan.',
    },
    customer: {
      zh: '你是这名员工，认为评价不公平，因为你接手的客户最难，而且家里最近出了事。',
      en: 'You are the employee and find the rating unfair: you were given the hardest customers and had trouble at home.',
    },
    staff: {
      zh: '你是直属经理。以事实为依据，尊重员工，倾听原因，共同制定有辅导和复评日期的改进计划。',
      en: 'You are the line manager. Stick to facts, respect the employee, listen, and agree a plan with coaching and a reassessment date.',
    },
  },
  {
    key: 'lost_to_competitor',
    title: { zh: '被竞争对手抢走的客户', en: 'A customer lost to a competitor' },
    brief: {
      zh: '一位多年的客户上个月转向了竞争对手。你打电话进行流失回访。',
      en: 'A customer of many years moved to a competitor last month. You call for a win-back interview.',
    },
    customer: {
      zh: '你对新供应商还算满意，不愿多谈，但对原来的售后服务仍有怨言。',
      en: 'You are fairly happy with the new supplier and reluctant to talk, but still resent the old after-sales service.',
    },
    staff: {
      zh: '你是客户经理。不辩解，了解离开的原因，记录可改进之处，并为未来合作留下可能。',
      en: 'You are the account manager. Do not argue; learn why they left, note what to improve and leave the door open.',
    },
  },
];
