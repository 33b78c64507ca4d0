import type { Insertable } from 'kysely';
import { hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import { failedUpdate } from '../../platform/db/versioned.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { validateCustom } from './settings/custom-fields.ts';
import {
  checkExternalId,
  checkOwners,
  newPartyRow,
  normalisePhones,
  partyUpdateValues,
  unique,
} from './party-input.ts';
import { partiesRepository, type VisibleParty } from './parties.repository.ts';
import { toHistory, toParty } from './parties.mapper.ts';
import type { CreateParty, HistoryEntry, ListPartiesQuery, Party, UpdateParty } from './parties.schema.ts';
import type { PartyHistoryTable, PartyRoleRow, PartyRow } from './parties.tables.ts';
import { applyRole } from './roles/roles.service.ts';
import { rolesRepository } from './roles/roles.repository.ts';
import { fieldDefinitionsRepository } from './settings/settings.repository.ts';
import type { Db } from '../../platform/db/database.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { binParty, restoreParty } from './bin/moves.ts';
import { emitEvent } from '../../platform/webhooks/events.ts';

/**
 * Maps rows the actor may see, with their current roles and owners' names: those the read brought along (`joined`),
 * else one query each for a whole page.
 */
export async function withRoles(db: Db, orgId: string, rows: VisibleParty[]): Promise<Party[]> {
  if (rows.every((r) => r.joined)) {
    return rows.map((r) => {
      const j = r.joined ?? { roles: [], ownerName: null, backupOwnerName: null };
      const party = toParty(r, j.roles, { full: r.can_full, sensitive: r.can_sensitive });
      return r.can_full ? { ...party, ownerName: j.ownerName, backupOwnerName: j.backupOwnerName } : party;
    });
  }
  const roles = await partiesRepository.currentRoles(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const byParty = new Map<string, PartyRoleRow[]>();
  for (const r of roles) {
    byParty.set(r.party_id, [...(byParty.get(r.party_id) ?? []), r]);
  }
  const userIds = rows.flatMap((r) => (r.can_full ? [r.owner_id, r.backup_owner_id] : []));
  const names = await usersRepository.displayNames(db, orgId, [
    ...new Set(userIds.filter((id): id is string => id !== null)),
  ]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return rows.map((r) => {
    const party = toParty(r, byParty.get(r.id) ?? [], { full: r.can_full, sensitive: r.can_sensitive });
    return r.can_full ? { ...party, ownerName: nameOf(r.owner_id), backupOwnerName: nameOf(r.backup_owner_id) } : party;
  });
}

/** A live party the actor may read fully, or 404 (directory readers see no more than the directory). */
export async function readableParty(db: Db, ctx: RequestContext, id: string): Promise<VisibleParty> {
  const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
  const row = await partiesRepository.findVisible(db, ctx.actor, visibility, id);
  if (!row?.can_full || row.deleted_at || row.merged_into_id) {
    throw notFound('Party');
  }
  return row;
}

/** A live party the actor may change, locked in `trx`, or 404. */
export async function writableParty(trx: Db, ctx: RequestContext, id: string): Promise<PartyRow> {
  const visibility = await partiesRepository.visibility(trx, ctx.actor.orgId);
  const row = await partiesRepository.findWritable(trx, ctx.actor, visibility, id);
  if (!row || row.deleted_at || row.merged_into_id) {
    throw notFound('Party');
  }
  return row;
}

const ownerHistory = (
  ctx: RequestContext,
  partyId: string,
  before: PartyRow | null,
  after: PartyRow,
  reason: string | null,
) => {
  const rows: Insertable<PartyHistoryTable>[] = [];
  const base = { org_id: ctx.actor.orgId, party_id: partyId, role: null, reason, actor_id: ctx.actor.userId };
  if ((before?.owner_id ?? null) !== after.owner_id) {
    rows.push({ ...base, field: 'owner', from_value: before?.owner_id ?? null, to_value: after.owner_id });
  }
  if ((before?.backup_owner_id ?? null) !== after.backup_owner_id) {
    rows.push({
      ...base,
      field: 'backup_owner',
      from_value: before?.backup_owner_id ?? null,
      to_value: after.backup_owner_id,
    });
  }
  return rows;
};

export function partiesService(deps: Deps) {
  const { db } = deps;

  async function reload(ctx: RequestContext, id: string, trx: Db = db): Promise<Party> {
    const visibility = await partiesRepository.visibility(trx, ctx.actor.orgId);
    const row = await partiesRepository.findVisible(trx, ctx.actor, visibility, id);
    if (!row) {
      // The writer moved it out of their own sight (e.g. gave it to someone else): they still get what they wrote.
      const raw = await partiesRepository.findById(trx, ctx.actor.orgId, id);
      if (!raw) {
        throw notFound('Party');
      }
      return (
        await withRoles(trx, ctx.actor.orgId, [
          { ...raw, can_full: true, can_sensitive: hasRole(ctx.actor, 'hr', 'admin') },
        ])
      )[0] as Party;
    }
    return (await withRoles(trx, ctx.actor.orgId, [row]))[0] as Party;
  }

  return {
    reload,

    async list(ctx: RequestContext, f: ListPartiesQuery): Promise<Page<Party>> {
      // A list read: the replica when there is one, unless this reader just wrote (docs/scale.md "A read replica").
      const db = await deps.reads.db(ctx.actor);
      const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
      const page = await partiesRepository.list(db, ctx.actor, visibility, f);
      return { items: await withRoles(db, ctx.actor.orgId, page.items), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext, id: string): Promise<Party> {
      const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
      const row = await partiesRepository.findVisible(db, ctx.actor, visibility, id);
      if (!row || (!row.can_full && (row.deleted_at || row.merged_into_id))) {
        throw notFound('Party');
      }
      return (await withRoles(db, ctx.actor.orgId, [row]))[0] as Party;
    },

    async create(ctx: RequestContext, input: CreateParty): Promise<Party> {
      const orgId = ctx.actor.orgId;
      const ownerId = input.ownerId === undefined ? ctx.actor.userId : input.ownerId;
      await checkOwners(db, orgId, input);
      await checkExternalId(db, orgId, input.externalId);
      const defs = await fieldDefinitionsRepository.active(db, orgId);
      const custom = validateCustom(defs, input.custom ?? {}, input.custom ?? {});
      const values = {
        displayName: input.displayName,
        givenName: input.givenName ?? null,
        familyName: input.familyName ?? null,
        emails: unique(input.emails ?? []),
        phones: normalisePhones(input.phones ?? []),
        tags: unique(input.tags ?? []),
      };
      const id = await db.transaction().execute(async (trx) => {
        const row = await partiesRepository.insert(
          trx,
          newPartyRow(orgId, input, values, custom, ownerId, ctx.actor.userId),
        );
        await rolesRepository.addHistory(trx, ownerHistory(ctx, row.id, null, row, null));
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'party',
          entityId: row.id,
          after: { ...row, search_text: undefined, search_grams: undefined, name_key: undefined },
        });
        await emitEvent(trx, ctx, 'party.created', { id: row.id, kind: row.kind });
        for (const [i, r] of (input.roles ?? []).entries()) {
          const { role, ...rest } = r;
          await applyRole(trx, ctx, row.id, role, rest, () => 1, ['roles', i]);
        }
        return row.id;
      });
      return reload(ctx, id);
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateParty): Promise<Party> {
      const orgId = ctx.actor.orgId;
      await checkOwners(db, orgId, input);
      await checkExternalId(db, orgId, input.externalId, id);
      const defs = input.custom ? await fieldDefinitionsRepository.active(db, orgId) : [];
      await db.transaction().execute(async (trx) => {
        const before = await writableParty(trx, ctx, id);
        const phones = input.phones ? normalisePhones(input.phones) : undefined;
        const values = partyUpdateValues(before, input, phones, defs);
        const row = await partiesRepository.update(trx, orgId, id, version, values);
        if (!row) {
          failedUpdate(await reload(ctx, id, trx), 'Party');
        }
        await rolesRepository.addHistory(trx, ownerHistory(ctx, id, before, row, input.reason ?? null));
        const strip = (r: PartyRow) => ({ ...r, search_text: undefined, search_grams: undefined, name_key: undefined });
        const d = diff(strip(before), strip(row));
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'party',
          entityId: id,
          before: d.before,
          after: d.after,
        });
        await emitEvent(trx, ctx, 'party.updated', { id, kind: row.kind });
      });
      return reload(ctx, id);
    },

    /** Soft delete: the party goes to the bin (bin/bin.service.ts), out of lists and search, and can be restored. */
    remove: (ctx: RequestContext, id: string): Promise<void> =>
      db.transaction().execute((trx) => binParty(trx, ctx, id)),

    async restore(ctx: RequestContext, id: string): Promise<Party> {
      await db.transaction().execute((trx) => restoreParty(trx, ctx, id));
      return reload(ctx, id);
    },

    async history(
      ctx: RequestContext,
      id: string,
      f: { role?: PartyRoleRow['role'] | undefined; field?: string | undefined },
      page: { limit: number; cursor: string | undefined },
    ): Promise<Page<HistoryEntry>> {
      await readableParty(db, ctx, id);
      const res = await rolesRepository.history(db, ctx.actor.orgId, id, f, page);
      return { items: res.items.map(toHistory), nextCursor: res.nextCursor };
    },
  };
}
