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
  /** The respondent's segment at answer time (value's segments; first by priority). */
  segment_id: ColumnType<string | null, string | null | undefined, string | null>;
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

/** An anonymous answer waiting to be released into survey_response with others (no invitation, no party). */
export interface SurveyBallotTable {
  org_id: string;
  id: Generated<string>;
  survey_id: string;
  submitted_on: ColumnType<string, string, string>;
  respondent_role: string | null;
  org_unit_id: string | null;
  stakeholder_group: string | null;
  segment_id: ColumnType<string | null, string | null | undefined, string | null>;
  answers: Json<BallotAnswer[]>;
}

export interface BallotAnswer {
  question_id: string;
  item: string;
  num: number | null;
  choices: string[] | null;
  text_value: string | null;
}

/** One anonymous answer given by an invitee: HMAC of survey and party under the instance secret. */
export interface SurveySpentTable {
  org_id: string;
  survey_id: string;
  nullifier: string;
}

export interface SurveysTables {
  survey: SurveyTable;
  survey_invitation: SurveyInvitationTable;
  survey_response: SurveyResponseTable;
  survey_answer: SurveyAnswerTable;
  survey_ballot: SurveyBallotTable;
  survey_spent: SurveySpentTable;
}

export type SurveyRow = Selectable<SurveyTable>;
export type SurveyInvitationRow = Selectable<SurveyInvitationTable>;
