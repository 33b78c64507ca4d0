// The projects module's only door (docs/projects.md): relationship projects and the quality review loop.
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { projectsRepository } from './projects/projects.repository.ts';
import { projectsRoutes } from './projects/projects.routes.ts';
import { qualityReviewRoutes } from './quality-review/quality-review.routes.ts';

/** Every route of the projects module; the tables that name a party follow party merges. */
export function projectsModule(app: TandemApp, deps: Deps) {
  projectsRoutes(app, deps);
  qualityReviewRoutes(app, deps);
  for (const table of ['project_party', 'quality_review_customer', 'quality_review_interview']) {
    deps.partyReferences.register(table);
  }
}

/**
 * New-product speed for the CRM capability index (docs/capability-index.md `new_product_speed`): the median days
 * from idea to launch of product projects launched in [from, to), and how many there were.
 */
export const newProductSpeed = (
  db: Db,
  orgId: string,
  from: Date,
  to: Date,
): Promise<{ n: number; median: number | null }> => projectsRepository.productSpeed(db, orgId, from, to);

/** Per product named by a product project, its latest launch day (the capability index's new-product share). */
export { productLaunchesSql } from './projects/product-launches.repository.ts';

// Services the demo and other code may use (the same paths as the API).
export { projectsService } from './projects/projects.service.ts';
export { reviewsService } from './quality-review/reviews.service.ts';
export { interviewsService } from './quality-review/interviews.service.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { projectsAccessMatrix } from './projects.access-matrix.ts';
