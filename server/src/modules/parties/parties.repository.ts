import { updateVersioned } from '../../platform/db/versioned.ts';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/types.ts';
import { organizationsRepository } from '../../platform/identity/organizations.repository.ts';
import { canRead, canSeeFull, inEmployeeCircle, visiblePartySet } from './parties.access.ts';
import type { ListPartiesQuery } from './parties.schema.ts';
import type { NewPartyRow, PartyRoleRow, PartyRow, PartyUpdate } from './parties.tables.ts';
import { fewVisible, idsUpTo } from '../../platform/db/count.ts';
import { paginateKeys, type SortKey } from '../../platform/db/keyset.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { normaliseQuery } from './names.ts';
import { looksLikePhone, phoneSearchTerms, wholePhone } from './phone.ts';

type Db = Kysely<Database>;
/**
 * A party row with what the actor may see of it; reads of a party or a page also bring its current roles and its
 * owners' names in the same statement (`joined`), so a read is one round trip.
 */
export type VisibleParty = PartyRow & {
  can_full: boolean;
  can_sensitive: boolean;
  joined?: { roles: PartyRoleRow[]; ownerName: string | null; backupOwnerName: string | null };
};

// A current role as JSON, column for column, with the values the driver would give: numeric as text (salary keeps
// its digits), dates as 'YYYY-MM-DD'; timestamps come back as ISO text and are made Dates again below.
const roleJson = sql`json_build_object(
  'org_id', r.org_id, 'id', r.id, 'party_id', r.party_id, 'role', r.role, 'stakeholder_group', r.stakeholder_group,
  'stage', r.stage, 'level', r.level, 'target_level', r.target_level, 'initiative_score', r.initiative_score,
  'participation_score', r.participation_score, 'target_quadrant', r.target_quadrant,
  'target_quadrant_by', r.target_quadrant_by, 'target_level_by', r.target_level_by, 'phase', r.phase,
  'employee_no', r.employee_no, 'hire_date', r.hire_date, 'org_unit_id', r.org_unit_id, 'manager_id', r.manager_id,
  'job_title', r.job_title, 'career_track', r.career_track, 'grade', r.grade, 'salary', r.salary::text,
  'exit_date', r.exit_date, 'exit_reason', r.exit_reason, 'started_at', r.started_at, 'ended_at', r.ended_at,
  'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version)`;
type RoleJson = Omit<PartyRoleRow, 'started_at' | 'ended_at' | 'created_at' | 'updated_at'> & {
  started_at: string;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
};
const ownerName = (column: 'p.owner_id' | 'p.backup_owner_id') =>
  sql<string | null>`(select u.display_name from app_user u where u.org_id = p.org_id and u.id = ${sql.ref(column)})`;
