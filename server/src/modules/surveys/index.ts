import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { publicSurveyRoutes } from './public.routes.ts';
import { surveysRoutes } from './surveys.routes.ts';
import { surveysService } from './surveys.service.ts';
import { surveyResponsesTimeline } from './timeline.repository.ts';

/** Every route of the surveys module (issue 7). */
export function surveysModule(app: TandemApp, deps: Deps) {
  surveysRoutes(app, deps);
  publicSurveyRoutes(app, deps, surveysService(deps));
  deps.timeline.register(surveyResponsesTimeline);
}
