import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { hasRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit, type AuditWho } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { HistoryField, PartyRoleName } from '../constants.ts';
import {
  auditWho,
  failure,
  RowError,
  type BulkPartiesOutcome,
  type BulkPartyInput,
  type BulkPartyResult,
  type PartySnapshot,
  type UpsertKey,
  type Who,
} from './bulk-types.ts';
import { insertColumns, insertMany, partiesHolding, updateParties, updateRoles } from './bulk-sql.ts';
import { validateCustom } from '../settings/custom-fields.ts';
import { canSeeFull } from '../parties.access.ts';
import { partiesRepository } from '../parties.repository.ts';
import type {
  PartyHistoryTable,
  PartyRoleRow,
  PartyRoleTable,
  PartyRow,
  PartyTable,
  PartyUpdate,
} from '../parties.tables.ts';
import { derivedColumns, mergeProfile, newPartyRow, unique } from '../party-input.ts';
import { normalizePhone } from '../phone.ts';
import { defaultGroup, roleValues } from '../roles/roles.service.ts';
import { fieldDefinitionsRepository, stakeholderGroupsRepository } from '../settings/settings.repository.ts';
import { initialStage, stagesOf } from '../roles/stages.ts';

/**
 * Bulk writes of the parties module, for imports and generated demo data.
 *
 * `bulkUpsertParties(trx, who, rows, { upsertKey })` writes many parties (with their roles and
 * employment) in the caller's transaction with multi-row inserts, keeping the same derived columns
 * as the single-record path (search text and grams, name key, E.164 phones), the same history
 * entries (role started, stage/level/phase, owner) and one audit row for the whole call.
 *
 * - `rows` are `createPartySchema` values (validate them first); `externalId` is optional.
 * - `who`: a request context (role rules apply: employee/candidate roles need HR or admin, and an
 *   upsert only updates parties the actor may change) or an `AuditWho` such as `systemWho(orgId)`
 *   (trusted: no role rules).
 * - `upsertKey`: with 'externalId', 'email' (the row's first email) or 'phone' (its first phone), a
 *   row whose key names an existing party updates it (given fields replace, given roles are started
 *   or changed, other roles stay); otherwise it creates. Without it every row creates. Rows with the
 *   same key in one call apply in order (the later one updates what the earlier one wrote).
 * - Problems of one row (bad phone, unknown owner, stage, group, org unit or custom field, a key
 *   matching two parties, an external id in use) fail that row only: `results[i]` says what
 *   happened to `rows[i]`; the other rows are written.
 * Returns the created ids, the updated ids with a snapshot taken before the update (for undo), and
 * a result per row.
 */
export type {
  BulkPartiesOutcome,
  BulkPartyInput,
  BulkPartyResult,
  PartySnapshot,
  RowFailure,
  UpsertKey,
  Who,
} from './bulk-types.ts';

const tracked: [HistoryField, keyof PartyRoleRow][] = [
  ['stage', 'stage'],
  ['level', 'level'],
  ['target_level', 'target_level'],
  ['phase', 'phase'],
];

interface Prepared {
  index: number;
  input: BulkPartyInput;
  key: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
}

/** The snapshot of a party row without its derived columns. */
const snapshotOf = (p: PartyRow, roles: PartyRoleRow[]): PartySnapshot => {
  const { search_text: _t, search_grams: _g, name_key: _k, ...party } = p;
  return { party, roles };
};

