import type { Expression, Insertable, SqlBool } from 'kysely';
import type { AuditWho } from '../../../platform/audit/audit.ts';
import { phaseClock, timed } from '../../../platform/bulk/phases.ts';
import { timeOrderedId } from '../../../platform/db/ids.ts';
import { RowError, rowFailure } from '../../../platform/bulk/row-failure.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { HistoryField, PartyRoleName } from '../constants.ts';
import type {
  FieldDefinitionRow,
  PartyHistoryTable,
  PartyRoleRow,
  PartyRoleTable,
  PartyRow,
  PartyTable,
} from '../parties.tables.ts';
import { newPartyRow, partyUpdateValues, unique } from '../party-input.ts';
import { defaultGroup, roleValues } from '../roles/role-values.ts';
import { initialStage } from '../roles/stages.ts';
import { validateCustom } from '../settings/custom-fields.ts';
import {
  copyNewParties,
  externalIdHolders,
  insertColumns,
  insertMany,
  matchPartiesByKey,
  rolesOfParties,
  updateParties,
  updateRoles,
} from './bulk.repository.ts';
import { keyField, type Prepared } from './prepare.ts';
import type { BulkPartyInput, BulkPartyResult, Match, PartySnapshot, UpsertKey } from './types.ts';

const tracked: [HistoryField, keyof PartyRoleRow][] = [
  ['stage', 'stage'],
  ['level', 'level'],
  ['target_level', 'target_level'],
  ['phase', 'phase'],
];

/** The snapshot of a party row without its derived columns. */
const snapshotOf = (p: PartyRow, roles: PartyRoleRow[]): PartySnapshot => {
  const { search_text: _t, search_grams: _g, name_key: _k, ...party } = p;
  return { party, roles };
};

export interface RoundContext {
  trx: Db;
  w: AuditWho;
  /** The caller's write condition over alias `p`; null for a trusted caller. */
  writable: Expression<SqlBool> | null;
  defs: FieldDefinitionRow[];
  upsertKey: UpsertKey | undefined;
  results: BulkPartyResult[];
  created: string[];
  updated: { id: string; before: PartySnapshot }[];
}

/** The roles and history rows a round collects: roles started or changed, and every tracked change. */
function historyCollector(orgId: string, actorId: string | null, now: Date) {
  const newRoles: Insertable<PartyRoleTable>[] = [];
  const roleUpdates: Record<string, unknown>[] = [];
  const history: Insertable<PartyHistoryTable>[] = [];
  // One shape for every entry (a literal, not spreads: tens of thousands of them per batch of a large import).
  const entry = (
    partyId: string,
    role: PartyRoleName | null,
    field: HistoryField,
    from: string | null,
    to: string | null,
  ): Insertable<PartyHistoryTable> => ({
    org_id: orgId,
    id: timeOrderedId(),
    party_id: partyId,
    role,
    field,
    from_value: from,
    to_value: to,
    reason: null,
    actor_id: actorId,
  });

  function addRole(partyId: string, r: NonNullable<BulkPartyInput['roles']>[number]) {
    const { role, ...rest } = r;
    const row = {
      org_id: orgId,
      id: timeOrderedId(),
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
    } as Insertable<PartyRoleTable> & Record<string, unknown>;
    newRoles.push(row);
    history.push(entry(partyId, role, 'role', null, role));
    for (const [field, col] of tracked) {
      const to = row[col] as string | null | undefined;
      if (to !== null && to !== undefined) {
        history.push(entry(partyId, role, field, null, to));
      }
    }
  }

  return {
    newRoles,
    roleUpdates,
    history,
    addRole,
    owners(partyId: string, before: PartyRow | null, owner: string | null, backup: string | null) {
      if ((before?.owner_id ?? null) !== owner) {
        history.push(entry(partyId, null, 'owner', before?.owner_id ?? null, owner));
      }
      if ((before?.backup_owner_id ?? null) !== backup) {
        history.push(entry(partyId, null, 'backup_owner', before?.backup_owner_id ?? null, backup));
      }
    },
    /** Given roles of an existing party: a current one changes (given fields replace), a missing one starts. */
    roles(partyId: string, before: PartySnapshot, roles: BulkPartyInput['roles']) {
      for (const r of roles ?? []) {
        const current = before.roles.find((x) => x.role === r.role && !x.ended_at);
        if (!current) {
          addRole(partyId, r);
          continue;
        }
        const { role, ...rest } = r;
        const change = roleValues(rest) as Record<string, unknown>;
        roleUpdates.push({ id: current.id, ...change });
        for (const [field, col] of tracked) {
          const from = current[col] as string | null;
          const to = (col in change ? change[col] : current[col]) as string | null;
          if (from !== to) {
            history.push(entry(partyId, role, field, from, to));
          }
        }
      }
    },
  };
}

