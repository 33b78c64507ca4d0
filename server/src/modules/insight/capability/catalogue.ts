// The 18 indicators of the CRM capability index under three capabilities (docs/capability-index.md), zod-free so the
// web imports the keys through server/src/api.ts. `auto`: what Tandem computes, its unit, direction and default
// target; `assessed`: rated 1–5 by named assessors. `record`: what to record when the automatic part has no data.

export const capabilityKeys = ['insight', 'value', 'lifecycle'] as const;
export type CapabilityKey = (typeof capabilityKeys)[number];

export interface AutoPart {
  unit: string;
  direction: 'up' | 'down';
  target: number;
}
export interface IndicatorDef {
  key: string;
  capability: CapabilityKey;
  auto: AutoPart | null;
  assessed: boolean;
  /** What to record for the automatic part (or, for assessed-only items, who should answer). */
  record: string;
}

const up = (unit: string, target: number): AutoPart => ({ unit, direction: 'up', target });
const down = (unit: string, target: number): AutoPart => ({ unit, direction: 'down', target });

export const indicators: readonly IndicatorDef[] = [
  {
    key: 'market_feedback_speed',
    capability: 'insight',
    auto: down('business minutes', 240),
    assessed: false,
    record: 'Record complaints as cases and answer them in Tandem (the first response is timed)',
  },
  {
    key: 'customer_understanding',
    capability: 'insight',
    auto: up('%', 60),
    assessed: true,
    record: "Fill customers' profiles: facts, preferences and care notes",
  },
  {
    key: 'data_analysis',
    capability: 'insight',
    auto: up('%', 90),
    assessed: true,
    record: 'Run value snapshots (RFM, classes, CLV) at least monthly',
  },
  {
    key: 'golden_customer_identification',
    capability: 'insight',
    auto: up('points', 5),
    assessed: false,
    record: 'Take value snapshots at two dates so the top segment’s revenue share can be compared',
  },
  {
    key: 'new_product_speed',
    capability: 'value',
    auto: down('days', 180),
    assessed: true,
    record: 'Record product projects with their idea and launch days (Projects)',
  },
  {
    key: 'customisation',
    capability: 'value',
    auto: null,
    assessed: true,
    record: 'Orders carry no customised flag yet: answer it in the assessment',
  },
  {
    key: 'staff_service_level',
    capability: 'value',
    auto: up('mean 1–5', 4.5),
    assessed: true,
    record: 'Send post-resolution satisfaction links on resolved cases',
  },
  {
    key: 'delivery',
    capability: 'value',
    auto: null,
    assessed: true,
    record: 'Delivery data is not recorded: answer it in the assessment',
  },
  {
    key: 'sales_channel_diversity',
    capability: 'value',
    auto: up('channels', 3),
    assessed: false,
    record: 'Record the sales channel on transactions',
  },
  {
    key: 'ease_of_use',
    capability: 'value',
    auto: up('mean 1–7', 5.5),
    assessed: false,
    record: 'Run a CES survey (1–7) about the product',
  },
  {
    key: 'brand_management',
    capability: 'value',
    auto: up('NPS points', 5),
    assessed: true,
    record: 'Run NPS surveys in this period and the one before (named answers)',
  },
  {
    // Referral volume, the other half of the table's "NPS trend and referral volume" (docs/capability-index.md).
    key: 'referral_rate',
    capability: 'value',
    auto: up('per 100 customers', 5),
    assessed: false,
    record: 'Record referrals: customers’ referral links, or referrals logged by hand (Care → Referral)',
  },
  {
    key: 'relationship_control',
    capability: 'lifecycle',
    auto: null,
    assessed: true,
    record: 'Retention spend (care and win-back budgets) is not recorded: answer it in the assessment',
  },
  {
    key: 'responsiveness_to_change',
    capability: 'lifecycle',
    auto: null,
    assessed: true,
    record: 'Not computed from stage moves yet: answer it in the assessment',
  },
  {
    key: 'complaint_handling',
    capability: 'lifecycle',
    auto: down('business minutes', 1440),
    assessed: false,
    record: 'Record complaints as cases and resolve them in Tandem',
  },
  {
    key: 'channel_variety',
    capability: 'lifecycle',
    auto: up('channels', 4),
    assessed: false,
    record: 'Record inbound interactions and cases with their channel',
  },
  {
    key: 'immediacy',
    capability: 'lifecycle',
    auto: null,
    assessed: true,
    record: 'Queue data (waiting time, abandonment) is not recorded: answer it in the assessment',
  },
  {
    key: 'effectiveness',
    capability: 'lifecycle',
    auto: down('business minutes', 480),
    assessed: true,
    record: 'Record inquiries as cases and resolve them in Tandem',
  },
];
export const indicatorKeys = indicators.map((i) => i.key);
/** Indicators with an automatic part: the ones that take a target. */
export const autoIndicatorKeys = indicators.filter((i) => i.auto).map((i) => i.key);

/** The maturity checklist beside the index: Accenture's ten capabilities and PwC's six questions. */
export const checklistKeys = [
  ...Array.from({ length: 10 }, (_, i) => `accenture_${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `pwc_${i + 1}`),
];
/** Items an assessor may rate: the indicators with an assessed part, and the checklist. */
export const assessableItems = [...indicators.filter((i) => i.assessed).map((i) => i.key), ...checklistKeys];

/** Default settings: targets above, assessed target 4 of 5, equal weights (docs/capability-index.md). */
export const defaultCapabilitySettings = {
  targets: Object.fromEntries(indicators.flatMap((i) => (i.auto ? [[i.key, i.auto.target]] : []))),
  assessedTarget: 4,
  capabilityWeights: { insight: 1, value: 1, lifecycle: 1 } as Record<CapabilityKey, number>,
  indicatorWeights: Object.fromEntries(indicators.map((i) => [i.key, 1])),
};
export type CapabilitySettings = typeof defaultCapabilitySettings;
