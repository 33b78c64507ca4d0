// Zod-free constants of the insight API (the web imports them through server/src/api.ts).
export const chainLevels = ['orgUnit', 'owner'] as const;
export const employeeMetrics = ['enps', 'engagement'] as const;
export const customerMetrics = ['nps', 'csat', 'retention', 'revenueGrowth'] as const;
export const homeRoles = ['executive', 'manager', 'hr', 'agent', 'employee'] as const;
// The capability index's catalogue (keys, units, directions, default targets, the maturity checklist).
export {
  capabilityKeys,
  indicators as capabilityIndicators,
  indicatorKeys as capabilityIndicatorKeys,
  checklistKeys as capabilityChecklistKeys,
  assessableItems as capabilityAssessableItems,
  defaultCapabilitySettings,
} from './capability/catalogue.ts';
