import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { mayReadEmployeeSide } from './surveys.service.ts';
import { gapEvaluationRepository, type GapCell } from './gap-evaluation.repository.ts';
import { valueDimensionLabel } from './templates.ts';

/**
 * Expected against perceived value per dimension for a stakeholder group, from the gap surveys aimed at it
 * (docs/metrics.md "HR group evaluation"). Employee-side surveys count only for readers of employee surveys.
 */
export async function groupGapCells(
  db: Db,
  actor: Actor,
  groupKey: string,
  window: { from: string; to: string },
): Promise<GapCell[]> {
  return gapEvaluationRepository.cells(db, actor.orgId, groupKey, mayReadEmployeeSide(actor), window.from, window.to);
}

/** How many gap surveys are aimed at the group (the "needs" step of the HR process). */
export function groupGapSurveyCount(db: Db, actor: Actor, groupKey: string): Promise<number> {
  return gapEvaluationRepository.surveyCount(db, actor.orgId, groupKey, mayReadEmployeeSide(actor));
}

export { valueDimensionLabel, type GapCell };
