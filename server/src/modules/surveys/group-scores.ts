import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import { groupScoresRepository, type GroupScoreRow } from './group-scores.repository.ts';
import { nps, round, suppressedKeys } from './metrics.ts';

export interface EmployeeGroupScore {
  orgUnitId: string;
  /** Responses of the unit in that survey (at or above the survey's anonymity minimum). */
  n: number;
  /** eNPS (−100…100), or the engagement outcome's mean on its own scale. */
  score: number;
  surveyId: string;
  closedAt: Date;
  /** The outcome question's scale: −100…100 for eNPS, else the scale question's own ends. */
  scaleMin: number;
  scaleMax: number;
}

/**
 * Scores of one survey's shown groups, under the same suppression as its results (docs/metrics.md "Anonymity"):
 * groups below the minimum are hidden, and then the next-smallest while the hidden remainder is small; a shown group
 * whose outcome question was answered fewer than the minimum times has no score.
 */
function shownScores(rows: GroupScoreRow[], metric: 'enps' | 'engagement'): EmployeeGroupScore[] {
  const min = rows[0]?.min_group_size ?? Infinity;
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const hidden = suppressedKeys(
    rows.map((r) => ({ key: r.gkey, n: r.n })),
    min,
    total >= min ? total : null,
  );
  return rows.flatMap((r) => {
    if (r.gkey === 'none' || hidden.has(r.gkey) || r.answered < min) {
      return [];
    }
    const score =
      metric === 'enps'
        ? (nps({ promoters: r.promoters, passives: r.answered - r.promoters - r.detractors, detractors: r.detractors })
            ?.score ?? null)
        : r.mean === null
          ? null
          : round(r.mean, 2);
    return score === null
      ? []
      : [
          {
            orgUnitId: r.gkey,
            n: r.n,
            score,
            surveyId: r.survey_id,
            closedAt: r.closed_at,
            scaleMin: metric === 'enps' ? -100 : r.scale_min,
            scaleMax: metric === 'enps' ? 100 : r.scale_max,
          },
        ];
  });
}

/**
 * The eNPS or engagement of each org unit from closed employee surveys closed within [from, to): per unit, the latest
 * such survey in which the unit's group is shown. Only groups at or above the survey's anonymity minimum; never an
 * individual answer. A read model for the people and insight modules.
 */
export async function employeeGroupScores(
  db: Kysely<Database>,
  orgId: string,
  opts: { metric: 'enps' | 'engagement'; from: Date; to: Date },
): Promise<EmployeeGroupScore[]> {
  const rows = await groupScoresRepository.rows(db, orgId, opts.metric, opts.from, opts.to);
  const bySurvey = new Map<string, GroupScoreRow[]>();
  for (const r of rows) {
    bySurvey.set(r.survey_id, [...(bySurvey.get(r.survey_id) ?? []), r]);
  }
  const latest = new Map<string, EmployeeGroupScore>();
  // Surveys come latest first, so the first shown score of a unit is its latest.
  for (const group of bySurvey.values()) {
    for (const s of shownScores(group, opts.metric)) {
      if (!latest.has(s.orgUnitId)) {
        latest.set(s.orgUnitId, s);
      }
    }
  }
  return [...latest.values()].sort((a, b) => a.orgUnitId.localeCompare(b.orgUnitId));
}
