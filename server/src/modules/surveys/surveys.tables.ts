import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Audience, Localized, Question, SurveyKind, SurveyStatus } from './surveys.schema.ts';

// Kysely table interfaces of the surveys module; `Database` (platform/db/types.ts) extends SurveysTables.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
type NumericCol = ColumnType<string | null, number | null | undefined, number | null>;

export interface SurveyTable {
  org_id: string;
  id: Generated<string>;
  kind: SurveyKind;
  title: Json<Localized>;
  description: Json<Localized> | null;
  audience: Json<Audience>;
  anonymous: boolean;
  min_group_size: number;
  opens_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closes_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  status: Generated<SurveyStatus>;
  questions: Json<Question[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SurveyInvitationTable {
  org_id: string;
  id: Generated<string>;
  survey_id: string;
  party_id: string;
  token_hash: string;
  expires_at: Date;
  used: Generated<boolean>;
  created_at: CreatedAt;
}

export interface SurveyResponseTable {
  org_id: string;
  id: Generated<string>;
  survey_id: string;
  party_id: string | null;
  anonymous: boolean;
  respondent_role: string | null;
  org_unit_id: string | null;
  stakeholder_group: string | null;
  submitted_at: Date;
}

export interface SurveyAnswerTable {
  org_id: string;
  response_id: string;
  survey_id: string;
  question_id: string;
  item: string;
  num: NumericCol;
  choices: string[] | null;
  text_value: string | null;
}

export interface SurveysTables {
  survey: SurveyTable;
  survey_invitation: SurveyInvitationTable;
  survey_response: SurveyResponseTable;
  survey_answer: SurveyAnswerTable;
}

export type SurveyRow = Selectable<SurveyTable>;
export type SurveyInvitationRow = Selectable<SurveyInvitationTable>;
