import type { Deps } from '../../platform/deps.ts';
import { caseReads, caseWrites } from './lifecycle.service.ts';
import { resolutionService } from './resolution.service.ts';

/**
 * The case operations the routes, the export and the demo use: the queue, one case and its history (reads),
 * opening and changing a case, replies and resolution. SLA policies, alerts, metrics, feedback and grievances
 * have services of their own in their folders.
 */
export function casesService(deps: Deps) {
  return { ...caseReads(deps), ...caseWrites(deps), ...resolutionService(deps) };
}
export type CasesService = ReturnType<typeof casesService>;
