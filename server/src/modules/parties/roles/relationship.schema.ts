import { z } from 'zod';
import { isoDate, timestamp } from '../../../platform/http/common.schema.ts';
import { kotlerLevelSchema, quadrantSchema } from '../parties.schema.ts';

const score = z.number().int().min(1).max(5);

/**
 * One change of a relationship's two scales (docs/domain.md "Relationship level: two scales, never merged"):
 * the HR quadrant (our initiative × their participation, with its own target) and Kotler's level (with its own
 * target). Omitted fields keep their value; null clears. The reason is required and kept in the history.
 */
export const relationshipInputSchema = z
  .object({
    initiativeScore: score
      .nullable()
      .optional()
      .describe('HR quadrant: our initiative in the relationship (主动性), 1–5; 3 or more is high'),
    participationScore: score
      .nullable()
      .optional()
      .describe('HR quadrant: the counterpart’s participation in decisions (参与程度), 1–5; 3 or more is high'),
    targetQuadrant: quadrantSchema
      .nullable()
      .optional()
      .describe('HR quadrant to reach (basic, proactive = we lead, reactive = they lead, partnership)'),
    targetQuadrantBy: isoDate.nullable().optional().describe('Date by which the target quadrant should be reached'),
    level: kotlerLevelSchema
      .nullable()
      .optional()
      .describe('Kotler level: how much we do for the customer after the sale (reactive = we wait for their call)'),
    targetLevel: kotlerLevelSchema.nullable().optional().describe('Kotler level to reach'),
    targetLevelBy: isoDate.nullable().optional().describe('Date by which the target Kotler level should be reached'),
    reason: z.string().trim().min(1).max(500).describe('Why: kept in the history with every change'),
  })
  .strict();
export type RelationshipInput = z.infer<typeof relationshipInputSchema>;

/** The two scales as they stand (a role's, or an HR group's own assessment). */
export const relationshipStateSchema = z.object({
  initiativeScore: z.number().int().nullable(),
  participationScore: z.number().int().nullable(),
  quadrant: quadrantSchema.nullable().describe('HR quadrant, derived from the two scores; never accepted as input'),
  targetQuadrant: quadrantSchema.nullable(),
  targetQuadrantBy: z.string().nullable(),
  level: kotlerLevelSchema.nullable().describe('Kotler level (a separate scale from the HR quadrant)'),
  targetLevel: kotlerLevelSchema.nullable(),
  targetLevelBy: z.string().nullable(),
});
export type RelationshipState = z.infer<typeof relationshipStateSchema>;

export const actorRefSchema = z.object({ id: z.uuid().nullable(), name: z.string().nullable() });

export const relationshipHistoryItemSchema = relationshipStateSchema
  .extend({ at: timestamp, actor: actorRefSchema, reason: z.string() })
  .meta({ id: 'RelationshipHistoryItem' });
export type RelationshipHistoryItem = z.infer<typeof relationshipHistoryItemSchema>;
export const relationshipHistorySchema = z.object({ items: z.array(relationshipHistoryItemSchema) });
