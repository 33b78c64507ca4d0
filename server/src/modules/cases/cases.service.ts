import { systemWho } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { caseCore, publicLimits } from './case-core.ts';
import { lifecycleService } from './lifecycle.service.ts';
import { feedbackService } from './feedback/feedback.service.ts';
import { grievancesService } from './grievances/grievances.service.ts';
import { defaultPolicy, policiesService } from './sla/policies.service.ts';
import { resolutionService } from './resolution.service.ts';
import { casesRepository } from './cases.repository.ts';

/**
 * The service module's operations in one object for the routes: SLA policies (policies.service), the case
 * lifecycle (cases.service), replies and resolution (resolution.service), post-resolution feedback
 * (feedback.service) and grievances (grievances.service), over the shared helpers of case-core.
 */
export function casesService(deps: Deps) {
  const { db } = deps;
  const core = caseCore(deps);
  // The feedback link and the grievance follow-up code share one budget per address.
  const limits = publicLimits();
  const { refreshSla } = core;
  return {
    refreshSla,
    defaultPolicy,
    ...policiesService(deps),
    ...lifecycleService(core),
    ...resolutionService(deps, core),
    ...feedbackService(deps, limits),
    ...grievancesService(deps, core, limits),

    /** The job: refreshes running cases of every organisation (a bounded batch per run). */
    async refreshAll(now = new Date(), limit = 2000): Promise<number> {
      const rows = await casesRepository.running(db, limit);
      for (const r of rows) {
        await db.transaction().execute((trx) => refreshSla(trx, r.org_id, r.id, now));
      }
      return rows.length;
    },

    systemWho,
  };
}
