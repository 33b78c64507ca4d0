import { requireRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound, versionConflict } from '../../platform/errors.ts';
import { builtInScenarios, defaultCriteria } from './builtins.ts';
import { PRACTICE_TRAINERS } from './constants.ts';
import type { CreateScenario, PracticeScenario, UpdateScenario } from './practice.schema.ts';
import { scenariosRepository } from './practice.repository.ts';
import type { ScenarioRow } from './practice.tables.ts';

export function toScenario(r: ScenarioRow): PracticeScenario {
  return {
    id: r.id,
    builtIn: r.built_in,
    title: { zh: r.title_zh, en: r.title_en },
    brief: { zh: r.brief_zh, en: r.brief_en },
    customerSide: { zh: r.customer_zh, en: r.customer_en },
    staffSide: { zh: r.staff_zh, en: r.staff_en },
    criteria: r.criteria,
    archived: r.archived,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Adds the built-in scenarios an organisation lacks (at its creation, and on request for older organisations). */
export async function seedBuiltInScenarios(db: Db, orgId: string): Promise<void> {
  await scenariosRepository.insertBuiltIns(
    db,
    builtInScenarios.map((s) => ({
      org_id: orgId,
      built_in: s.key,
      title_zh: s.title.zh,
      title_en: s.title.en,
      brief_zh: s.brief.zh,
      brief_en: s.brief.en,
      customer_zh: s.customer.zh,
      customer_en: s.customer.en,
      staff_zh: s.staff.zh,
      staff_en: s.staff.en,
      criteria: JSON.stringify(defaultCriteria),
      created_by: null,
    })),
  );
}

/** The scenario library (docs/practice.md): every signed-in user reads it; trainers write it. */
export function scenariosService(deps: Deps) {
  const { db } = deps;
  const one = async (orgId: string, id: string) => {
    const [row] = await scenariosRepository.list(db, orgId, id);
    if (!row) {
      throw notFound('Scenario');
    }
    return toScenario(row);
  };
  return {
    one,
    list: async (ctx: RequestContext) => ({
      items: (await scenariosRepository.list(db, ctx.actor.orgId)).map(toScenario),
    }),
    get: (ctx: RequestContext, id: string) => one(ctx.actor.orgId, id),

    async create(ctx: RequestContext, input: CreateScenario): Promise<PracticeScenario> {
      requireRole(ctx.actor, ...PRACTICE_TRAINERS);
      const orgId = ctx.actor.orgId;
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await scenariosRepository.insert(trx, {
          org_id: orgId,
          built_in: null,
          title_zh: input.title.zh,
          title_en: input.title.en,
          brief_zh: input.brief.zh,
          brief_en: input.brief.en,
          customer_zh: input.customerSide.zh,
          customer_en: input.customerSide.en,
          staff_zh: input.staffSide.zh,
          staff_en: input.staffSide.en,
          criteria: JSON.stringify(input.criteria ?? defaultCriteria),
          created_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, { action: 'create', entityType: 'practice', entityId: id, after: input });
        return id;
      });
      return one(orgId, id);
    },

    async update(ctx: RequestContext, id: string, input: UpdateScenario): Promise<PracticeScenario> {
      requireRole(ctx.actor, ...PRACTICE_TRAINERS);
      const orgId = ctx.actor.orgId;
      const before = await one(orgId, id);
      await db.transaction().execute(async (trx) => {
        const res = await scenariosRepository.update(trx, orgId, id, input.version ?? before.version, {
          ...(input.title ? { title_zh: input.title.zh, title_en: input.title.en } : {}),
          ...(input.brief ? { brief_zh: input.brief.zh, brief_en: input.brief.en } : {}),
          ...(input.customerSide ? { customer_zh: input.customerSide.zh, customer_en: input.customerSide.en } : {}),
          ...(input.staffSide ? { staff_zh: input.staffSide.zh, staff_en: input.staffSide.en } : {}),
          ...(input.criteria ? { criteria: JSON.stringify(input.criteria) } : {}),
          ...(input.archived !== undefined ? { archived: input.archived } : {}),
        });
        if (Number(res.numUpdatedRows) === 0) {
          throw versionConflict(before);
        }
        await recordAudit(trx, ctx, { action: 'update', entityType: 'practice', entityId: id, before, after: input });
      });
      return one(orgId, id);
    },

    /** Adds any built-in scenario the organisation lacks (organisations created before the library existed). */
    async installBuiltIns(ctx: RequestContext) {
      requireRole(ctx.actor, ...PRACTICE_TRAINERS);
      await db.transaction().execute(async (trx) => {
        await seedBuiltInScenarios(trx, ctx.actor.orgId);
        await recordAudit(trx, ctx, { action: 'update', entityType: 'practice', entityId: 'built-ins' });
      });
      return { items: (await scenariosRepository.list(db, ctx.actor.orgId)).map(toScenario) };
    },
  };
}
