import type { Kysely } from 'kysely';
import { requireRole, type RequestContext } from '../auth/actor.ts';
import { diff, recordAudit, type AuditWho } from '../audit/audit.ts';
import type { Database, OrgUnitRow } from '../db/types.ts';
import { failedUpdate } from '../db/versioned.ts';
import { notFound, validation } from '../errors.ts';
import { cursorValueFits, decodeCursor, encodeCursor, invalidCursor } from '../db/pagination.ts';
import type { Page } from '../http/common.schema.ts';
import type { Deps } from '../deps.ts';
import type { CreateOrgUnit, OrgUnit, UpdateOrgUnit } from './identity.schema.ts';
import { orgUnitsRepository } from './org-units.repository.ts';
import { usersRepository } from './users.repository.ts';

export function toOrgUnit(r: OrgUnitRow): OrgUnit {
  return {
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    managerUserId: r.manager_user_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

const bad = (field: string, message: string) =>
  validation(message, [{ path: ['body', field], message, code: 'unknown_reference' }]);

async function checkRefs(
  db: Kysely<Database>,
  orgId: string,
  input: { parentId?: string | null | undefined; managerUserId?: string | null | undefined },
) {
  if (input.parentId && !(await orgUnitsRepository.findById(db, orgId, input.parentId))) {
    throw bad('parentId', 'No such parent org unit');
  }
  if (input.managerUserId && !(await usersRepository.findById(db, orgId, input.managerUserId))) {
    throw bad('managerUserId', 'No such user');
  }
}

export async function createOrgUnitRecord(
  db: Kysely<Database>,
  orgId: string,
  input: CreateOrgUnit,
  who: AuditWho | RequestContext,
): Promise<OrgUnit> {
  return db.transaction().execute(async (trx) => {
    await checkRefs(trx, orgId, input);
    const row = await orgUnitsRepository.insert(trx, orgId, {
      name: input.name,
      parent_id: input.parentId ?? null,
      manager_user_id: input.managerUserId ?? null,
    });
    const unit = toOrgUnit(row);
    await recordAudit(trx, who, { action: 'create', entityType: 'org_unit', entityId: unit.id, after: unit });
    return unit;
  });
}

export function orgUnitsService(deps: Deps) {
  const { db } = deps;
  return {
    async list(ctx: RequestContext, limit: number, cursor: string | undefined): Promise<Page<OrgUnit>> {
      const after = cursor ? decodeCursor(cursor, 1)[0] : undefined;
      if (after !== undefined && !cursorValueFits(after, 'uuid')) {
        throw invalidCursor();
      }
      const rows = await orgUnitsRepository.list(db, ctx.actor.orgId, limit, after as string | undefined);
      const items = rows.slice(0, limit).map(toOrgUnit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
    },

    async get(ctx: RequestContext, id: string): Promise<OrgUnit> {
      const row = await orgUnitsRepository.findById(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('Org unit');
      }
      return toOrgUnit(row);
    },

    create(ctx: RequestContext, input: CreateOrgUnit): Promise<OrgUnit> {
      requireRole(ctx.actor, 'admin');
      return createOrgUnitRecord(db, ctx.actor.orgId, input, ctx);
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateOrgUnit): Promise<OrgUnit> {
      requireRole(ctx.actor, 'admin');
      const orgId = ctx.actor.orgId;
      return db.transaction().execute(async (trx) => {
        await checkRefs(trx, orgId, input);
        if (input.parentId && (await orgUnitsRepository.wouldCycle(trx, orgId, id, input.parentId))) {
          throw validation('An org unit cannot be moved under itself or one of its own units', [
            { path: ['body', 'parentId'], message: 'Would create a cycle', code: 'cycle' },
          ]);
        }
        const before = await orgUnitsRepository.findById(trx, orgId, id);
        const row = await orgUnitsRepository.update(trx, orgId, id, version, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
          ...(input.managerUserId !== undefined ? { manager_user_id: input.managerUserId } : {}),
        });
        if (!row || !before) {
          failedUpdate(before && toOrgUnit(before), 'Org unit');
        }
        const after = toOrgUnit(row);
        const d = diff(toOrgUnit(before), after);
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'org_unit',
          entityId: id,
          before: d.before,
          after: d.after,
        });
        return after;
      });
    },
  };
}
