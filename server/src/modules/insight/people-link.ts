import type { Db } from '../../platform/db/database.ts';
import { attritionScores } from '../people/index.ts';

// Attrition risk per employee party comes from the people module (docs/metrics.md "People", attrition risk: a score
// 0–100 and its band); key-person risk reads it for the owners' linked employee parties.
export interface Attrition {
  score: number;
  band: string;
}

export function attritionOf(db: Db, orgId: string, partyIds: string[]): Promise<Map<string, Attrition>> {
  return attritionScores(db, orgId, partyIds);
}
