import type { RequestContext } from '../../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import { toPolicy } from '../cases.mapper.ts';
import type { CreateSlaPolicy, SlaPolicy, UpdateSlaPolicy } from '../cases.schema.ts';
import { policiesRepository } from '../cases.repository.ts';
import type { SlaPolicyRow } from '../cases.tables.ts';

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

/** The org default policy, seeded on first use. */
export async function defaultPolicy(trx: Db, orgId: string): Promise<SlaPolicyRow> {
  const found = await policiesRepository.findDefault(trx, orgId);
  if (found) {
    return found;
  }
  await policiesRepository.lockOrg(trx, orgId);
  return (
    (await policiesRepository.findDefault(trx, orgId)) ??
    policiesRepository.insert(trx, { org_id: orgId, ...policyValues(DEFAULT_POLICY), is_default: true })
  );
}

/** SLA policies: business hours, holidays and targets per priority. */
export function policiesService(deps: Deps) {
  const { db } = deps;
  return {
    async listPolicies(ctx: RequestContext): Promise<SlaPolicy[]> {
      const rows = await db.transaction().execute(async (trx) => {
        await defaultPolicy(trx, ctx.actor.orgId);
        return policiesRepository.list(trx, ctx.actor.orgId);
      });
      return rows.map(toPolicy);
    },

    async getPolicy(ctx: RequestContext, id: string): Promise<SlaPolicy> {
      const row = await policiesRepository.find(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('SLA policy');
      }
      return toPolicy(row);
    },

    async createPolicy(ctx: RequestContext, input: CreateSlaPolicy): Promise<SlaPolicy> {
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
        const before = await policiesRepository.find(trx, ctx.actor.orgId, id);
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