/** What one round writes: new rows and history collected in memory, updates sent a statement at a time. */
function roundWriter(c: RoundContext, now: Date) {
  const orgId = c.w.orgId;
  const newParties: Insertable<PartyTable>[] = [];
  const partyUpdates: Record<string, unknown>[] = [];
  const pendingIds = new Set<string>();
  const h = historyCollector(orgId, c.w.actorId, now);

  async function flushUpdates() {
    await updateParties(c.trx, orgId, partyUpdates, now);
    await updateRoles(c.trx, orgId, h.roleUpdates, now);
    partyUpdates.length = 0;
    h.roleUpdates.length = 0;
    pendingIds.clear();
  }

  return {
    /** A new party's row (its roles and history collected), not yet queued for the COPY. */
    build(p: Prepared): { id: string; row: Insertable<PartyTable> } {
      const { input } = p;
      const id = timeOrderedId();
      const custom = validateCustom(c.defs, input.custom ?? {}, input.custom ?? {});
      const owner = input.ownerId === undefined ? c.w.actorId : input.ownerId;
      const values = {
        displayName: input.displayName,
        givenName: input.givenName ?? null,
        familyName: input.familyName ?? null,
        emails: p.emails,
        phones: p.phones,
        tags: p.tags,
      };
      const row = {
        ...newPartyRow(orgId, input, values, custom, owner, c.w.actorId),
        id,
        created_at: now,
        updated_at: now,
      };
      h.owners(id, null, owner, input.backupOwnerId ?? null);
      for (const r of input.roles ?? []) {
        h.addRole(id, r);
      }
      return { id, row };
    },

    /** Queues a built party for `finish`. */
    queue(row: Insertable<PartyTable>) {
      newParties.push(row);
    },

    async update(p: Prepared, target: PartyRow, before: PartySnapshot) {
      const { input } = p;
      const values = {
        ...partyUpdateValues(target, input, input.phones ? p.phones : undefined, c.defs),
        deleted_at: null,
      };
      if (pendingIds.has(target.id)) {
        // A second row for the same party in this round (two keys naming it): the first row's update goes first.
        await flushUpdates();
      }
      pendingIds.add(target.id);
      partyUpdates.push({ id: target.id, ...values });
      const owner = values.owner_id === undefined ? target.owner_id : values.owner_id;
      const backup = values.backup_owner_id === undefined ? target.backup_owner_id : values.backup_owner_id;
      h.owners(target.id, target, owner, backup);
      h.roles(target.id, before, input.roles);
    },

    async finish() {
      await flushUpdates();
      await timed('copy party', () => insertMany(c.trx, 'party', newParties));
      await timed('copy role', () => insertColumns(c.trx, 'party_role', h.newRoles));
      await timed('copy history', () => insertColumns(c.trx, 'party_history', h.history));
    },

    /** A round of new parties only: each is built when the COPY asks for it, then its roles and history follow. */
    async finishBuilt(parties: Iterable<Insertable<PartyTable>>) {
      await timed('copy party', () => copyNewParties(c.trx, parties));
      await timed('copy role', () => insertColumns(c.trx, 'party_role', h.newRoles));
      await timed('copy history', () => insertColumns(c.trx, 'party_history', h.history));
    },
  };
}

