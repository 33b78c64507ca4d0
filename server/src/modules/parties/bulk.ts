import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit, whoOf, type AuditWho } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CreateInteraction } from './activity.schema.ts';
import type { HistoryField, PartyRoleName } from './constants.ts';
import { validateCustom } from './custom-fields.ts';
import { canSeeFull } from './parties.access.ts';
import { partiesRepository } from './parties.repository.ts';
import type { CreateParty } from './parties.schema.ts';
import type { InteractionTable, PartyHistoryTable, PartyRoleRow, PartyRoleTable, PartyRow, PartyTable, PartyUpdate } from './parties.tables.ts';
import { derivedColumns, mergeProfile, unique } from './party-input.ts';
import { normalizePhone } from './phone.ts';
import { defaultGroup, roleValues } from './roles.service.ts';
import { fieldDefinitionsRepository, stakeholderGroupsRepository } from './settings.repository.ts';
import { initialStage, stagesOf } from './stages.ts';

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
export type UpsertKey = 'externalId' | 'email' | 'phone';
export type BulkPartyInput = CreateParty;

/** A party as it was before a bulk update: its columns and its roles (current and ended). */
export interface PartySnapshot {
  party: Omit<PartyRow, 'search_text' | 'search_grams' | 'name_key'>;
  roles: PartyRoleRow[];
}

export interface RowFailure {
  action: 'failed';
  code: string;
  message: string;
  /** The input field, e.g. ['phones', 1] or ['roles', 0, 'stage']. */
  path: (string | number)[];
}
export type BulkPartyResult = { action: 'created'; id: string } | { action: 'updated'; id: string; before: PartySnapshot } | RowFailure;

export interface BulkPartiesOutcome {
  created: string[];
  updated: { id: string; before: PartySnapshot }[];
  results: BulkPartyResult[];
}

type Who = RequestContext | AuditWho;
const auditWho = (who: Who): AuditWho => ('actor' in who ? whoOf(who) : who);

class RowError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

const failure = (err: unknown): RowFailure => {
  if (err instanceof RowError) {
    return { action: 'failed', code: err.code, message: err.message, path: err.path };
  }
  if (err instanceof AppError) {
    const first = (err.details as { path?: (string | number)[]; code?: string }[] | undefined)?.[0];
    return { action: 'failed', code: first?.code ?? err.code.toLowerCase(), message: err.message, path: (first?.path ?? []).filter((p) => p !== 'body') };
  }
  throw err;
};

// PostgreSQL takes at most 65535 parameters per statement; PGlite's protocol parser fails above
// about 32k (it reads the count as a signed 16-bit number), so stay well under both.
function chunks<T>(xs: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(30000 / columns));
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) {
    out.push(xs.slice(i, i + size));
  }
  return out;
}

async function insertMany<T extends 'party' | 'party_role' | 'party_history' | 'interaction'>(trx: Db, table: T, rows: Insertable<(PartyTable | PartyRoleTable | PartyHistoryTable | InteractionTable) & object>[]) {
  if (!rows.length) {
    return;
  }
  const columns = Object.keys(rows[0] as object).length;
  for (const part of chunks(rows, columns)) {
    await trx.insertInto(table).values(part as never).execute();
  }
}

/**
 * Ids of parties holding any of the emails or phones (stored forms: lower-case, E.164), as an array
 * subquery for `p.id = any(…)`. One GIN probe per key: given a whole 1000-key array with `&&`, the
 * planner misjudges it as matching most rows and scans the table, which grows with every batch.
 */
export const partiesHolding = (emails: string[], phones: string[]) =>
  sql`array(
    select x.id from unnest(${sql.val(emails)}::text[]) k(v) cross join lateral (select id from party where emails @> array[k.v]) x
    union
    select x.id from unnest(${sql.val(phones)}::text[]) k(v) cross join lateral (select id from party where phones @> array[k.v]) x)`;

