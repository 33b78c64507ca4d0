// Relationship type of a party role or an HR-CRM group: the HR quadrant (seed 000: our initiative × their
// participation) and Kotler's level (seed 003), two scales kept apart, each with its own target.
import type { KotlerLevel, Quadrant } from '../../../api/types.ts';

/** The relationship fields a role or a group carries (the server derives `quadrant` from the two scores). */
export interface RelationshipFields {
  initiativeScore: number | null;
  participationScore: number | null;
  quadrant: Quadrant | null;
  targetQuadrant: Quadrant | null;
  targetQuadrantBy: string | null;
  level: KotlerLevel | null;
  targetLevel: KotlerLevel | null;
  targetLevelBy: string | null;
}

/** Body of `PUT …/relationship` and `PUT /api/hr-crm/groups/:key/assessment` (reason required, 1–500 chars). */
export interface RelationshipInput {
  initiativeScore?: number | null;
  participationScore?: number | null;
  targetQuadrant?: Quadrant | null;
  targetQuadrantBy?: string | null;
  level?: KotlerLevel | null;
  targetLevel?: KotlerLevel | null;
  targetLevelBy?: string | null;
  reason: string;
}

/** One entry of `GET …/history` (newest first). */
export interface RelationshipHistoryItem extends RelationshipFields {
  at: string;
  actor: { id: string | null; name: string | null };
  reason: string;
}
