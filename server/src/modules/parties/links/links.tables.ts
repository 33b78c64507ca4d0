import type { ColumnType, Generated } from 'kysely';
import type { KotlerLevel, Quadrant } from '../constants.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Day = ColumnType<string | null, string | null | undefined, string | null>;

export interface PartyLinkTypeTable {
  org_id: string;
  key: string;
  label_zh: string;
  label_en: string;
  inverse_label_zh: string;
  inverse_label_en: string;
  created_at: CreatedAt;
}

export interface PartyLinkTable {
  org_id: string;
  id: Generated<string>;
  from_party_id: string;
  to_party_id: string;
  type: string;
  role: string | null;
  valid_from: Day;
  valid_to: Day;
  created_by: string | null;
  created_at: CreatedAt;
}

/** One change of a role's two relationship scales (the row holds the state after the change). */
export interface PartyRoleRelationshipTable {
  org_id: string;
  id: Generated<string>;
  role_id: string;
  initiative_score: number | null;
  participation_score: number | null;
  target_quadrant: Quadrant | null;
  target_quadrant_by: Day;
  level: KotlerLevel | null;
  target_level: KotlerLevel | null;
  target_level_by: Day;
  reason: string;
  actor_id: string | null;
  at: CreatedAt;
}

export interface LinksTables {
  party_link_type: PartyLinkTypeTable;
  party_link: PartyLinkTable;
  party_role_relationship: PartyRoleRelationshipTable;
}
