// Plain constants (no zod) so the web bundle can import them through api.ts (docs/projects.md).

/** The four kinds of relationship project (docs/domain.md "Relationship projects"). */
export const projectKinds = ['special_customer', 'activity', 'product', 'database'] as const;
export type ProjectKind = (typeof projectKinds)[number];

/** A project's status; `closed` only through the closing evaluation. */
export const projectStatuses = ['planned', 'active', 'closed', 'cancelled'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** Legal status moves (docs/projects.md "Status"): anything else answers 409. */
export const projectMoves: Record<ProjectStatus, readonly ProjectStatus[]> = {
  planned: ['active', 'cancelled'],
  active: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

/**
 * What a project target measures (docs/metrics.md "Project targets"): each is a Tandem number measured through
 * another module's index.ts or commerce's published tables, over the customers the measurer may see; `custom` is a
 * number entered by hand at the start and at the close.
 */
export const targetMetrics = [
  'party_count',
  'segment_size',
  'segment_retention',
  'nps',
  'product_revenue',
  'category_revenue',
  'custom',
] as const;
export type TargetMetric = (typeof targetMetrics)[number];
export const targetDirections = ['up', 'down'] as const;
export type TargetDirection = (typeof targetDirections)[number];

/** Roles that read and write projects: the organisation-wide roles, since targets are measured org-wide. */
export const PROJECT_ROLES = ['admin', 'executive', 'marketing'] as const;

/** The eight steps of the quality review loop (docs/domain.md "Quality review"), in order. */
export const reviewSteps = [
  'key_customers',
  'indicators',
  'interviews',
  'responses',
  'improvements',
  'implementation',
  'evaluation',
  'communication',
] as const;
export type ReviewStep = (typeof reviewSteps)[number];
export const reviewStepStates = ['not_started', 'in_progress', 'done'] as const;
export type ReviewStepState = (typeof reviewStepStates)[number];

/** Where an indicator comes from (step 2): what the key customers value, or the firm's revenue, profit or share. */
export const indicatorSources = ['customer_value', 'revenue', 'profit', 'share'] as const;
export type IndicatorSource = (typeof indicatorSources)[number];

/** How the urgent need found in an interview is answered (step 4). */
export const responseKinds = ['task', 'case'] as const;
export type ResponseKind = (typeof responseKinds)[number];

/** Steps 5–7 improvements and step 8 communication. */
export const reviewActionKinds = ['improvement', 'communication'] as const;
export const communicationAudiences = ['staff', 'customers'] as const;

/** Who runs a review cycle; agents (the interviewers) read it and record interviews of customers they may see. */
export const REVIEW_WRITERS = ['admin', 'executive', 'marketing', 'manager'] as const;
export const REVIEW_READERS = ['admin', 'executive', 'marketing', 'manager', 'agent'] as const;

/** A trust rating at or below this marks a relationship in trouble (docs/metrics.md "Trust"). */
export const TROUBLE_TRUST = 2;