/** The one party a row's key names (several: the row fails), checked against the external ids in use and access. */
function targetOf(p: Prepared, c: RoundContext, byKey: Map<string, Match[]>, held: Map<string, string>) {
  const found = p.key !== null ? [...new Map((byKey.get(p.key) ?? []).map((m) => [m.id, m])).values()] : [];
  if (found.length > 1) {
    const msg = `${found.length} parties match this ${c.upsertKey}; merge them first or use another key`;
    throw new RowError('ambiguous_match', msg, [keyField(c.upsertKey)]);
  }
  const target = found[0];
  const holder = p.input.externalId ? held.get(p.input.externalId) : undefined;
  if (holder && holder !== target?.id) {
    throw new RowError('duplicate_external_id', 'Another party has this external id', ['externalId']);
  }
  if (target?.merged_into_id) {
    throw new RowError('merged', `The matching party was merged into ${target.merged_into_id}`, ['externalId']);
  }
  if (target && !target.writable) {
    throw new RowError('forbidden', 'A party with this key exists but you may not change it', [keyField(c.upsertKey)]);
  }
  return target;
}

/** Writes one round: rows whose keys are distinct, so each names at most one party not touched earlier in the round. */
export async function writeRound(c: RoundContext, round: Prepared[]): Promise<void> {
  const orgId = c.w.orgId;
  const keys = unique(round.map((p) => p.key).filter((k): k is string => k !== null));
  const externalIds = unique(round.map((p) => p.input.externalId).filter((k): k is string => Boolean(k)));
  const { matches, held, roleRows } = await timed('lookup', async () => {
    const matches = c.upsertKey ? await matchPartiesByKey(c.trx, orgId, c.upsertKey, keys, c.writable) : [];
    const held = await externalIdHolders(c.trx, orgId, externalIds);
    const roleRows = await rolesOfParties(c.trx, orgId, unique(matches.map((m) => m.id)));
    return { matches, held, roleRows };
  });
  const byKey = new Map<string, Match[]>();
  for (const m of matches) {
    const ks = c.upsertKey === 'externalId' ? [m.external_id ?? ''] : c.upsertKey === 'email' ? m.emails : m.phones;
    for (const k of ks) {
      byKey.set(k, [...(byKey.get(k) ?? []), m]);
    }
  }
  const writer = roundWriter(c, new Date());
  const build = phaseClock('build');
  /** A new party for the row: built, its external id taken, its result recorded; returns its row. */
  const create = (p: Prepared) =>
    build.run(() => {
      const made = writer.build(p);
      if (p.input.externalId) {
        held.set(p.input.externalId, made.id);
      }
      c.results[p.index] = { action: 'created', id: made.id };
      c.created.push(made.id);
      return made.row;
    });
  if (!matches.length) {
    // No row names an existing party (a first import, or no upsert key): every row creates or fails, and each party
    // is built as the COPY streams the ones before it to the server, so building and inserting overlap.
    const built = function* () {
      for (const p of round) {
        let row: Insertable<PartyTable> | null = null;
        try {
          targetOf(p, c, byKey, held);
          row = create(p);
        } catch (err) {
          c.results[p.index] = rowFailure(err);
        }
        if (row) {
          yield row;
        }
      }
    };
    await writer.finishBuilt(built());
    build.publish();
    return;
  }
  for (const p of round) {
    try {
      const target = targetOf(p, c, byKey, held);
      if (!target) {
        writer.queue(create(p));
        continue;
      }
      const before = snapshotOf(
        target,
        roleRows.filter((r) => r.party_id === target.id),
      );
      await writer.update(p, target, before);
      c.results[p.index] = { action: 'updated', id: target.id, before };
      c.updated.push({ id: target.id, before });
    } catch (err) {
      c.results[p.index] = rowFailure(err);
    }
  }
  build.publish();
  await writer.finish();
}
