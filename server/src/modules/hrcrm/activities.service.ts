import { requireRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { HRCRM_WRITERS } from './constants.ts';
import { hrGroupKey } from './groups.service.ts';
import type { CreateActivity, HrActivity, UpdateActivity } from './hrcrm.schema.ts';
import { hrcrmRepository } from './hrcrm.repository.ts';

type ActivityRow = Awaited<ReturnType<typeof hrcrmRepository.insertActivity>>;
const toActivity = (r: ActivityRow): HrActivity => ({
  id: r.id,
  groupKey: r.group_key,
  r: r.r,
  title: r.title,
  objective: r.objective,
  budget: r.budget,
  plannedOn: r.planned_on,
  status: r.status,
  outcome: r.outcome,
});

/** Activities planned for a group under the 4Rs (relevance, response, relationship, return; docs/domain.md). */
export function activitiesService(deps: Deps) {
  const { db } = deps;
  return {
    async activities(ctx: RequestContext, key: string): Promise<{ items: HrActivity[] }> {
      const groupKey = hrGroupKey(key);
      return { items: (await hrcrmRepository.activities(db, ctx.actor.orgId, groupKey)).map(toActivity) };
    },

    async createActivity(ctx: RequestContext, key: string, input: CreateActivity): Promise<HrActivity> {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      const groupKey = hrGroupKey(key);
      return db.transaction().execute(async (trx) => {
        const row = await hrcrmRepository.insertActivity(trx, {
          org_id: ctx.actor.orgId,
          group_key: groupKey,
          r: input.r,
          title: input.title,
          objective: input.objective ?? null,
          budget: input.budget ?? null,
          planned_on: input.plannedOn ?? null,
          status: input.status ?? 'planned',
          outcome: input.outcome ?? null,
          created_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'hr_crm',
          entityId: row.id,
          after: toActivity(row),
        });
        return toActivity(row);
      });
    },

    async updateActivity(ctx: RequestContext, id: string, input: UpdateActivity): Promise<HrActivity> {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      return db.transaction().execute(async (trx) => {
        const before = await hrcrmRepository.findActivity(trx, ctx.actor.orgId, id);
        if (!before) {
          throw notFound('Activity');
        }
        const row = await hrcrmRepository.updateActivity(trx, ctx.actor.orgId, id, {
          ...(input.r !== undefined ? { r: input.r } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.objective !== undefined ? { objective: input.objective } : {}),
          ...(input.budget !== undefined ? { budget: input.budget } : {}),
          ...(input.plannedOn !== undefined ? { planned_on: input.plannedOn } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
        });
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'hr_crm',
          entityId: id,
          before: toActivity(before),
          after: toActivity(row),
        });
        return toActivity(row);
      });
    },
  };
}
