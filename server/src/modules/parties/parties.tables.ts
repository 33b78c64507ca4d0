import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  FieldType,
  HistoryField,
  KotlerLevel,
  PartyKind,
  PartyRoleName,
  Quadrant,
  RelationshipPhase,
} from './constants.ts';

// Kysely table interfaces of the parties module; `Database` (platform/db/types.ts) extends PartiesTables.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export interface Address {
  text?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
  city?: string | undefined;
  district?: string | undefined;
  street?: string | undefined;
  postalCode?: string | undefined;
}
export type FactValue = string | number | boolean | null;
export interface CareNote {
  id: string;
  at: string;
  note: string;
  topic: string | null;
}
export interface Profile {
  facts: Record<string, FactValue>;
  preferences: Record<string, FactValue>;
  care: CareNote[];
}
export type CustomValue = string | number | boolean | string[] | null;
export interface Participant {
  userId?: string | undefined;
  partyId?: string | undefined;
  name?: string | undefined;
}

export interface PartyTable {
  org_id: string;
  id: Generated<string>;
  kind: PartyKind;
  display_name: string;
  /** A key from another system (imports upsert by it); unique per organisation when set. */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  given_name: string | null;
  family_name: string | null;
  emails: string[];
  phones: string[];
  birthday: string | null;
  gender: string | null;
  address: Json<Address> | null;
  locale: string | null;
  tags: string[];
  custom: JsonDefault<Record<string, CustomValue>>;
  owner_id: string | null;
  backup_owner_id: string | null;
  profile: JsonDefault<Profile>;
  search_text: string;
  search_grams: string[];
  name_key: string;
  merged_into_id: string | null;
  deleted_at: Date | null;
  /** Who put the party in the bin (null once restored). */
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When its personal data was purged from the bin: for good. */
  purged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PartyRoleTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  role: PartyRoleName;
  stakeholder_group: string | null;
  stage: string;
  level: KotlerLevel | null;
  target_level: KotlerLevel | null;
  initiative_score: number | null;
  participation_score: number | null;
  /** The HR quadrant to reach, and by when; Kotler's target has its own date (docs/domain.md). */
  target_quadrant: ColumnType<Quadrant | null, Quadrant | null | undefined, Quadrant | null>;
  target_quadrant_by: ColumnType<string | null, string | null | undefined, string | null>;
  target_level_by: ColumnType<string | null, string | null | undefined, string | null>;
  phase: RelationshipPhase | null;
  employee_no: string | null;
  hire_date: string | null;
  org_unit_id: string | null;
  manager_id: string | null;
  job_title: string | null;
  career_track: string | null;
  grade: string | null;
  salary: string | null;
  exit_date: string | null;
  exit_reason: string | null;
  started_at: Timestamp;
  ended_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PartyHistoryTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  role: PartyRoleName | null;
  field: HistoryField;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
  actor_id: string | null;
  at: Timestamp;
}

export interface InteractionTable {
  org_id: string;
  id: Generated<string>;
  party_id: string;
  channel: string;
  direction: string;
  occurred_at: Date;
  subject: string;
  body: string | null;
  outcome: string | null;
  sentiment: string | null;
  participants: JsonDefault<Participant[]>;
  user_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TaskTable {
  org_id: string;
  id: Generated<string>;
  party_id: string | null;
  kind: string;
  title: string;
  notes: string | null;
  due_at: Date;
  assignee_id: string;
  status: 'open' | 'done' | 'cancelled';
  completed_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface StakeholderGroupTable {
  org_id: string;
  id: Generated<string>;
  key: string;
  name_zh: string;
  name_en: string;
  side: 'internal' | 'external';
  sort_order: number;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FieldDefinitionTable {
  org_id: string;
  id: Generated<string>;
  entity: 'party';
  key: string;
  label_zh: string;
  label_en: string;
  type: FieldType;
  options: string[];
  required: boolean;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** What a merge moved (ids), so an unmerge can move exactly that back. */
export interface MergeMoved {
  roles: string[];
  /** Source roles ended by the merge because the target already held that role. */
  endedRoles: string[];
  interactions: string[];
  tasks: string[];
  history: string[];
  addedEmails: string[];
  addedPhones: string[];
  addedTags: string[];
  addedCare: string[];
  /** Rows of other modules' tables (registered party references) moved, by table; absent on older merges. */
  others?: Record<string, string[]>;
}

export interface PartyMergeTable {
  org_id: string;
  id: Generated<string>;
  source_id: string;
  target_id: string;
  moved: Json<MergeMoved>;
  merged_by: string | null;
  merged_at: CreatedAt;
  undone_at: Date | null;
  undone_by: string | null;
}

/** View `party_membership`: the read contract other modules query (current roles of live parties). */
export interface PartyMembershipView {
  org_id: string;
  id: string;
  party_id: string;
  role: string;
  stage: string;
  stakeholder_group: string | null;
  org_unit_id: string | null;
  started_at: Date;
}

export interface PartiesTables {
  party_membership: PartyMembershipView;
  party: PartyTable;
  party_role: PartyRoleTable;
  party_history: PartyHistoryTable;
  interaction: InteractionTable;
  task: TaskTable;
  stakeholder_group: StakeholderGroupTable;
  field_definition: FieldDefinitionTable;
  party_merge: PartyMergeTable;
}

export type PartyRow = Selectable<PartyTable>;
export type NewPartyRow = Insertable<PartyTable>;
export type PartyUpdate = Updateable<PartyTable>;
export type PartyRoleRow = Selectable<PartyRoleTable>;
export type PartyRoleUpdate = Updateable<PartyRoleTable>;
export type PartyHistoryRow = Selectable<PartyHistoryTable>;
export type InteractionRow = Selectable<InteractionTable>;
export type TaskRow = Selectable<TaskTable>;
export type StakeholderGroupRow = Selectable<StakeholderGroupTable>;
export type FieldDefinitionRow = Selectable<FieldDefinitionTable>;
export type PartyMergeRow = Selectable<PartyMergeTable>;
