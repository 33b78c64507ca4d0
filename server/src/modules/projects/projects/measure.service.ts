import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { validation } from '../../../platform/errors.ts';
import { customerVisibility, partyRoleNames } from '../../parties/index.ts';
import { customerAnswersSql } from '../../surveys/index.ts';
import { isActiveSegment, segmentAudience, visibleCustomer } from '../../value/index.ts';
import type { TargetDirection, TargetMetric } from '../constants.ts';
import { measureRepository as repo } from './measure.repository.ts';
import type { TargetInput } from './projects.schema.ts';

/** A target as stored in `project.targets` (jsonb). */
export interface StoredTarget {
  metric: TargetMetric;
  scope: string | null;
  target: number;
  direction: TargetDirection;
  unit: string | null;
  customBefore: number | null;
  before: { value: number | null; at: string } | null;
}

const DAY_MS = 86_400_000;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One target's value at `at`, over the customers the actor may see (docs/metrics.md "Project targets"); null when
 * there is nothing to measure (an archived segment, no answers, a custom value not typed in).
 */
export async function measureTarget(db: Db, actor: Actor, t: StoredTarget, at: Date): Promise<number | null> {
  const orgId = actor.orgId;
  const visible = visibleCustomer(actor, await customerVisibility(db, orgId));
  const members = async () => (t.scope ? segmentAudience(db, orgId, t.scope) : Promise.resolve(null));
  switch (t.metric) {
    case 'party_count':
      return repo.partyCount(db, orgId, t.scope ?? '', visible);
    case 'segment_size': {
      const ids = await members();
      return ids === null ? null : repo.visibleCount(db, orgId, ids, visible);
    }
    case 'segment_retention': {
      const ids = await members();
      return ids === null ? null : repo.retention(db, orgId, ids, at, visible);
    }
    case 'nps': {
      const ids = t.scope ? await members() : null;
      if (t.scope && ids === null) {
        return null;
      }
      const answers = customerAnswersSql(orgId, 'nps', new Date(at.getTime() - 365 * DAY_MS), at);
      return repo.nps(db, orgId, answers, ids, visible);
    }
    case 'product_revenue':
      return repo.revenue(db, orgId, 'product', t.scope ?? '', at, visible);
    case 'category_revenue':
      return repo.revenue(db, orgId, 'category', t.scope ?? '', at, visible);
    case 'custom':
      return null;
  }
}

/** Checks each target's scope against what its metric measures (400 on the field otherwise). */
export async function checkTargets(deps: Deps, orgId: string, targets: TargetInput[]): Promise<StoredTarget[]> {
  const out: StoredTarget[] = [];
  for (const [i, t] of targets.entries()) {
    const scope = t.scope?.trim() ? t.scope.trim() : null;
    const bad = (message: string, field = 'scope') =>
      validation(message, [{ path: ['body', 'targets', i, field], message, code: 'invalid_target' }]);
    if (t.before !== undefined && t.before !== null && t.metric !== 'custom') {
      throw bad('Only custom targets take a typed-in before value; the others are measured', 'before');
    }
    if (t.metric === 'party_count' && !(partyRoleNames as readonly string[]).includes(scope ?? '')) {
      throw bad('party_count needs a party role as its scope');
    }
    const needsSegment =
      t.metric === 'segment_size' || t.metric === 'segment_retention' || (t.metric === 'nps' && scope);
    if (needsSegment && !(scope && uuid.test(scope) && (await isActiveSegment(deps.db, orgId, scope)))) {
      throw bad('The scope must be an active segment of the organisation');
    }
    if (
      t.metric === 'product_revenue' &&
      !(scope && uuid.test(scope) && (await repo.productExists(deps.db, orgId, scope)))
    ) {
      throw bad('The scope must be a product of the organisation');
    }
    if (t.metric === 'category_revenue' && !scope) {
      throw bad('category_revenue needs a product category as its scope');
    }
    out.push({
      metric: t.metric,
      scope,
      target: t.target,
      direction: t.direction,
      unit: t.unit ?? null,
      customBefore: t.metric === 'custom' ? (t.before ?? null) : null,
      before: null,
    });
  }
  return out;
}

/** Met: after ≥ target (up) or after ≤ target (down); null when the after value is missing. */
export function targetMet(t: Pick<StoredTarget, 'target' | 'direction'>, after: number | null): boolean | null {
  if (after === null) {
    return null;
  }
  return t.direction === 'up' ? after >= t.target : after <= t.target;
}
