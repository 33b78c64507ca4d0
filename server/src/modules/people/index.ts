// The people module's only door: what the app, other modules, the CLI and the demo may use.
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { analyticsRoutes } from './analytics/analytics.routes.ts';
import { CONTRACT_EXPIRY_JOB, raiseContractExpiryTasks } from './analytics/expiry.service.ts';
import { appraisalsRoutes } from './appraisals/appraisals.routes.ts';
import { conversationsRoutes } from './conversations/conversations.routes.ts';
import { exitsRoutes } from './exits/exits.routes.ts';
import { fileRoutes } from './file/file.routes.ts';
import { incentivesRoutes } from './incentives/incentives.routes.ts';
import { programsRoutes } from './programs/programs.routes.ts';
import { peopleSettingsRoutes } from './settings/settings.routes.ts';

/** The employee relationship system (docs/domain.md "People"): routes, jobs, merge references. */
export function peopleModule(app: TandemApp, deps: Deps) {
  fileRoutes(app, deps);
  incentivesRoutes(app, deps);
  appraisalsRoutes(app, deps);
  exitsRoutes(app, deps);
  conversationsRoutes(app, deps);
  analyticsRoutes(app, deps);
  peopleSettingsRoutes(app, deps);
  programsRoutes(app, deps);
  // Daily: a task for HR about each contract ending soon without the intent to renew (once per contract and end date).
  deps.jobs.define({
    name: CONTRACT_EXPIRY_JOB,
    cron: '0 6 * * *',
    handler: async () => {
      await raiseContractExpiryTasks(deps.db);
    },
  });
  // What people records about an employee follows their party when parties merge.
  for (const table of [
    'employee_contract',
    'employee_pay_change',
    'employee_event',
    'employee_promotion',
    'employee_training',
    'employee_incentive',
    'improvement_plan',
    'one_on_one',
    'employee_separation',
    'exit_interview',
  ]) {
    deps.partyReferences.register(table);
  }
}

// Services (the demo records through them).
export { fileService } from './file/file.service.ts';
export { appraisalsService } from './appraisals/appraisals.service.ts';
export { conversationsService } from './conversations/conversations.service.ts';
export { cyclesService } from './appraisals/cycles.service.ts';
export { exitsService } from './exits/exits.service.ts';
export { incentivesService } from './incentives/incentives.service.ts';
export { peopleSettingsService } from './settings/settings.service.ts';
export { pdcaService } from './programs/pdca.service.ts';
export { visionService } from './programs/vision.service.ts';

// The contract-expiry job's work (tests and tools call it; the job runs it daily).
export { raiseContractExpiryTasks, CONTRACT_EXPIRY_JOB };

// Attrition risk of given employees, for the insight module's key-person risk (docs/metrics.md).
export { attritionScores } from './analytics/attrition.service.ts';
// Turnover for the HR home card (docs/metrics.md "People", turnover).
export { turnoverService } from './analytics/turnover.service.ts';

// For the demo data: dates a cycle run today as if it had run in the past.
export { backdateCycle } from './appraisals/history.repository.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { peopleAccessMatrix } from './people.access-matrix.ts';

// Completed training recorded by another module (scenario practice) on the participants' files.
export { recordTrainingCompletions } from './file/training.ts';
// Which users have a training record (quality reviews assign interviews to trained staff only).
export { trainedUsers } from './file/trained.repository.ts';