export async function bulkUpsertParties(
  trx: Db,
  who: Who,
  rows: BulkPartyInput[],
  opts: { upsertKey?: UpsertKey | undefined } = {},
): Promise<BulkPartiesOutcome> {
  const w = auditWho(who);
  const orgId = w.orgId;
  const actor = 'actor' in who ? who.actor : null;
  const results: BulkPartyResult[] = new Array<BulkPartyResult>(rows.length);
  if (!rows.length) {
    return { created: [], updated: [], results };
  }

  // Reference data, once per call.
  const defs = await fieldDefinitionsRepository.active(trx, orgId);
  const anyRoles = rows.some((r) => r.roles?.length);
  if (anyRoles) {
    await stakeholderGroupsRepository.ensureDefaults(trx, orgId);
  }
  const groups = new Set(
    (
      await trx
        .selectFrom('stakeholder_group')
        .select('key')
        .where('org_id', '=', orgId)
        .where('active', '=', true)
        .execute()
    ).map((g) => g.key),
  );
  const userIds = unique(
    rows
      .flatMap((r) => [r.ownerId, r.backupOwnerId, ...(r.roles ?? []).map((x) => x.employment?.managerId)])
      .filter((v): v is string => Boolean(v)),
  );
  const users = new Set(
    userIds.length
      ? (
          await trx.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('id', 'in', userIds).execute()
        ).map((u) => u.id)
      : [],
  );
  const unitIds = unique(
    rows.flatMap((r) => (r.roles ?? []).map((x) => x.employment?.orgUnitId)).filter((v): v is string => Boolean(v)),
  );
  const units = new Set(
    unitIds.length
      ? (
          await trx.selectFrom('org_unit').select('id').where('org_id', '=', orgId).where('id', 'in', unitIds).execute()
        ).map((u) => u.id)
      : [],
  );

  // Per-row checks that need no party: phones, references, roles.
  const prepared: Prepared[] = [];
  rows.forEach((input, index) => {
    try {
      const phones: string[] = [];
      (input.phones ?? []).forEach((raw, i) => {
        const n = normalizePhone(raw);
        if (n === null) {
          throw new RowError('invalid_phone', 'Not a phone number', ['phones', i]);
        }
        if (!phones.includes(n)) {
          phones.push(n);
        }
      });
      for (const field of ['ownerId', 'backupOwnerId'] as const) {
        const id = input[field];
        if (id && !users.has(id)) {
          throw new RowError('unknown_reference', 'No such user', [field]);
        }
      }
      (input.roles ?? []).forEach((r, i) => {
        if (actor && (r.role === 'employee' || r.role === 'candidate') && !hasRole(actor, 'hr', 'admin')) {
          throw new RowError('forbidden', 'Only HR and admins manage employee and candidate roles', [
            'roles',
            i,
            'role',
          ]);
        }
        if (r.stage !== undefined && !stagesOf(r.role).includes(r.stage)) {
          throw new RowError('unknown_stage', `Unknown stage for a ${r.role}; stages: ${stagesOf(r.role).join(', ')}`, [
            'roles',
            i,
            'stage',
          ]);
        }
        if (r.stakeholderGroup && !groups.has(r.stakeholderGroup)) {
          throw new RowError('unknown_reference', 'No such stakeholder group (see /api/stakeholder-groups)', [
            'roles',
            i,
            'stakeholderGroup',
          ]);
        }
        const e = r.employment;
        if (e && r.role !== 'employee' && r.role !== 'candidate') {
          throw new RowError('not_allowed', 'Only employee and candidate roles carry employment', [
            'roles',
            i,
            'employment',
          ]);
        }
        if (e?.orgUnitId && !units.has(e.orgUnitId)) {
          throw new RowError('unknown_reference', 'No such org unit', ['roles', i, 'employment', 'orgUnitId']);
        }
        if (e?.managerId && !users.has(e.managerId)) {
          throw new RowError('unknown_reference', 'No such user', ['roles', i, 'employment', 'managerId']);
        }
      });
      const emails = unique(input.emails ?? []);
      let key: string | null = null;
      if (opts.upsertKey) {
        key =
          opts.upsertKey === 'externalId'
            ? (input.externalId ?? null)
            : opts.upsertKey === 'email'
              ? (emails[0] ?? null)
              : (phones[0] ?? null);
        if (!key) {
          throw new RowError('missing_key', `The upsert key (${opts.upsertKey}) is empty`, [
            opts.upsertKey === 'externalId' ? 'externalId' : opts.upsertKey === 'email' ? 'emails' : 'phones',
          ]);
        }
      }
      prepared.push({ index, input, key, emails, phones, tags: unique(input.tags ?? []) });
    } catch (err) {
      results[index] = failure(err);
    }
  });

  // Rows sharing a key apply in order: each round takes the first pending row of every key.
  let pending = prepared;
  const created: string[] = [];
  const updated: { id: string; before: PartySnapshot }[] = [];
  while (pending.length) {
    const seen = new Set<string>();
    const round: Prepared[] = [];
    const later: Prepared[] = [];
    for (const p of pending) {
      const k = p.key ?? p.input.externalId ?? null;
      if (k !== null && seen.has(k)) {
        later.push(p);
      } else {
        if (k !== null) {
          seen.add(k);
        }
        round.push(p);
      }
    }
    await writeRound(trx, w, actor, round, defs, opts.upsertKey, results, created, updated);
    pending = later;
  }

  await recordAudit(trx, w, {
    action: 'bulk_upsert',
    entityType: 'party',
    entityId: null,
    after: {
      created: created.length,
      updated: updated.length,
      failed: results.filter((r) => r.action === 'failed').length,
      createdIds: created.slice(0, 1000),
      updatedIds: updated.slice(0, 1000).map((u) => u.id),
    },
  });
  return { created, updated, results };
}

