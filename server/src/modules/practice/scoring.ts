// The team score of scenario practice (docs/metrics.md "Scenario practice"): per criterion, the mean of the peer
// average and the trainer average; with one side only, that side (and the basis says so). Pure, so it is tested
// against hand-computed values.

export type Basis = 'both' | 'peer_only' | 'trainer_only' | 'none';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Combines a criterion's two averages (either may be missing). */
export function teamScore(
  peerAverage: number | null,
  trainerAverage: number | null,
): { score: number | null; basis: Basis } {
  if (peerAverage !== null && trainerAverage !== null) {
    return { score: round2((peerAverage + trainerAverage) / 2), basis: 'both' };
  }
  if (peerAverage !== null) {
    return { score: round2(peerAverage), basis: 'peer_only' };
  }
  if (trainerAverage !== null) {
    return { score: round2(trainerAverage), basis: 'trainer_only' };
  }
  return { score: null, basis: 'none' };
}

/** The team's total: the mean of the criterion scores present; null when none is. */
export function teamTotal(scores: readonly (number | null)[]): number | null {
  const present = scores.filter((s): s is number => s !== null);
  return present.length ? round2(present.reduce((a, b) => a + b, 0) / present.length) : null;
}

/** The basis of a whole team: the weakest basis among its criteria. */
export function overallBasis(bases: readonly Basis[]): Basis {
  if (bases.length === 0 || bases.every((b) => b === 'none')) {
    return 'none';
  }
  if (bases.every((b) => b === 'both')) {
    return 'both';
  }
  return bases.some((b) => b === 'peer_only') ? 'peer_only' : 'trainer_only';
}
