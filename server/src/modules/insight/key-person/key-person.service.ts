import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { Db } from '../../../platform/db/database.ts';
import { validation } from '../../../platform/errors.ts';
import { assignBackupOwners } from '../../parties/index.ts';
import { gini, latestRfmSegmentSql, topShare } from '../../value/index.ts';
import { ownerInScope, seesAllOwners } from '../insight.access.ts';
import { attritionOf } from '../people-link.ts';
import { trailingWindow } from '../insight.common.ts';
import { departureLoss, mainCurrency, ownerRows, usersInScope, type OwnerRow } from './key-person.repository.ts';
import type {
  BackupsBody,
  KeyPerson,
  KeyPersonOwner,
  KeyPersonQuery,
  Simulate,
  SimulateBody,
} from './key-person.schema.ts';

const NOT_ENOUGH_DATA = 'not_enough_data' as const;
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

function ownerOf(r: OwnerRow, orgRevenue: number, attrition: KeyPersonOwner['attritionRisk']): KeyPersonOwner {
  const revenueShare = ratio(r.revenue, orgRevenue);
  const backupCoverage = ratio(r.covered_revenue, r.revenue);
  const exposure = revenueShare * (1 - backupCoverage);
  return {
    userId: r.user_id,
    name: r.name,
    active: r.active,
    partyId: r.party_id,
    orgUnitId: r.org_unit_id,
    customers: r.customers,
    customersWithBackup: r.customers_covered,
    revenue: r.revenue,
    revenueShare,
    backupCoverage,
    exposure,
    attritionRisk: attrition,
    keyPersonRisk: attrition ? (exposure * attrition.score) / 100 : null,
  };
}

/** Key-person risk (docs/metrics.md "Key-person risk"): exposure per owner, the what-if and bulk backups. */
export function keyPersonService(deps: Deps) {
  const { db } = deps;

  async function window(db: Db, orgId: string, q: { asOf?: string | undefined; currency?: string | undefined }) {
    const w = trailingWindow(q.asOf);
    const currency = q.currency ?? (await mainCurrency(db, orgId, w.from, w.to));
    return { ...w, currency };
  }

  return {
    async risk(ctx: RequestContext, q: KeyPersonQuery): Promise<KeyPerson> {
      const { orgId } = ctx.actor;
      // A read-only analytics read: the replica when there is one (docs/scale.md "A read replica").
      const db = await deps.reads.db(ctx.actor);
      const w = await window(db, orgId, q);
      const head = { asOf: w.asOf, from: w.from.toISOString(), to: w.to.toISOString(), currency: w.currency };
      const all = seesAllOwners(ctx.actor);
      const res = w.currency
        ? await ownerRows(db, { orgId, ...w, currency: w.currency }, ownerInScope(ctx.actor, 'u.id'))
        : { owners: [], orgRevenue: 0, unowned: 0 };
      const attrition = await attritionOf(
        db,
        orgId,
        res.owners.flatMap((o) => (o.party_id ? [o.party_id] : [])),
      );
      const owners = res.owners.map((o) => ownerOf(o, res.orgRevenue, attrition.get(o.party_id ?? '') ?? null));
      const amounts = res.owners.map((o) => o.revenue).filter((x) => x > 0);
      return {
        ...head,
        orgRevenue: res.orgRevenue,
        owners,
        concentration: all ? { n: amounts.length, top20Share: topShare(amounts, 0.2), gini: gini(amounts) } : null,
        unownedRevenue: all ? res.unowned : null,
        note: res.orgRevenue > 0 ? null : NOT_ENOUGH_DATA,
      };
    },

    async simulate(ctx: RequestContext, body: SimulateBody): Promise<Simulate> {
      const { orgId } = ctx.actor;
      const userIds = [...new Set(body.userIds)];
      const known = await usersInScope(db, orgId, userIds, ownerInScope(ctx.actor, 'u.id'));
      body.userIds.forEach((id, i) => {
        if (!known.has(id)) {
          throw validation('No such owner', [
            { path: ['body', 'userIds', i], message: 'No such owner', code: 'unknown_reference' },
          ]);
        }
      });
      const w = await window(db, orgId, body);
      const empty = { customers: 0, revenue: 0 };
      const { bySegment, covered, list } = w.currency
        ? await departureLoss(db, { orgId, ...w, currency: w.currency }, userIds, (ref) =>
            latestRfmSegmentSql(orgId, ref),
          )
        : { bySegment: [], covered: empty, list: [] };
      const orgRevenue = w.currency
        ? (await ownerRows(db, { orgId, ...w, currency: w.currency }, ownerInScope(ctx.actor, 'u.id'))).orgRevenue
        : 0;
      const customers = bySegment.reduce((s, r) => s + r.customers, 0);
      const revenue = bySegment.reduce((s, r) => s + r.revenue, 0);
      return {
        userIds,
        asOf: w.asOf,
        currency: w.currency,
        orgRevenue,
        uncovered: { customers, revenue, revenueShare: ratio(revenue, orgRevenue) },
        coveredByBackup: covered,
        bySegment,
        customers: list.map((c) => ({
          partyId: c.party_id,
          name: c.name,
          ownerId: c.owner_id,
          revenue: c.revenue,
          segment: c.segment,
        })),
        note: orgRevenue > 0 ? null : NOT_ENOUGH_DATA,
      };
    },

    /** Through the parties module: each party one the actor may change, audited, all or nothing. */
    backups(ctx: RequestContext, body: BackupsBody) {
      return assignBackupOwners(db, ctx, body.assignments);
    },
  };
}
export type KeyPersonService = ReturnType<typeof keyPersonService>;
