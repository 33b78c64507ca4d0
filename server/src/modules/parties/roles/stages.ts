import {
  customerStages,
  employeeStages,
  kotlerLevels,
  type KotlerLevel,
  type PartyRoleName,
  type Quadrant,
} from '../constants.ts';

/**
 * Lifecycle rules of docs/domain.md "Lifecycle stages", as pure functions.
 * Employees and candidates share the employee stage set (a candidate not hired ends as alumni);
 * every other role follows the customer relationship lifecycle.
 */
export type StageSet = 'customer' | 'employee';

export function stageSetOf(role: PartyRoleName): StageSet {
  return role === 'employee' || role === 'candidate' ? 'employee' : 'customer';
}

export function stagesOf(role: PartyRoleName): readonly string[] {
  return stageSetOf(role) === 'employee' ? employeeStages : customerStages;
}

/** Where a role starts when the caller names no stage. */
export function initialStage(role: PartyRoleName): string {
  return role === 'employee' ? 'onboarding' : stageSetOf(role) === 'employee' ? 'candidate' : 'prospect';
}

const customerMoves: Record<(typeof customerStages)[number], readonly string[]> = {
  prospect: ['new'],
  new: ['developing', 'at_risk', 'churned'],
  developing: ['loyal', 'at_risk', 'churned'],
  loyal: ['developing', 'at_risk', 'churned'],
  at_risk: ['developing', 'loyal', 'churned'],
  churned: ['won_back'],
  won_back: ['developing', 'loyal', 'at_risk', 'churned'],
};

// The listed order, any stage → departing → alumni, and candidate → alumni for candidates not hired.
const employeeMoves: Record<(typeof employeeStages)[number], readonly string[]> = {
  candidate: ['onboarding', 'departing', 'alumni'],
  onboarding: ['stable', 'departing'],
  stable: ['departing'],
  departing: ['alumni'],
  alumni: [],
};

/** The stages a role may move to from `from` (empty for an unknown or final stage). */
export function legalNextStages(role: PartyRoleName, from: string): readonly string[] {
  if (stageSetOf(role) === 'employee') {
    return (employeeMoves as Record<string, readonly string[]>)[from] ?? [];
  }
  return (customerMoves as Record<string, readonly string[]>)[from] ?? [];
}

export function isLegalMove(role: PartyRoleName, from: string, to: string): boolean {
  return from === to || legalNextStages(role, from).includes(to);
}

/** A score of 3 or more (the upper half of the 1–5 scale, midpoint included) counts as high. */
export const HIGH_SCORE = 3;

/**
 * The HR quadrant from our initiative and the counterpart's participation (docs/sources.md [S0]):
 * low/low basic, high/low proactive, low/high reactive, high/high partnership. Null until both are scored.
 */
export function quadrantOf(initiative: number | null, participation: number | null): Quadrant | null {
  if (initiative === null || participation === null) {
    return null;
  }
  const ours = initiative >= HIGH_SCORE;
  const theirs = participation >= HIGH_SCORE;
  if (ours && theirs) {
    return 'partnership';
  }
  if (ours) {
    return 'proactive';
  }
  return theirs ? 'reactive' : 'basic';
}

/** Steps on Kotler's scale from the current to the target level (positive: still to climb). */
export function levelGap(level: KotlerLevel | null, target: KotlerLevel | null): number | null {
  if (level === null || target === null) {
    return null;
  }
  return kotlerLevels.indexOf(target) - kotlerLevels.indexOf(level);
}