/** Column types of the tables written through unnest: one array parameter per column instead of one parameter per value. */
const columnTypes = {
  party_history: { org_id: 'uuid', party_id: 'uuid', role: 'text', field: 'text', from_value: 'text', to_value: 'text', reason: 'text', actor_id: 'uuid' },
  party_role: {
    org_id: 'uuid', id: 'uuid', party_id: 'uuid', role: 'text', stage: 'text', stakeholder_group: 'text', level: 'text', target_level: 'text', phase: 'text',
    initiative_score: 'smallint', participation_score: 'smallint', employee_no: 'text', hire_date: 'date', org_unit_id: 'uuid', manager_id: 'uuid',
    job_title: 'text', career_track: 'text', grade: 'text', salary: 'numeric', exit_date: 'date', exit_reason: 'text', started_at: 'timestamptz', updated_at: 'timestamptz',
  },
} as const;

/** A multi-row insert as `insert … select from unnest(column arrays)`: the cheapest set-based insert after COPY, whatever the row count. */
async function insertColumns(trx: Db, table: keyof typeof columnTypes, rows: object[]) {
  if (!rows.length) {
    return;
  }
  const types: Record<string, string> = columnTypes[table];
  const cols = Object.keys(types);
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  const arrays = cols.map((c) => sql`${sql.val(rows.map((r) => value((r as Record<string, unknown>)[c])))}::${sql.raw(types[c] ?? 'text')}[]`);
  await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(trx);
}

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

