import { sql } from 'kysely';

/**
 * Product launches as a published read model (docs/capability-index.md "new-product share"): per product named by a
 * non-cancelled product project, the latest launch day of those projects (null while none has launched). A product
 * with a project here never falls back to its creation date.
 */
export function productLaunchesSql(orgId: string) {
  return sql<{ product_id: string; launched_on: string | null }>`(
    select product_id, max(launch_on) as launched_on from project
    where org_id = ${orgId} and kind = 'product' and product_id is not null and status <> 'cancelled'
    group by product_id)`;
}
