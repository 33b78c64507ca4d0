import { requireRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../../platform/audit/audit.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import type { FieldDefinitionRow, StakeholderGroupRow } from '../parties.tables.ts';
import type {
  CreateFieldDefinition,
  CreateStakeholderGroup,
  FieldDefinition,
  StakeholderGroup,
  UpdateFieldDefinition,
  UpdateStakeholderGroup,
} from './settings.schema.ts';
import { fieldDefinitionsRepository, stakeholderGroupsRepository } from './settings.repository.ts';

const toGroup = (r: StakeholderGroupRow): StakeholderGroup => ({
  id: r.id,
  key: r.key,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  side: r.side,
  sortOrder: r.sort_order,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const toDefinition = (r: FieldDefinitionRow): FieldDefinition => ({
  id: r.id,
  entity: r.entity,
  key: r.key,
  labelZh: r.label_zh,
  labelEn: r.label_en,
  type: r.type,
  options: r.options,
  required: r.required,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const duplicateKey = (err: unknown) => {
  if ((err as { code?: string }).code === '23505') {
    throw conflict('This key is taken', [{ path: ['body', 'key'], message: 'Already in use', code: 'duplicate' }]);
  }
  throw err;
};

function checkOptions(type: string, options: string[] | undefined) {
  const needs = type === 'select' || type === 'multiselect';
  if (needs && !options?.length) {
    throw validation('A select field needs options', [
      { path: ['body', 'options'], message: 'Give at least one option', code: 'required' },
    ]);
  }
  if (!needs && options?.length) {
    throw validation('Only select fields have options', [
      { path: ['body', 'options'], message: 'Only for select and multiselect', code: 'not_allowed' },
    ]);
  }
}

/** Stakeholder groups and custom field definitions: readable by everyone in the org, changed by admins. */
export function settingsService(deps: Deps) {
  const { db } = deps;
  return {
    async listGroups(
      ctx: RequestContext,
      active: boolean | undefined,
      page: { limit: number; cursor: string | undefined },
    ): Promise<Page<StakeholderGroup>> {
      await stakeholderGroupsRepository.ensureDefaults(db, ctx.actor.orgId);
      const res = await stakeholderGroupsRepository.list(db, ctx.actor.orgId, active, page);
      return { items: res.items.map(toGroup), nextCursor: res.nextCursor };
    },

    async createGroup(ctx: RequestContext, input: CreateStakeholderGroup): Promise<StakeholderGroup> {
      requireRole(ctx.actor, 'admin');
      await stakeholderGroupsRepository.ensureDefaults(db, ctx.actor.orgId);
      return db.transaction().execute(async (trx) => {
        const row = await stakeholderGroupsRepository
          .insert(trx, ctx.actor.orgId, {
            key: input.key,
            name_zh: input.nameZh,
            name_en: input.nameEn,
            side: input.side,
            sort_order: input.sortOrder ?? 1000,
          })
          .catch(duplicateKey);
        const group = toGroup(row);
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'stakeholder_group',
          entityId: group.id,
          after: group,
        });
        return group;
      });
    },

    async updateGroup(
      ctx: RequestContext,
      id: string,
      version: number,
      input: UpdateStakeholderGroup,
    ): Promise<StakeholderGroup> {
      requireRole(ctx.actor, 'admin');
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        const before = await stakeholderGroupsRepository.find(trx, orgId, id);
        const row = await stakeholderGroupsRepository.update(trx, orgId, id, version, {
          ...(input.nameZh !== undefined ? { name_zh: input.nameZh } : {}),
          ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
          ...(input.side !== undefined ? { side: input.side } : {}),
          ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        if (!row || !before) {
          failedUpdate(before && toGroup(before), 'Stakeholder group');
        }
        const d = diff(toGroup(before), toGroup(row));
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'stakeholder_group',
          entityId: id,
          before: d.before,
          after: d.after,
        });
        return toGroup(row);
      });
    },

    async listDefinitions(
      ctx: RequestContext,
      active: boolean | undefined,
      page: { limit: number; cursor: string | undefined },
    ): Promise<Page<FieldDefinition>> {
      const res = await fieldDefinitionsRepository.list(db, ctx.actor.orgId, active, page);
      return { items: res.items.map(toDefinition), nextCursor: res.nextCursor };
    },

    async getDefinition(ctx: RequestContext, id: string): Promise<FieldDefinition> {
      const row = await fieldDefinitionsRepository.find(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('Field definition');
      }
      return toDefinition(row);
    },

    async createDefinition(ctx: RequestContext, input: CreateFieldDefinition): Promise<FieldDefinition> {
      requireRole(ctx.actor, 'admin');
      checkOptions(input.type, input.options);
      return db.transaction().execute(async (trx) => {
        const row = await fieldDefinitionsRepository
          .insert(trx, ctx.actor.orgId, {
            entity: input.entity,
            key: input.key,
            label_zh: input.labelZh,
            label_en: input.labelEn,
            type: input.type,
            options: input.options ?? [],
            required: input.required ?? false,
          })
          .catch(duplicateKey);
        const def = toDefinition(row);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'field_definition', entityId: def.id, after: def });
        return def;
      });
    },

    async updateDefinition(
      ctx: RequestContext,
      id: string,
      version: number,
      input: UpdateFieldDefinition,
    ): Promise<FieldDefinition> {
      requireRole(ctx.actor, 'admin');
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        const before = await fieldDefinitionsRepository.find(trx, orgId, id);
        if (before && input.options !== undefined) {
          checkOptions(before.type, input.options);
        }
        const row = await fieldDefinitionsRepository.update(trx, orgId, id, version, {
          ...(input.labelZh !== undefined ? { label_zh: input.labelZh } : {}),
          ...(input.labelEn !== undefined ? { label_en: input.labelEn } : {}),
          ...(input.options !== undefined ? { options: input.options } : {}),
          ...(input.required !== undefined ? { required: input.required } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        if (!row || !before) {
          failedUpdate(before && toDefinition(before), 'Field definition');
        }
        const d = diff(toDefinition(before), toDefinition(row));
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'field_definition',
          entityId: id,
          before: d.before,
          after: d.after,
        });
        return toDefinition(row);
      });
    },
  };
}