/** The current roles (oldest first, as `currentRoles` orders them) and the owners' names of the party `p`. */
const joinedColumns = [
  sql<RoleJson[]>`coalesce((select json_agg(${roleJson} order by r.started_at) from party_role r
    where r.org_id = p.org_id and r.party_id = p.id and r.ended_at is null), '[]'::json)`.as('current_roles'),
  ownerName('p.owner_id').as('owner_name'),
  ownerName('p.backup_owner_id').as('backup_owner_name'),
];
type JoinedRow = PartyRow & {
  can_full: boolean;
  can_sensitive: boolean;
  current_roles: RoleJson[];
  owner_name: string | null;
  backup_owner_name: string | null;
};
const fromJson = (r: RoleJson): PartyRoleRow => ({
  ...r,
  started_at: new Date(r.started_at),
  ended_at: r.ended_at === null ? null : new Date(r.ended_at),
  created_at: new Date(r.created_at),
  updated_at: new Date(r.updated_at),
});
function joined(row: JoinedRow): VisibleParty {
  const { current_roles, owner_name, backup_owner_name, ...party } = row;
  return {
    ...party,
    joined: { roles: current_roles.map(fromJson), ownerName: owner_name, backupOwnerName: backup_owner_name },
  };
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Search: 3+ characters match any substring of the search text (trigram GIN index, CJK included);
 * 1–2 characters match names and tags through the gram array (GIN) — 伟 finds 张伟 either way.
 * Phone-like input also matches the number in E.164 and as bare digits, whatever the format typed.
 */
export function searchCondition(q: string): Expression<SqlBool> {
  if (looksLikePhone(q)) {
    const full = wholePhone(q);
    // A whole number with its area or mobile prefix (10+ digits): an exact match on the stored E.164
    // form (GIN on phones), whatever format was typed.
    if (full && q.replace(/\D/g, '').length >= 10) {
      return sql<SqlBool>`p.phones @> array[${full}]::text[]`;
    }
    // Part of a number, or a local one: a digit substring of the search text (national digits are there too).
    const conds = phoneSearchTerms(q).map((term) => sql<SqlBool>`p.search_text like ${`%${likeEscape(term)}%`}`);
    return sql<SqlBool>`(${sql.join(conds, sql` or `)})`;
  }
  const n = normaliseQuery(q);
  return [...n].length <= 2
    ? sql<SqlBool>`p.search_grams @> array[${n}]::text[]`
    : sql<SqlBool>`p.search_text like ${`%${likeEscape(n)}%`}`;
}

/**
 * For a party the reader sees only in directory form, a search may match only directory fields (names, emails,
 * phones), never its tags: applied on top of searchCondition, which finds the candidates through the indexes.
 */
export function directorySearchMatch(q: string): Expression<SqlBool> {
  if (looksLikePhone(q)) {
    const terms = phoneSearchTerms(q).map((t) => `%${likeEscape(t)}%`);
    return sql<SqlBool>`exists (select 1 from unnest(p.phones) ph, unnest(${sql.val(terms)}::text[]) t where ph like t)`;
  }
  const pattern = `%${likeEscape(normaliseQuery(q))}%`;
  const fold = (e: Expression<unknown>) => sql`lower(normalize(${e}, NFKC))`;
  return sql<SqlBool>`(${fold(sql.ref('p.display_name'))} like ${pattern}
    or ${fold(sql`coalesce(p.family_name, '') || coalesce(p.given_name, '')`)} like ${pattern}
    or ${fold(sql`coalesce(p.given_name, '')`)} like ${pattern}
    or exists (select 1 from unnest(p.emails) e where lower(e) like ${pattern}))`;
}

/** A search the reader may make: any searchable field of fully visible parties, directory fields of the others. */
export function visibleSearch(actor: Actor, visibility: Visibility, q: string): Expression<SqlBool> {
  return sql<SqlBool>`(${searchCondition(q)} and (${canSeeFull(actor, visibility, 'read')} or ${directorySearchMatch(q)}))`;
}

const textArray = (xs: readonly string[]) => sql`${sql.val([...xs])}::text[]`;

const sortColumns = {
  displayName: { column: 'p.display_name', type: 'text', value: (r: PartyRow) => r.display_name },
  createdAt: { column: 'p.created_at', type: 'timestamptz', value: (r: PartyRow) => r.created_at },
  updatedAt: { column: 'p.updated_at', type: 'timestamptz', value: (r: PartyRow) => r.updated_at },
} as const;

/** `few`: the ids of the reader's visible parties when they are few (fewVisibleIds): read by key, then checked. */
function visibleQuery(db: Db, actor: Actor, visibility: Visibility, few: string[] | null = null) {
  return db
    .selectFrom('party as p')
    .selectAll('p')
    .select([
      sql<boolean>`${canSeeFull(actor, visibility, 'read')}`.as('can_full'),
      sql<boolean>`${inEmployeeCircle(actor)}`.as('can_sensitive'),
    ])
    .where('p.org_id', '=', actor.orgId)
    .where(() =>
      // The ids were read in an earlier statement: the condition still applies (a party reassigned in between drops out).
      few
        ? sql<SqlBool>`(p.id = any(${sql.val(few)}::uuid[]) and ${canRead(actor, visibility)})`
        : canRead(actor, visibility),
    );
}

/**
 * The parties a restricted reader may read (of those holding one of `roles`, when the list is filtered by role), when
 * there are at most fewVisible.max of them (parties.access.ts).
 */
function fewVisibleIds(
  db: Db,
  actor: Actor,
  visibility: Visibility,
  roles: readonly string[] | undefined,
): Promise<string[] | null> {
  const set = visiblePartySet(actor, visibility, 'read', true, roles);
  return set ? idsUpTo(db, set, fewVisible.max) : Promise.resolve(null);
}

export const partiesRepository = {
  /** The party holding an external id (deleted ones included: the id stays reserved). */
  byExternalId(db: Db, orgId: string, externalId: string): Promise<{ id: string } | undefined> {
    return db
      .selectFrom('party')
      .select('id')
      .where('org_id', '=', orgId)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
  },

  /** The organisation's customer visibility (held in memory between changes: platform/identity/org-settings.ts). */
  async visibility(db: Db, orgId: string): Promise<Visibility> {
    const v = (await organizationsRepository.settings(db, orgId))?.customerVisibility;
    return v === 'public_read' || v === 'public_read_write' ? v : 'private';
  },

  async list(db: Db, actor: Actor, visibility: Visibility, f: ListPartiesQuery): Promise<Page<VisibleParty>> {
    const roles = f.role?.length ? f.role : undefined;
    const few = await fewVisibleIds(db, actor, visibility, roles);
    let q = visibleQuery(db, actor, visibility, few).select(joinedColumns).where('p.merged_into_id', 'is', null);
    q = f.status === 'deleted' ? q.where('p.deleted_at', 'is not', null) : q.where('p.deleted_at', 'is', null);
    if (f.q) {
      q = q.where(() => visibleSearch(actor, visibility, f.q ?? ''));
    }
    const stages = f.stage?.length ? f.stage : undefined;
    const owners = f.ownerId?.length ? f.ownerId.map((o) => (o === 'me' ? actor.userId : o)) : undefined;
    const tags = f.tag?.length ? f.tag : undefined;
    if (roles || stages || f.level || f.stakeholderGroup) {
      // Ternaries, not `&&`: an empty filter (`?stage=`) would otherwise join the conditions as the value ''.
      // Several values of one filter match any of them, on the same current role (customer at new or loyal).
      const conds = [
        roles ? sql`r.role = any(${textArray(roles)})` : undefined,
        stages ? sql`r.stage = any(${textArray(stages)})` : undefined,
        f.level ? sql`r.level = ${f.level}` : undefined,
        f.stakeholderGroup ? sql`r.stakeholder_group = ${f.stakeholderGroup}` : undefined,
      ].filter((c) => c !== undefined);
      q = q.where(
        () =>
          sql<SqlBool>`exists (select 1 from party_role r where r.org_id = p.org_id and r.party_id = p.id and r.ended_at is null and ${sql.join(conds, sql` and `)})`,
      );
    }
    // Filters on what directory readers cannot see apply to fully visible parties only, so they leak nothing.
    if (stages || f.level || f.stakeholderGroup || tags || owners || f.status === 'deleted') {
      q = q.where(() => canSeeFull(actor, visibility, 'read'));
    }
    if (owners) {
      q = q.where('p.owner_id', 'in', owners);
    }
    if (tags) {
      q = q.where(() => sql<SqlBool>`p.tags && ${textArray(tags)}`);
    }
    if (f.kind?.length) {
      q = q.where('p.kind', 'in', f.kind);
    }
    if (f.ids?.length) {
      q = q.where('p.id', 'in', f.ids);
    }
    if (f.createdFrom) {
      q = q.where('p.created_at', '>=', new Date(f.createdFrom));
    }
    if (f.createdTo) {
      q = q.where('p.created_at', '<', new Date(f.createdTo));
    }
    const keys: SortKey<JoinedRow>[] = f.sort.map((k) => {
      const desc = k.startsWith('-');
      const col = sortColumns[(desc ? k.slice(1) : k) as keyof typeof sortColumns];
      return { ...col, desc };
    });
    // A search of 3+ characters is usually selective: let the trigram index find the matches, then sort. So are a
    // restricted reader's few parties: read by key, then sorted (walking the sort index, the planner would expect
    // them spread evenly through a million rows and, when the other filters leave fewer than a page, read them all).
    const collectFirst = Boolean(few) || (Boolean(f.q) && [...normaliseQuery(f.q ?? '')].length >= 3);
    const page = await paginateKeys(q, { limit: f.limit, cursor: f.cursor, keys, idColumn: 'p.id', collectFirst });
    return { items: page.items.map(joined), nextCursor: page.nextCursor };
  },

  /** A party the actor may read (deleted and merged ones included: the caller decides), with its roles and owners. */
  async findVisible(db: Db, actor: Actor, visibility: Visibility, id: string): Promise<VisibleParty | undefined> {
    const row = await visibleQuery(db, actor, visibility)
      .select(joinedColumns)
      .where('p.id', '=', id)
      .executeTakeFirst();
    return row && joined(row);
  },

  /** A party the actor may change, locked for the rest of the transaction. */
  findWritable(db: Db, actor: Actor, visibility: Visibility, id: string): Promise<PartyRow | undefined> {
    return db
      .selectFrom('party as p')
      .selectAll('p')
      .where('p.org_id', '=', actor.orgId)
      .where('p.id', '=', id)
      .where(() => canSeeFull(actor, visibility, 'write'))
      .forUpdate()
      .executeTakeFirst();
  },

  findById(db: Db, orgId: string, id: string): Promise<PartyRow | undefined> {
    return db.selectFrom('party').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  },

  insert(db: Db, row: NewPartyRow): Promise<PartyRow> {
    return db.insertInto('party').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** Conditional on the version the caller read; undefined when it changed or is gone. */
  update(db: Db, orgId: string, id: string, version: number, values: PartyUpdate): Promise<PartyRow | undefined> {
    return updateVersioned(db, 'party', orgId, id, version, values);
  },

  /** Unconditional change by a workflow that holds the row lock; role changes only move updated_at (the party's own fields are unchanged). */
  touch(db: Db, orgId: string, id: string, values: PartyUpdate = {}, bumpVersion = false): Promise<PartyRow> {
    return db
      .updateTable('party')
      .set((eb) => ({ ...values, updated_at: new Date(), ...(bumpVersion ? { version: eb('version', '+', 1) } : {}) }))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  currentRoles(db: Db, orgId: string, partyIds: string[]): Promise<PartyRoleRow[]> {
    if (!partyIds.length) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('party_role')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('party_id', 'in', partyIds)
      .where('ended_at', 'is', null)
      .orderBy('started_at')
      .execute();
  },

  /** Other live parties the actor may see that share an email or phone with `p`, or have a similar name. */
  duplicates(db: Db, actor: Actor, visibility: Visibility, p: PartyRow) {
    const byEmail = p.emails.length ? sql<boolean>`p.emails && ${sql.val(p.emails)}::text[]` : sql<boolean>`false`;
    const byPhone = p.phones.length ? sql<boolean>`p.phones && ${sql.val(p.phones)}::text[]` : sql<boolean>`false`;
    const byName = sql<boolean>`(p.name_key = ${p.name_key} or p.name_key % ${p.name_key})`;
    return visibleQuery(db, actor, visibility)
      .select([
        byEmail.as('same_email'),
        byPhone.as('same_phone'),
        byName.as('similar_name'),
        sql<number>`similarity(p.name_key, ${p.name_key})`.as('name_score'),
      ])
      .where('p.id', '<>', p.id)
      .where('p.deleted_at', 'is', null)
      .where('p.merged_into_id', 'is', null)
      .where(() => sql<SqlBool>`(${byEmail} or ${byPhone} or ${byName})`)
      .orderBy(sql`similarity(p.name_key, ${p.name_key})`, 'desc')
      .limit(20)
      .execute();
  },
};
