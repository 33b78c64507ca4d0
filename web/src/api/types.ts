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
