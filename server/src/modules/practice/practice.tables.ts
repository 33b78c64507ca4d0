import type { ColumnType, Generated, Selectable } from 'kysely';
import type { PracticeCriterion, PracticeMemberRole, PracticeStep } from './constants.ts';

// Kysely table interfaces of scenario practice; `Database` (platform/db/types.ts) extends PracticeTables.
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type Bilingual = { zh: string; en: string };
export type CriteriaGuide = Record<PracticeCriterion, Bilingual>;

export interface PracticeScenarioTable {
  org_id: string;
  id: Generated<string>;
  built_in: string | null;
  title_zh: string;
  title_en: string;
  brief_zh: string;
  brief_en: string;
  customer_zh: string;
  customer_en: string;
  staff_zh: string;
  staff_en: string;
  criteria: Json<CriteriaGuide>;
  archived: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PracticeSessionTable {
  org_id: string;
  id: Generated<string>;
  scenario_id: string;
  title: string;
  trainer_user_id: string;
  scheduled_at: ColumnType<Date, Date | string, Date | string>;
  location: string | null;
  step: ColumnType<PracticeStep, PracticeStep | undefined, PracticeStep>;
  case_notes: string | null;
  summary: string | null;
  completed_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PracticeTeamTable {
  org_id: string;
  id: Generated<string>;
  session_id: string;
  name: string;
  position: number;
}

export interface PracticeMemberTable {
  org_id: string;
  session_id: string;
  user_id: string;
  team_id: string;
  role: PracticeMemberRole;
}

export interface PracticeScoreTable {
  org_id: string;
  id: Generated<string>;
  session_id: string;
  team_id: string;
  scorer_team_id: string | null;
  scorer_user_id: string;
  knowledge: number;
  communication: number;
  solution: number;
  teamwork: number;
  comment: string | null;
  created_at: CreatedAt;
}

export interface PracticeOrgTable {
  org_id: string;
  practice_org_id: string;
  seed: number;
  customers: number;
  employees: number;
  transactions: number;
  admin_user_id: string;
  created_by: string | null;
  created_at: CreatedAt;
  reset_at: Date | null;
  resets: Generated<number>;
}

export interface PracticeAccountTable {
  org_id: string;
  practice_org_id: string;
  user_id: string;
  email: string;
  kind: 'admin' | 'trainee';
  added_by: string | null;
  added_at: CreatedAt;
}

export interface PracticeTables {
  practice_scenario: PracticeScenarioTable;
  practice_session: PracticeSessionTable;
  practice_team: PracticeTeamTable;
  practice_member: PracticeMemberTable;
  practice_score: PracticeScoreTable;
  practice_org: PracticeOrgTable;
  practice_account: PracticeAccountTable;
}

export type ScenarioRow = Selectable<PracticeScenarioTable>;
export type SessionRow = Selectable<PracticeSessionTable>;