export async function bulkUpsertParties(trx: Db, who: Who, rows: BulkPartyInput[], opts: { upsertKey?: UpsertKey | undefined } = {}): Promise<BulkPartiesOutcome> {
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
  const groups = new Set((await trx.selectFrom('stakeholder_group').select('key').where('org_id', '=', orgId).where('active', '=', true).execute()).map((g) => g.key));
  const userIds = unique(rows.flatMap((r) => [r.ownerId, r.backupOwnerId, ...(r.roles ?? []).map((x) => x.employment?.managerId)]).filter((v): v is string => Boolean(v)));
  const users = new Set(userIds.length ? (await trx.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('id', 'in', userIds).execute()).map((u) => u.id) : []);
  const unitIds = unique(rows.flatMap((r) => (r.roles ?? []).map((x) => x.employment?.orgUnitId)).filter((v): v is string => Boolean(v)));
  const units = new Set(unitIds.length ? (await trx.selectFrom('org_unit').select('id').where('org_id', '=', orgId).where('id', 'in', unitIds).execute()).map((u) => u.id) : []);

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
          throw new RowError('forbidden', 'Only HR and admins manage employee and candidate roles', ['roles', i, 'role']);
        }
        if (r.stage !== undefined && !stagesOf(r.role).includes(r.stage)) {
          throw new RowError('unknown_stage', `Unknown stage for a ${r.role}; stages: ${stagesOf(r.role).join(', ')}`, ['roles', i, 'stage']);
        }
        if (r.stakeholderGroup && !groups.has(r.stakeholderGroup)) {
          throw new RowError('unknown_reference', 'No such stakeholder group (see /api/stakeholder-groups)', ['roles', i, 'stakeholderGroup']);
        }
        const e = r.employment;
        if (e && r.role !== 'employee' && r.role !== 'candidate') {
          throw new RowError('not_allowed', 'Only employee and candidate roles carry employment', ['roles', i, 'employment']);
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
        key = opts.upsertKey === 'externalId' ? (input.externalId ?? null) : opts.upsertKey === 'email' ? (emails[0] ?? null) : (phones[0] ?? null);
        if (!key) {
          throw new RowError('missing_key', `The upsert key (${opts.upsertKey}) is empty`, [opts.upsertKey === 'externalId' ? 'externalId' : opts.upsertKey === 'email' ? 'emails' : 'phones']);
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
    after: { created: created.length, updated: updated.length, failed: results.filter((r) => r.action === 'failed').length, createdIds: created.slice(0, 1000), updatedIds: updated.slice(0, 1000).map((u) => u.id) },
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
  const matchQuery = () => trx.selectFrom('party as p').selectAll('p').select(writable.as('writable')).where('p.org_id', '=', orgId);
  let matches: (PartyRow & { writable: boolean })[] = [];
  if (upsertKey === 'externalId' && keys.length) {
    matches = await matchQuery().where('p.external_id', 'in', keys).execute();
  } else if (upsertKey === 'email' && keys.length) {
    matches = await matchQuery().where('p.deleted_at', 'is', null).where('p.merged_into_id', 'is', null).where(sql<boolean>`p.id = any(${partiesHolding(keys, [])})`).execute();
  } else if (upsertKey === 'phone' && keys.length) {
    matches = await matchQuery().where('p.deleted_at', 'is', null).where('p.merged_into_id', 'is', null).where(sql<boolean>`p.id = any(${partiesHolding([], keys)})`).execute();
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
    for (const r of await trx.selectFrom('party').select(['id', 'external_id']).where('org_id', '=', orgId).where('external_id', 'in', externalIds).execute()) {
      heldExternal.set(r.external_id ?? '', r.id);
    }
  }
  const targetIds = unique(matches.map((m) => m.id));
  const roleRows = targetIds.length ? await trx.selectFrom('party_role').selectAll().where('org_id', '=', orgId).where('party_id', 'in', targetIds).execute() : [];

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
  const base = (partyId: string, role: PartyRoleName | null) => ({ org_id: orgId, party_id: partyId, role, reason: null, actor_id: w.actorId });
  const ownerHistory = (partyId: string, before: PartyRow | null, owner: string | null, backup: string | null) => {
    if ((before?.owner_id ?? null) !== owner) {
      history.push({ ...base(partyId, null), field: 'owner', from_value: before?.owner_id ?? null, to_value: owner });
    }
    if ((before?.backup_owner_id ?? null) !== backup) {
      history.push({ ...base(partyId, null), field: 'backup_owner', from_value: before?.backup_owner_id ?? null, to_value: backup });
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
    } as Insertable<PartyRoleTable> & { stage: string; level: string | null; target_level: string | null; phase: string | null };
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
      const found = p.key !== null ? unique((byKey.get(p.key) ?? []).map((m) => m.id)).map((id) => matches.find((m) => m.id === id) as PartyRow & { writable: boolean }) : [];
      if (found.length > 1) {
        throw new RowError('ambiguous_match', `${found.length} parties match this ${upsertKey}; merge them first or use another key`, [upsertKey === 'externalId' ? 'externalId' : upsertKey === 'email' ? 'emails' : 'phones']);
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
        const values = { displayName: input.displayName, givenName: input.givenName ?? null, familyName: input.familyName ?? null, emails: p.emails, phones: p.phones, tags: p.tags };
        newParties.push({
          org_id: orgId,
          id,
          kind: input.kind,
          display_name: values.displayName,
          external_id: input.externalId ?? null,
          given_name: values.givenName,
          family_name: values.familyName,
          emails: values.emails,
          phones: values.phones,
          tags: values.tags,
          birthday: input.birthday ?? null,
          gender: input.gender ?? null,
          address: input.address ? JSON.stringify(input.address) : null,
          locale: input.locale ?? null,
          custom: JSON.stringify(custom),
          owner_id: owner,
          backup_owner_id: input.backupOwnerId ?? null,
          profile: JSON.stringify(mergeProfile(null, input.profile)),
          created_by: w.actorId,
          created_at: now,
          updated_at: now,
          ...derivedColumns(values),
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
        throw new RowError('forbidden', 'A party with this key exists but you may not change it', [upsertKey === 'externalId' ? 'externalId' : upsertKey === 'email' ? 'emails' : 'phones']);
      }
      const before = snapshotOf(target, roleRows.filter((r) => r.party_id === target.id));
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
      if (input.externalId !== undefined) { values.external_id = input.externalId; }
      if (input.birthday !== undefined) { values.birthday = input.birthday; }
      if (input.gender !== undefined) { values.gender = input.gender; }
      if (input.address !== undefined) { values.address = input.address ? JSON.stringify(input.address) : null; }
      if (input.locale !== undefined) { values.locale = input.locale; }
      if (input.ownerId !== undefined) { values.owner_id = input.ownerId; }
      if (input.backupOwnerId !== undefined) { values.backup_owner_id = input.backupOwnerId; }
      if (input.profile !== undefined) { values.profile = JSON.stringify(mergeProfile(target.profile, input.profile)); }
      if (input.custom !== undefined) { values.custom = JSON.stringify(validateCustom(defs, input.custom, { ...target.custom, ...input.custom })); }
      if (pendingIds.has(target.id)) {
        // A second row for the same party in this round (two keys naming it): the first row's update goes first.
        await flushUpdates();
      }
      pendingIds.add(target.id);
      partyUpdates.push({ id: target.id, ...values });
      ownerHistory(target.id, target, values.owner_id === undefined ? target.owner_id : values.owner_id, values.backup_owner_id === undefined ? target.backup_owner_id : values.backup_owner_id);
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

/** `case when e ? 'col' then (e->>'col')::type else p.col end`: a column that changes only when the update gives it. */
const given = (alias: string, col: string, type: string) => sql.raw(`${col} = case when e ? '${col}' then (e->>'${col}')::${type} else ${alias}.${col} end`);
const textArray = (col: string) => sql.raw(`${col} = array(select jsonb_array_elements_text(e->'${col}'))`);

/** Updates many parties in one statement; each entry carries the party id and the columns to set (PartyUpdate; json columns as JSON text). */
async function updateParties(trx: Db, orgId: string, rows: Record<string, unknown>[], now: Date) {
  if (!rows.length) {
    return;
  }
  const set = [
    sql.raw(`kind = e->>'kind', display_name = e->>'display_name', given_name = e->>'given_name', family_name = e->>'family_name', deleted_at = null`),
    sql.raw(`search_text = e->>'search_text', name_key = e->>'name_key'`),
    ...['emails', 'phones', 'tags', 'search_grams'].map(textArray),
    ...([['external_id', 'text'], ['birthday', 'date'], ['gender', 'text'], ['address', 'jsonb'], ['locale', 'text'], ['owner_id', 'uuid'], ['backup_owner_id', 'uuid'], ['profile', 'jsonb'], ['custom', 'jsonb']] as const).map(([c, t]) => given('p', c, t)),
  ];
  await sql`
    update party p set ${sql.join(set)}, updated_at = ${now}, version = p.version + 1
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) e
    where p.org_id = ${orgId} and p.id = (e->>'id')::uuid`.execute(trx);
}

const roleColumns: Record<string, string> = { ...columnTypes.party_role };
/** Updates many roles in one statement; each entry carries the role id and the columns roleValues gave. */
async function updateRoles(trx: Db, orgId: string, rows: Record<string, unknown>[], now: Date) {
  if (!rows.length) {
    return;
  }
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c !== 'id' && roleColumns[c]);
  const set = cols.map((c) => given('r', c, roleColumns[c] ?? 'text'));
  await sql`
    update party_role r set ${sql.join([...set, sql`updated_at = ${now}`, sql.raw('version = r.version + 1')])}
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) e
    where r.org_id = ${orgId} and r.id = (e->>'id')::uuid`.execute(trx);
}

/**
 * Restores parties to snapshots taken by `bulkUpsertParties` (undo of an import's updates): the
 * party's columns, its roles as they were, and roles started since removed. In the caller's transaction.
 */
export async function restorePartySnapshots(trx: Db, who: Who, snapshots: PartySnapshot[]): Promise<number> {
  const w = auditWho(who);
  let restored = 0;
  for (const s of snapshots) {
    const p = s.party;
    const searchable = { displayName: p.display_name, givenName: p.given_name, familyName: p.family_name, emails: p.emails, phones: p.phones, tags: p.tags };
    const res = await trx
      .updateTable('party')
      .set((eb) => ({
        kind: p.kind,
        display_name: p.display_name,
        external_id: p.external_id,
        given_name: p.given_name,
        family_name: p.family_name,
        emails: p.emails,
        phones: p.phones,
        tags: p.tags,
        birthday: p.birthday,
        gender: p.gender,
        address: p.address ? JSON.stringify(p.address) : null,
        locale: p.locale,
        custom: JSON.stringify(p.custom),
        owner_id: p.owner_id,
        backup_owner_id: p.backup_owner_id,
        profile: JSON.stringify(p.profile),
        deleted_at: p.deleted_at ? new Date(p.deleted_at) : null,
        ...derivedColumns(searchable),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('org_id', '=', w.orgId)
      .where('id', '=', p.id)
      .executeTakeFirst();
    if (!res.numUpdatedRows) {
      continue;
    }
    restored++;
    const keep = s.roles.map((r) => r.id);
    let gone = trx.deleteFrom('party_role').where('org_id', '=', w.orgId).where('party_id', '=', p.id);
    if (keep.length) {
      gone = gone.where('id', 'not in', keep);
    }
    await gone.execute();
    for (const r of s.roles) {
      const { org_id: _o, id, party_id: _p, created_at: _c, version: _v, started_at, ended_at, updated_at: _u, ...cols } = r;
      await trx
        .updateTable('party_role')
        .set((eb) => ({ ...cols, started_at: new Date(started_at), ended_at: ended_at ? new Date(ended_at) : null, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('org_id', '=', w.orgId)
        .where('id', '=', id)
        .execute();
    }
  }
  return restored;
}

export type BulkInteractionResult = { action: 'created'; id: string } | RowFailure;

/**
 * Inserts many interactions in one multi-row statement (plus one audit row) in the caller's
 * transaction. Each row's party must be live in the organisation (and, for a request context, one
 * the actor may change); `userId` defaults to the actor. Bad rows fail alone.
 */
export async function bulkInsertInteractions(trx: Db, who: Who, rows: CreateInteraction[]): Promise<{ created: string[]; results: BulkInteractionResult[] }> {
  const w = auditWho(who);
  const orgId = w.orgId;
  const actor = 'actor' in who ? who.actor : null;
  const results: BulkInteractionResult[] = new Array<BulkInteractionResult>(rows.length);
  if (!rows.length) {
    return { created: [], results };
  }
  const partyIds = unique(rows.map((r) => r.partyId));
  const visibility = actor && !hasRole(actor, 'admin') ? await partiesRepository.visibility(trx, orgId) : null;
  const writable = actor && visibility ? sql<boolean>`${canSeeFull(actor, visibility, 'write')}` : sql<boolean>`true`;
  const parties = new Map(
    (
      await trx
        .selectFrom('party as p')
        .select(['p.id', writable.as('writable')])
        .where('p.org_id', '=', orgId)
        .where('p.id', 'in', partyIds)
        .where('p.deleted_at', 'is', null)
        .where('p.merged_into_id', 'is', null)
        .execute()
    ).map((p) => [p.id, p.writable]),
  );
  const userIds = unique(rows.map((r) => r.userId).filter((v): v is string => Boolean(v)));
  const users = new Set(userIds.length ? (await trx.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('id', 'in', userIds).execute()).map((u) => u.id) : []);
  const now = new Date();
  const inserts: Insertable<InteractionTable>[] = [];
  const created: string[] = [];
  rows.forEach((r, i) => {
    const writableParty = parties.get(r.partyId);
    if (writableParty === undefined) {
      results[i] = { action: 'failed', code: 'unknown_reference', message: 'No such party', path: ['partyId'] };
    } else if (!writableParty) {
      results[i] = { action: 'failed', code: 'forbidden', message: 'You may not add interactions to this party', path: ['partyId'] };
    } else if (r.userId && !users.has(r.userId)) {
      results[i] = { action: 'failed', code: 'unknown_reference', message: 'No such user', path: ['userId'] };
    } else {
      const id = randomUUID();
      inserts.push({
        org_id: orgId,
        id,
        party_id: r.partyId,
        channel: r.channel,
        direction: r.direction,
        occurred_at: r.occurredAt ? new Date(r.occurredAt) : now,
        subject: r.subject,
        body: r.body ?? null,
        outcome: r.outcome ?? null,
        sentiment: r.sentiment ?? null,
        participants: JSON.stringify(r.participants ?? []),
        user_id: r.userId === undefined ? w.actorId : r.userId,
        created_at: now,
        updated_at: now,
      });
      created.push(id);
      results[i] = { action: 'created', id };
    }
  });
  await insertMany(trx, 'interaction', inserts);
  await recordAudit(trx, w, { action: 'bulk_create', entityType: 'interaction', entityId: null, after: { created: created.length, createdIds: created.slice(0, 1000) } });
  return { created, results };
}
