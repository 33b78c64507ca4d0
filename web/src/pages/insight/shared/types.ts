// Insight API types and role lists, from the server's schemas (server/src/api.ts).
import type { Role } from '../../../api/types.ts';

export type {
  Capability,
  CapabilityAssessment,
  CapabilityAssessmentsBody,
  CapabilitySettings,
  CapabilitySettingsBody,
  CapabilitySnapshot,
  CapabilitySnapshotBody,
  Chain,
  ChainPoint,
  Home,
  HomeCard,
  KeyPerson,
  KeyPersonOwner,
  KeyPersonSimulation,
} from '@tandem/server/api';
export {
  capabilityAssessableItems,
  capabilityChecklistKeys,
  capabilityIndicators,
  capabilityKeys,
  chainLevels,
  customerMetrics,
  employeeMetrics,
} from '@tandem/server/api';
// The roles the server lets in (modules/insight/insight.access.ts); other roles get 403, so the menu hides the pages.
export const keyPersonRoles: readonly Role[] = ['admin', 'executive', 'hr', 'manager'];
export const chainRoles: readonly Role[] = ['admin', 'executive', 'hr'];
export const capabilityRoles: readonly Role[] = ['admin', 'executive'];
export const insightRoles: readonly Role[] = keyPersonRoles;
