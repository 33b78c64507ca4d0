import type { Party } from '@tandem/server/api';

// API types come from the server's zod schemas (type-only, so nothing from the server enters the bundle).
export type {
  ApiToken,
  ApiTokenCreated,
  AuditEntry,
  CreateOrgUnit,
  CreateUser,
  ErrorBody,
  ErrorCode,
  Health,
  Locale,
  LoginResponse,
  MeResponse,
  Organization,
  OrgUnit,
  Page,
  Role,
  SavedView,
  SearchResult,
  SessionUser,
  UpdateOrgUnit,
  UpdateUser,
  User,
  ViewState,
  Party,
  PartyRole,
  CreateParty,
  UpdateParty,
  RoleInput,
  PartyHistoryEntry,
  MergeResult,
  Interaction,
  CreateInteraction,
  Task,
  CreateTask,
  UpdateTask,
  TimelineItem,
  StakeholderGroup,
  FieldDefinition,
  RelationshipMap,
  PartyKind,
  PartyRoleName,
  KotlerLevel,
  Quadrant,
  RelationshipPhase,
} from '@tandem/server/api';

/** Shape of one VALIDATION_FAILED detail. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

export interface RoleCount {
  role: string;
  count: number;
}

/** One candidate of `GET /api/parties/:id/duplicates`. */
export interface PartyDuplicate {
  party: Party;
  reasons: ('email' | 'phone' | 'name')[];
  score: number;
}
