import type { SurveyDrivers, SurveyQuestion, SurveyQuestionMetric, SurveyResultGroup } from '../../../../api/types.ts';

// Pure logic of the results dashboard: headline numbers, suppression, gaps, driver points.

/** The one number that sums a group up: NPS, else CSAT, else CES mean, else the first scale mean. */
export type Headline = { kind: 'nps' | 'csat' | 'ces' | 'mean'; questionId: string; value: number } | null;

export function headlineOf(metrics: SurveyQuestionMetric[] | undefined): Headline {
  const list = (metrics ?? []).filter((m) => !m.suppressed);
  const nps = list.find((m) => m.nps);
  if (nps?.nps) {
    return { kind: 'nps', questionId: nps.questionId, value: nps.nps.score };
  }
  const csat = list.find((m) => m.csat !== undefined);
  if (csat?.csat !== undefined) {
    return { kind: 'csat', questionId: csat.questionId, value: csat.csat };
  }
  const ces = list.find((m) => m.ces);
  if (ces?.ces) {
    return { kind: 'ces', questionId: ces.questionId, value: ces.ces.mean };
  }
  const mean = list.find((m) => m.type === 'scale' && typeof m.mean === 'number');
  return mean && typeof mean.mean === 'number' ? { kind: 'mean', questionId: mean.questionId, value: mean.mean } : null;
}

/** A row of the group comparison: numbers only for groups the server did not suppress. */
export type GroupRow =
  | { key: string; name: string; suppressed: true }
  | {
      key: string;
      name: string;
      suppressed: false;
      n: number;
      invited: number | null;
      responseRate: number | null;
      headline: Headline;
    };

export function groupRows(groups: SurveyResultGroup[], nameOf: (g: SurveyResultGroup) => string): GroupRow[] {
  return groups.map((g) =>
    g.suppressed
      ? { key: g.key, name: nameOf(g), suppressed: true }
      : {
          key: g.key,
          name: nameOf(g),
          suppressed: false,
          n: g.n ?? 0,
          invited: g.invited ?? null,
          responseRate: g.responseRate ?? null,
          headline: headlineOf(g.questions),
        },
  );
}

/** The metric of one question (or matrix row) in a group. */
export function metricOf(
  group: SurveyResultGroup | undefined,
  questionId: string,
  item?: string,
): SurveyQuestionMetric | undefined {
  return group?.questions?.find((m) => m.questionId === questionId && (item === undefined || m.item === item));
}

/** Counts per point of a scale, zero where nobody answered (the server lists only answered points). */
export function distributionSeries(distribution: Record<string, number> | undefined, points: number[]): number[] {
  return points.map((p) => distribution?.[String(p)] ?? 0);
}

/** Gap rows (perceived − expected) sorted worst first, with the question text of the dimension. */
export function gapRows(
  gaps: SurveyResultGroup['gaps'],
): { dimension: string; expected: number; perceived: number; gap: number }[] {
  return [...(gaps ?? [])].sort((a, b) => a.gap - b.gap || a.dimension.localeCompare(b.dimension));
}

/** Numeric questions that can be a driver outcome (scale or NPS), outcome-like ones first. */
export function outcomeCandidates(questions: SurveyQuestion[]): SurveyQuestion[] {
  const numeric = questions.filter((q) => q.type === 'scale' || q.type === 'nps');
  const untagged = numeric.filter((q) => !q.driver && !q.pairing);
  return [...untagged, ...numeric.filter((q) => !untagged.includes(q))];
}

/** Points of the driver quadrant: importance (relative weight share of R², %) × performance (mean on 0–100). */
export function driverPoints(
  drivers: SurveyDrivers | undefined,
  questions: SurveyQuestion[],
): { questionId: string; importance: number; performance: number; quadrant: string | null }[] {
  if (!drivers || drivers.suppressed) {
    return [];
  }
  const total = drivers.items.reduce((a, i) => a + (i.relativeWeight ?? 0), 0);
  return drivers.items.flatMap((i) => {
    const q = questions.find((x) => x.id === i.questionId);
    if (i.relativeWeight === null || i.mean === null || !q) {
      return [];
    }
    const [lo, hi] = q.type === 'scale' ? [q.min, q.max] : [0, 10];
    return [
      {
        questionId: i.questionId,
        importance: total > 0 ? Math.round((1000 * i.relativeWeight) / total) / 10 : 0,
        performance: Math.round((1000 * (i.mean - lo)) / (hi - lo)) / 10,
        quadrant: i.quadrant,
      },
    ];
  });
}
