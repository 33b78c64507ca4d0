// Mirrors of the value API's shapes while the server branches are not merged; replaced by @tandem/server/api.
export interface CurrencyCount {
  currency: string;
  transactions: number;
  revenue: string;
}
type Note = 'not_enough_data' | null;

export interface ValueSummary {
  from: string;
  to: string;
  timeZone: string;
  lapseDays: number;
  customersAtStart: number;
  customersAtEnd: number;
  retained: number;
  acquired: number;
  wonBack: number;
  lost: number;
  newCustomers: number;
  retentionRate: number | null;
  churnRate: number | null;
  acquisitionRate: number | null;
  activeCustomers: number;
  repeatCustomers: number;
  repeatPurchaseRate: number | null;
  currency: string | null;
  revenue: string;
  transactions: number;
  excludedTransactions: number;
  currencies: CurrencyCount[];
  note: Note;
}

export interface RfmSummary {
  asOf: string;
  windowDays: number;
  timeZone: string;
  currency: string | null;
  customers: number;
  revenue: string;
  excludedTransactions: number;
  currencies: CurrencyCount[];
  segments: { segment: string; customers: number; revenue: string }[];
  grid: { r: number; f: number; customers: number; revenue: string }[];
  note: Note;
}
export interface RfmCustomer {
  partyId: string;
  recencyDays: number;
  frequency: number;
  monetary: string;
  r: number;
  f: number;
  m: number;
  segment: string;
}
export interface RfmRule {
  segment: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}
export interface RfmRules {
  rules: RfmRule[];
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
}

export interface Concentration {
  by: 'customer' | 'owner';
  from: string;
  to: string;
  currency: string | null;
  n: number;
  total: number;
  top20Share: number;
  gini: number;
  lorenz: { x: number; y: number }[];
  excludedTransactions: number;
  note: Note;
}

export interface Cohorts {
  from: string;
  to: string;
  cohorts: { month: string; size: number; retention: { k: number; customers: number; share: number }[] }[];
  note: Note;
}

export interface ClvModel {
  fitId: string;
  asOf: string;
  timeUnit: 'day' | 'week';
  currency: string;
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; customers: number };
  gammaGamma: { p: number; q: number; gamma: number; logLikelihood: number; customers: number };
  frequencySpendCorrelation: number | null;
  excludedTransactions: number;
  diagnostics: { repeatPurchases: string; actual: number; expected: number }[];
  fitMillis: number;
  fittedAt: string;
}
export interface ClvFit {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  asOf: string;
  timeUnit: 'day' | 'week';
  currency: string;
  requestedAt: string;
  finishedAt: string | null;
  error: { reason: string; message: string } | null;
  model: ClvModel | null;
}
export interface ClvCustomer {
  partyId: string;
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
}
export interface ClvCustomersPage {
  items: ClvCustomer[];
  nextCursor: string | null;
  fitId: string;
  asOf: string;
  currency: string;
}
export interface SimpleClv {
  asOf: string;
  currency: string | null;
  customers: number;
  priorCustomers: number;
  averageOrderValue: number | null;
  purchasesPerYear: number | null;
  annualChurnRate: number | null;
  expectedLifetimeYears: number | null;
  grossMargin: number;
  clv: number | null;
  excludedTransactions: number;
  note: 'not_enough_data' | 'no_churn' | null;
}

export interface AssociationRule {
  antecedent: string;
  antecedentName: string | null;
  consequent: string;
  consequentName: string | null;
  count: number;
  support: number;
  confidence: number;
  lift: number;
}
export interface CrossSell {
  from: string;
  to: string;
  level: 'category' | 'product';
  baskets: number;
  basketsLeftOut: number;
  maxBasketItems: number;
  rules: AssociationRule[];
  crossSell: { activeCustomers: number; multiCategoryCustomers: number; ratio: number };
  note: string | null;
}

export type SegmentCondition =
  | { field: 'kind'; op: 'in'; value: string[] }
  | { field: 'role'; op: 'in'; value: string[] }
  | { field: 'stage'; op: 'in'; value: string[]; role?: string }
  | { field: 'stakeholderGroup'; op: 'in'; value: string[] }
  | { field: 'tags'; op: 'any' | 'all' | 'none'; value: string[] }
  | { field: 'owner'; op: 'in'; value: string[] }
  | { field: 'owner'; op: 'none' }
  | { field: 'orgUnit'; op: 'in'; value: string[] }
  | { field: 'createdAt'; op: 'before' | 'after'; value: string }
  | { field: 'lastPurchase'; op: 'before' | 'after'; value: string }
  | { field: 'lastPurchase'; op: 'withinDays' | 'notWithinDays'; value: number }
  | { field: 'lastPurchase'; op: 'never' }
  | { field: 'categoriesBought'; op: 'any' | 'all' | 'none'; value: string[] }
  | { field: 'rfmSegment'; op: 'in'; value: string[] }
  | { field: 'valueClass'; op: 'in'; value: string[] }
  | {
      field: 'clv' | 'monetary' | 'frequency' | 'recencyDays' | 'r' | 'f' | 'm';
      op: 'gte' | 'lte' | 'eq';
      value: number;
    };
export type SegmentRule = { and: SegmentRule[] } | { or: SegmentRule[] } | { not: SegmentRule } | SegmentCondition;

export interface Segment {
  id: string;
  name: string;
  description: string | null;
  rule: SegmentRule;
  priority: number;
  archived: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface SegmentMember {
  id: string;
  displayName: string;
  kind: string;
  ownerId: string | null;
  rfmSegment: string | null;
  valueClass: string | null;
  clv: string | null;
  monetary: string | null;
  lastPurchaseOn: string | null;
}
export interface SegmentCount {
  count: number;
  valueSnapshotAsOf: string | null;
  note: string | null;
}
export interface SegmentPreview extends SegmentCount {
  sample: SegmentMember[];
}
export interface SegmentHistory {
  months: { month: string; members: number; entered: number; left: number }[];
  note: string | null;
}
export interface CustomerValue {
  asOf: string;
  currency: string;
  firstPurchaseOn: string;
  lastPurchaseOn: string;
  purchaseDays: number;
  recencyDays: number;
  frequency: number;
  monetary: string;
  r: number | null;
  f: number | null;
  m: number | null;
  rfmSegment: string | null;
  valueClass: string | null;
  clv: string | null;
}
export interface PartyValue {
  partyId: string;
  value: CustomerValue | null;
  note: string | null;
}
export interface SnapshotRun {
  id: string;
  asOf: string;
  currency: string;
  windowDays: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  customers: number | null;
  scored: number | null;
  leftOutTransactions: number | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Who reads value analytics (value.access.ts VALUE_ROLES). */
export const valueRoles = ['admin', 'executive', 'manager', 'marketing', 'agent'] as const;
/** Who fits the CLV model (clv.routes.ts CLV_FIT_ROLES). */
export const clvFitRoles = ['admin', 'executive', 'marketing'] as const;
export const segmentEditorRoles = ['admin', 'manager', 'marketing'] as const;
export const valueStaffRoles = ['admin', 'executive', 'manager', 'hr', 'marketing', 'agent'] as const;
export const snapshotRequesterRoles = ['admin', 'manager', 'marketing'] as const;
