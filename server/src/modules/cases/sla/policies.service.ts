import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import { organizationsRepository } from '../../../platform/identity/organizations.repository.ts';
import { toPolicy } from '../cases.mapper.ts';
import type { SlaPolicyRow } from '../cases.tables.ts';
import { unreachableTargets } from './business-time.ts';
import { policiesRepository } from './policies.repository.ts';
import type { CreateSlaPolicy, SlaPolicy, UpdateSlaPolicy } from './sla.schema.ts';

/** The policy seeded for an organisation without one: Mon–Fri 09:00–18:00 China time. */
export const DEFAULT_POLICY: CreateSlaPolicy = {
  name: 'Standard (Mon–Fri 09:00–18:00)',
  timeZone: 'Asia/Shanghai',
  hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
  holidays: [],
  workdays: [],
  targets: {
    low: { firstResponseMinutes: 1080, resolveMinutes: 5400 },
    normal: { firstResponseMinutes: 480, resolveMinutes: 2700 },
    high: { firstResponseMinutes: 120, resolveMinutes: 1080 },
    urgent: { firstResponseMinutes: 30, resolveMinutes: 480 },
  },
  isDefault: true,
};

function policyValues(p: CreateSlaPolicy) {
  return {
    name: p.name,
    time_zone: p.timeZone,
    hours: JSON.stringify(p.hours),
    holidays: [...new Set(p.holidays)].sort(),
    workdays: [...new Set(p.workdays)].sort(),
    targets: JSON.stringify(p.targets),
  };
}

/**
 * The id the org default policy is stored under when a write first needs it, derived from the org (a v5-shaped
 * UUID), so reads can show that default, and callers can name it, before it exists.
 */
export function defaultPolicyId(orgId: string): string {
  const h = createHash('sha256').update(`sla-default-policy:${orgId}`).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The default policy as it will be stored, for reads of an org that has not stored one yet. */
async function unstoredDefault(db: Db, orgId: string): Promise<SlaPolicyRow> {
  const since = (await organizationsRepository.findById(db, orgId))?.created_at ?? new Date(0);
  const p = DEFAULT_POLICY;
  return {
    org_id: orgId,
    id: defaultPolicyId(orgId),
    name: p.name,
    time_zone: p.timeZone,
    hours: p.hours,
    holidays: p.holidays,
    workdays: p.workdays,
    targets: p.targets,
    is_default: true,
    created_at: since,
    updated_at: since,
    version: 1,
  };
}

/** The org default policy, stored by the first write that needs it. */
export async function defaultPolicy(trx: Db, orgId: string): Promise<SlaPolicyRow> {
  const found = await policiesRepository.findDefault(trx, orgId);
  if (found) {
    return found;
  }
  await policiesRepository.lockOrg(trx, orgId);
  return (
    (await policiesRepository.findDefault(trx, orgId)) ??
    policiesRepository.insert(trx, {
      org_id: orgId,
      id: defaultPolicyId(orgId),
      ...policyValues(DEFAULT_POLICY),
      is_default: true,
    })
  );
}

/** A policy a write names (the org default, stored now if it is not yet), or the default; undefined if unknown. */
export async function policyForWrite(
  trx: Db,
  orgId: string,
  id: string | null | undefined,
): Promise<SlaPolicyRow | undefined> {
  if (!id) {
    return defaultPolicy(trx, orgId);
  }
  const found = await policiesRepository.find(trx, orgId, id);
  if (found || id !== defaultPolicyId(orgId)) {
    return found;
  }
  const stored = await defaultPolicy(trx, orgId);
  return stored.id === id ? stored : undefined;
}

/** A policy a read names, including the org default that is not stored yet. */
async function policyForRead(db: Db, orgId: string, id: string): Promise<SlaPolicyRow | undefined> {
  const found = await policiesRepository.find(db, orgId, id);
  if (found || id !== defaultPolicyId(orgId) || (await policiesRepository.findDefault(db, orgId))) {
    return found;
  }
  return unstoredDefault(db, orgId);
}

/** 400 when a target needs more working time than the policy's calendar can schedule. */
function checkTargets(p: Pick<CreateSlaPolicy, 'timeZone' | 'hours' | 'holidays' | 'workdays' | 'targets'>): void {
  const problems = unreachableTargets(p, p.targets);
  if (problems.length) {
    throw validation(
      problems[0]?.message ?? 'Unreachable target',
      problems.map((x) => ({ path: ['body', ...x.path], message: x.message, code: 'unreachable_target' })),
    );
  }
}

/** SLA policies: business hours, holidays and targets per priority. */
export function policiesService(deps: Deps) {
  const { db } = deps;
  return {
    /** Every policy, the org default first (shown before any write has stored it). */
    async listPolicies(ctx: RequestContext): Promise<SlaPolicy[]> {
      const rows = await policiesRepository.list(db, ctx.actor.orgId);
      if (!rows.some((r) => r.is_default)) {
        rows.unshift(await unstoredDefault(db, ctx.actor.orgId));
      }
      return rows.map(toPolicy);
    },

    async getPolicy(ctx: RequestContext, id: string): Promise<SlaPolicy> {
      const row = await policyForRead(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('SLA policy');
      }
      return toPolicy(row);
    },

    async createPolicy(ctx: RequestContext, input: CreateSlaPolicy): Promise<SlaPolicy> {
      checkTargets(input);
      return db.transaction().execute(async (trx) => {
        if (input.isDefault) {
          await policiesRepository.clearDefault(trx, ctx.actor.orgId);
        }
        const row = await policiesRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          ...policyValues(input),
          is_default: input.isDefault,
        });
        const out = toPolicy(row);
        await recordAudit(trx, ctx, {
          action: 'sla_policy.create',
          entityType: 'sla_policy',
          entityId: row.id,
          after: out,
        });
        return out;
      });
    },

    async updatePolicy(ctx: RequestContext, id: string, version: number, input: UpdateSlaPolicy): Promise<SlaPolicy> {
      return db.transaction().execute(async (trx) => {
        const before = await policyForWrite(trx, ctx.actor.orgId, id);
        if (!before) {
          throw notFound('SLA policy');
        }
        if (input.isDefault === false && before.is_default) {
          throw validation('Make another policy the default instead', [
            {
              path: ['body', 'isDefault'],
              message: 'An organisation always has a default policy',
              code: 'default_required',
            },
          ]);
        }
        const merged = {
          name: input.name ?? before.name,
          timeZone: input.timeZone ?? before.time_zone,
          hours: input.hours ?? before.hours,
          holidays: input.holidays ?? before.holidays,
          workdays: input.workdays ?? before.workdays,
          targets: input.targets ?? before.targets,
          isDefault: input.isDefault ?? before.is_default,
        };
        checkTargets(merged);
        if (input.isDefault && !before.is_default) {
          await policiesRepository.clearDefault(trx, ctx.actor.orgId);
        }
        const row = await policiesRepository.update(trx, ctx.actor.orgId, id, version, {
          ...policyValues(merged),
          is_default: merged.isDefault,
        });
        if (!row) {
          failedUpdate(toPolicy(before), 'SLA policy');
        }
        const out = toPolicy(row);
        await recordAudit(trx, ctx, {
          action: 'sla_policy.update',
          entityType: 'sla_policy',
          entityId: id,
          ...diff(toPolicy(before), out),
        });
        return out;
      });
    },
  };
}
