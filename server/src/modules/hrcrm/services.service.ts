import { requireRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound, validation } from '../../platform/errors.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { HRCRM_WRITERS, hrGroupKeys } from './constants.ts';
import type { CreateDelivery, CreateService, HrDelivery, HrService, UpdateService } from './services.schema.ts';
import { servicesRepository } from './services.repository.ts';

const bad = (path: (string | number)[], message: string, code: string) =>
  validation(message, [{ path: ['body', ...path], message, code }]);
const isHrGroup = (key: string) => (hrGroupKeys as readonly string[]).includes(key);

async function load(db: Db, orgId: string, id?: string): Promise<HrService[]> {
  const rows = await servicesRepository.list(db, orgId, id);
  const groups = await servicesRepository.groups(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    description: r.description,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    active: r.active,
    groups: groups
      .filter((g) => g.service_id === r.id)
      .map((g) => ({
        groupKey: g.group_key,
        expectedValue: g.expected_value,
        measure: { kind: g.measure_kind, ref: g.measure_ref },
      })),
    deliveries: Number(r.deliveries),
  }));
}

async function checkInput(db: Db, orgId: string, input: UpdateService) {
  if (input.ownerUserId && !(await usersRepository.findById(db, orgId, input.ownerUserId))) {
    throw bad(['ownerUserId'], 'No such user', 'unknown_reference');
  }
  input.groups?.forEach((g, i) => {
    if (!isHrGroup(g.groupKey)) {
      throw bad(['groups', i, 'groupKey'], 'Not one of the eight HR groups', 'unknown_reference');
    }
  });
}

async function oneService(db: Db, orgId: string, id: string): Promise<HrService> {
  const [s] = await load(db, orgId, id);
  if (!s) {
    throw notFound('Service');
  }
  return s;
}

/** The HR service catalogue (正推法, docs/domain.md "HR-department CRM") and the deliveries recorded against it. */
export function servicesService(deps: Deps) {
  const { db } = deps;

  const one = (orgId: string, id: string) => oneService(db, orgId, id);

  const groupRows = (orgId: string, serviceId: string, groups: NonNullable<CreateService['groups']>) =>
    groups.map((g) => ({
      org_id: orgId,
      service_id: serviceId,
      group_key: g.groupKey,
      expected_value: g.expectedValue ?? null,
      measure_kind: g.measure?.kind ?? 'none',
      measure_ref: g.measure?.ref ?? null,
    }));

  return {
    list: async (ctx: RequestContext) => ({ items: await load(db, ctx.actor.orgId) }),
    get: (ctx: RequestContext, id: string) => one(ctx.actor.orgId, id),

    async create(ctx: RequestContext, input: CreateService): Promise<HrService> {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      const orgId = ctx.actor.orgId;
      await checkInput(db, orgId, input);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await servicesRepository.insert(trx, {
          org_id: orgId,
          name_zh: input.nameZh,
          name_en: input.nameEn,
          description: input.description ?? null,
          owner_user_id: input.ownerUserId ?? null,
          active: input.active ?? true,
        });
        await servicesRepository.replaceGroups(trx, orgId, id, groupRows(orgId, id, input.groups ?? []));
        await recordAudit(trx, ctx, { action: 'create', entityType: 'hr_crm', entityId: id, after: input });
        return id;
      });
      return one(orgId, id);
    },

    async update(ctx: RequestContext, id: string, input: UpdateService): Promise<HrService> {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      const orgId = ctx.actor.orgId;
      const before = await one(orgId, id);
      await checkInput(db, orgId, input);
      await db.transaction().execute(async (trx) => {
        const res = await servicesRepository.update(trx, orgId, id, {
          ...(input.nameZh !== undefined ? { name_zh: input.nameZh } : {}),
          ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        if (Number(res.numUpdatedRows) === 0) {
          throw notFound('Service');
        }
        if (input.groups) {
          await servicesRepository.replaceGroups(trx, orgId, id, groupRows(orgId, id, input.groups));
        }
        await recordAudit(trx, ctx, { action: 'update', entityType: 'hr_crm', entityId: id, before, after: input });
      });
      return one(orgId, id);
    },

    /** Removes the service from the catalogue; its deliveries stay on record. */
    async remove(ctx: RequestContext, id: string): Promise<void> {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      const before = await one(ctx.actor.orgId, id);
      await db.transaction().execute(async (trx) => {
        await servicesRepository.update(trx, ctx.actor.orgId, id, { deleted_at: new Date() });
        await recordAudit(trx, ctx, { action: 'delete', entityType: 'hr_crm', entityId: id, before });
      });
    },
  };
}

/** Deliveries of a catalogue service to the groups it serves (the "value" step of the HR process). */
export function deliveriesService(deps: Deps) {
  const { db } = deps;
  const one = (orgId: string, id: string) => oneService(db, orgId, id);
  return {
    async deliveries(ctx: RequestContext, id: string): Promise<{ items: HrDelivery[] }> {
      await one(ctx.actor.orgId, id);
      const rows = await servicesRepository.deliveries(db, ctx.actor.orgId, id);
      return { items: rows.map(toDelivery) };
    },

    async deliver(ctx: RequestContext, id: string, input: CreateDelivery): Promise<HrDelivery> {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      const service = await one(ctx.actor.orgId, id);
      if (!service.groups.some((g) => g.groupKey === input.groupKey)) {
        throw bad(['groupKey'], 'The service does not serve this group (see its groups)', 'unknown_reference');
      }
      return db.transaction().execute(async (trx) => {
        const row = await servicesRepository.insertDelivery(trx, {
          org_id: ctx.actor.orgId,
          service_id: id,
          group_key: input.groupKey,
          delivered_on: input.deliveredOn,
          quantity: input.quantity ?? 1,
          note: input.note ?? null,
          recorded_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'hr_crm',
          entityId: row.id,
          after: toDelivery(row),
        });
        return toDelivery(row);
      });
    },
  };
}

type DeliveryRow = Awaited<ReturnType<typeof servicesRepository.insertDelivery>>;
function toDelivery(d: DeliveryRow): HrDelivery {
  return {
    id: d.id,
    serviceId: d.service_id,
    groupKey: d.group_key,
    deliveredOn: d.delivered_on,
    quantity: d.quantity,
    note: d.note,
    recordedBy: d.recorded_by,
    createdAt: d.created_at.toISOString(),
  };
}
