import type { Db } from '../../platform/db/database.ts';

// Attrition risk per employee party comes from the people module (docs/metrics.md "People", attrition risk). Until
// that module scores it, no owner has one and key-person risk leaves it null.
export interface Attrition {
  score: number;
  band: string;
}

export function attritionOf(_db: Db, _orgId: string, _partyIds: string[]): Promise<Map<string, Attrition>> {
  return Promise.resolve(new Map<string, Attrition>());
}