async function writeRound(
  trx: Db,
  w: AuditWho,
  actor: RequestContext['actor'] | null,
  round: Prepared[],
  defs: Awaited<ReturnType<typeof fieldDefinitionsRepository.active>>,
  upsertKey: UpsertKey | undefined,
  results: BulkPartyResult[],
  created: string[],
  updated: { id: string; before: PartySnapshot }[],
) {
  const orgId = w.orgId;
  const now = new Date();
  // Existing parties named by the keys (upsert) or holding the external ids (create).
  const keys = unique(round.map((p) => p.key).filter((k): k is string => k !== null));
  const externalIds = unique(round.map((p) => p.input.externalId).filter((k): k is string => Boolean(k)));
  const visibility = actor && !hasRole(actor, 'admin') ? await partiesRepository.visibility(trx, orgId) : null;
  const writable = actor && visibility ? sql<boolean>`${canSeeFull(actor, visibility, 'write')}` : sql<boolean>`true`;
  const matchQuery = () =>
    trx.selectFrom('party as p').selectAll('p').select(writable.as('writable')).where('p.org_id', '=', orgId);
  let matches: (PartyRow & { writable: boolean })[] = [];
  if (upsertKey === 'externalId' && keys.length) {
    matches = await matchQuery().where('p.external_id', 'in', keys).execute();
  } else if (upsertKey === 'email' && keys.length) {
    matches = await matchQuery()
      .where('p.deleted_at', 'is', null)
      .where('p.merged_into_id', 'is', null)
      .where(sql<boolean>`p.id = any(${partiesHolding(keys, [])})`)
      .execute();
  } else if (upsertKey === 'phone' && keys.length) {
    matches = await matchQuery()
      .where('p.deleted_at', 'is', null)
      .where('p.merged_into_id', 'is', null)
      .where(sql<boolean>`p.id = any(${partiesHolding([], keys)})`)
      .execute();
  }
  const byKey = new Map<string, (PartyRow & { writable: boolean })[]>();
  for (const m of matches) {
    const ks = upsertKey === 'externalId' ? [m.external_id ?? ''] : upsertKey === 'email' ? m.emails : m.phones;
    for (const k of ks) {
      byKey.set(k, [...(byKey.get(k) ?? []), m]);
    }
  }
  const heldExternal = new Map<string, string>();
  if (externalIds.length) {
    for (const r of await trx
      .selectFrom('party')
      .select(['id', 'external_id'])
      .where('org_id', '=', orgId)
      .where('external_id', 'in', externalIds)
      .execute()) {
      heldExternal.set(r.external_id ?? '', r.id);
    }
  }
  const targetIds = unique(matches.map((m) => m.id));
  const roleRows = targetIds.length
    ? await trx
        .selectFrom('party_role')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('party_id', 'in', targetIds)
        .execute()
    : [];

  // Updates are set-based too: one statement per round for the parties, one for their roles (given fields replace, others stay).
  const partyUpdates: Record<string, unknown>[] = [];
  const roleUpdates: Record<string, unknown>[] = [];
  const pendingIds = new Set<string>();
  const flushUpdates = async () => {
    await updateParties(trx, orgId, partyUpdates, now);
    await updateRoles(trx, orgId, roleUpdates, now);
    partyUpdates.length = 0;
    roleUpdates.length = 0;
    pendingIds.clear();
  };
  const newParties: Insertable<PartyTable>[] = [];
  const newRoles: Insertable<PartyRoleTable>[] = [];
  const history: Insertable<PartyHistoryTable>[] = [];
  const base = (partyId: string, role: PartyRoleName | null) => ({
    org_id: orgId,
    party_id: partyId,
    role,
    reason: null,
    actor_id: w.actorId,
  });
  const ownerHistory = (partyId: string, before: PartyRow | null, owner: string | null, backup: string | null) => {
    if ((before?.owner_id ?? null) !== owner) {
      history.push({ ...base(partyId, null), field: 'owner', from_value: before?.owner_id ?? null, to_value: owner });
    }
    if ((before?.backup_owner_id ?? null) !== backup) {
      history.push({
        ...base(partyId, null),
        field: 'backup_owner',
        from_value: before?.backup_owner_id ?? null,
        to_value: backup,
      });
    }
  };
  const addRole = (partyId: string, r: NonNullable<BulkPartyInput['roles']>[number]) => {
    const { role, ...rest } = r;
    const row = {
      org_id: orgId,
      id: randomUUID(),
      party_id: partyId,
      role,
      stage: initialStage(role),
      stakeholder_group: defaultGroup[role] ?? null,
      level: null,
      target_level: null,
      phase: null,
      ...roleValues(rest),
      started_at: now,
      updated_at: now,
    } as Insertable<PartyRoleTable> & {
      stage: string;
      level: string | null;
      target_level: string | null;
      phase: string | null;
    };
    newRoles.push(row);
    history.push({ ...base(partyId, role), field: 'role', from_value: null, to_value: role });
    for (const [field, col] of tracked) {
      const to = (row as Record<string, unknown>)[col] as string | null;
      if (to !== null && to !== undefined) {
        history.push({ ...base(partyId, role), field, from_value: null, to_value: to });
      }
    }
  };

  for (const p of round) {
    const { input } = p;
    try {
      const found =
        p.key !== null
          ? unique((byKey.get(p.key) ?? []).map((m) => m.id)).map(
              (id) => matches.find((m) => m.id === id) as PartyRow & { writable: boolean },
            )
          : [];
      if (found.length > 1) {
        throw new RowError(
          'ambiguous_match',
          `${found.length} parties match this ${upsertKey}; merge them first or use another key`,
          [upsertKey === 'externalId' ? 'externalId' : upsertKey === 'email' ? 'emails' : 'phones'],
        );
      }
      const target = found[0];
      const holder = input.externalId ? heldExternal.get(input.externalId) : undefined;
      if (holder && holder !== target?.id) {
        throw new RowError('duplicate_external_id', 'Another party has this external id', ['externalId']);
      }
      if (!target) {
        const id = randomUUID();
        const custom = validateCustom(defs, input.custom ?? {}, input.custom ?? {});
        const owner = input.ownerId === undefined ? w.actorId : input.ownerId;
        const values = {
          displayName: input.displayName,
          givenName: input.givenName ?? null,
          familyName: input.familyName ?? null,
          emails: p.emails,
          phones: p.phones,
          tags: p.tags,
        };
        newParties.push({
          ...newPartyRow(orgId, input, values, custom, owner, w.actorId),
          id,
          created_at: now,
          updated_at: now,
        });
        if (input.externalId) {
          heldExternal.set(input.externalId, id);
        }
        ownerHistory(id, null, owner, input.backupOwnerId ?? null);
        for (const r of input.roles ?? []) {
          addRole(id, r);
        }
        results[p.index] = { action: 'created', id };
        created.push(id);
        continue;
      }
      if (target.merged_into_id) {
        throw new RowError('merged', `The matching party was merged into ${target.merged_into_id}`, ['externalId']);
      }
      if (!target.writable) {
        throw new RowError('forbidden', 'A party with this key exists but you may not change it', [
          upsertKey === 'externalId' ? 'externalId' : upsertKey === 'email' ? 'emails' : 'phones',
        ]);
      }
      const before = snapshotOf(
        target,
        roleRows.filter((r) => r.party_id === target.id),
      );
      const merged = {
        displayName: input.displayName,
        givenName: input.givenName === undefined ? target.given_name : input.givenName,
        familyName: input.familyName === undefined ? target.family_name : input.familyName,
        emails: input.emails ? p.emails : target.emails,
        phones: input.phones ? p.phones : target.phones,
        tags: input.tags ? p.tags : target.tags,
      };
      const values: PartyUpdate = {
        kind: input.kind,
        display_name: merged.displayName,
        given_name: merged.givenName,
        family_name: merged.familyName,
        emails: merged.emails,
        phones: merged.phones,
        tags: merged.tags,
        deleted_at: null,
        ...derivedColumns(merged),
      };
      if (input.externalId !== undefined) {
        values.external_id = input.externalId;
      }
      if (input.birthday !== undefined) {
        values.birthday = input.birthday;
      }
      if (input.gender !== undefined) {
        values.gender = input.gender;
      }
      if (input.address !== undefined) {
        values.address = input.address ? JSON.stringify(input.address) : null;
      }
      if (input.locale !== undefined) {
        values.locale = input.locale;
      }
      if (input.ownerId !== undefined) {
        values.owner_id = input.ownerId;
      }
      if (input.backupOwnerId !== undefined) {
        values.backup_owner_id = input.backupOwnerId;
      }
      if (input.profile !== undefined) {
        values.profile = JSON.stringify(mergeProfile(target.profile, input.profile));
      }
      if (input.custom !== undefined) {
        values.custom = JSON.stringify(validateCustom(defs, input.custom, { ...target.custom, ...input.custom }));
      }
      if (pendingIds.has(target.id)) {
        // A second row for the same party in this round (two keys naming it): the first row's update goes first.
        await flushUpdates();
      }
      pendingIds.add(target.id);
      partyUpdates.push({ id: target.id, ...values });
      ownerHistory(
        target.id,
        target,
        values.owner_id === undefined ? target.owner_id : values.owner_id,
        values.backup_owner_id === undefined ? target.backup_owner_id : values.backup_owner_id,
      );
      for (const r of input.roles ?? []) {
        const current = before.roles.find((x) => x.role === r.role && !x.ended_at);
        if (!current) {
          addRole(target.id, r);
          continue;
        }
        const { role, ...rest } = r;
        const change = roleValues(rest);
        roleUpdates.push({ id: current.id, ...change });
        for (const [field, col] of tracked) {
          const from = current[col] as string | null;
          const to = (col in change ? (change as Record<string, unknown>)[col] : current[col]) as string | null;
          if (from !== to) {
            history.push({ ...base(target.id, role), field, from_value: from, to_value: to });
          }
        }
      }
      results[p.index] = { action: 'updated', id: target.id, before };
      updated.push({ id: target.id, before });
    } catch (err) {
      results[p.index] = failure(err);
    }
  }
  await flushUpdates();
  await insertMany(trx, 'party', newParties);
  await insertColumns(trx, 'party_role', newRoles);
  await insertColumns(trx, 'party_history', history);
}
