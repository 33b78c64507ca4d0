import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { ballotsService, RELEASE_JOB } from './ballots.service.ts';
import { publicSurveyRoutes } from './public.routes.ts';
import { responsesService } from './responses.service.ts';
import { surveysRoutes } from './surveys.routes.ts';
import { surveyResponsesTimeline } from './timeline.repository.ts';

/** Every route of the surveys module, its timeline source and the job that releases anonymous answers. */
export function surveysModule(app: TandemApp, deps: Deps) {
  surveysRoutes(app, deps);
  publicSurveyRoutes(app, deps, responsesService(deps));
  deps.timeline.register(surveyResponsesTimeline);
  const ballots = ballotsService(deps);
  deps.jobs.define({
    name: RELEASE_JOB,
    cron: '* * * * *',
    handler: async () => {
      await ballots.releaseDue();
    },
  });
}

/** Releases held anonymous answers that are due (what the job does each minute; tests and tools call it). */
export const releaseHeldAnswers = (deps: Deps, now?: Date) => ballotsService(deps).releaseDue(now);
export { RELEASE_JOB };

/** Per org unit eNPS or engagement from closed employee surveys, only for groups at the anonymity minimum. */
export { employeeGroupScores, type EmployeeGroupScore } from './group-scores.ts';
/** How many org units answered but were never shown (the chain counts them). */
export { suppressedEmployeeGroups } from './group-suppression.ts';
/** Named customer answers to NPS or CSAT outcome questions, as SQL (the chain attributes them to owners). */
export { customerAnswersSql } from './customer-scores.repository.ts';
/** Expected against perceived value per dimension for a stakeholder group, from the gap surveys aimed at it. */
export { groupGapCells, groupGapSurveyCount, valueDimensionLabel, type GapCell } from './gap-evaluation.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { surveysAccessMatrix } from './surveys.access-matrix.ts';

// For the demo seeder: a survey is made, sent and answered through the same services as the API.
export { surveysService } from './surveys.service.ts';
export { invitationsService } from './invitations.service.ts';
export { responsesService };
// The caller's open invitations, for the employee home card.
export { myInvitationsService } from './invitations.service.ts';
