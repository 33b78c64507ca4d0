import { updateVersioned } from '../../platform/db/versioned.ts';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/types.ts';
import { canRead, canSeeFull, inEmployeeCircle } from './parties.access.ts';
import type { ListPartiesQuery } from './parties.schema.ts';
import type { NewPartyRow, PartyRoleRow, PartyRow, PartyUpdate } from './parties.tables.ts';
import { paginateKeys, type SortKey } from '../../platform/db/keyset.ts';
import { normaliseQuery } from './names.ts';
import { looksLikePhone, phoneSearchTerms, wholePhone } from './phone.ts';

type Db = Kysely<Database>;
/** A party row with what the actor may see of it. */
export type VisibleParty = PartyRow & { can_full: boolean; can_sensitive: boolean };

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

const sortColumns = {
  displayName: { column: 'p.display_name', type: 'text', value: (r: PartyRow) => r.display_name },
  createdAt: { column: 'p.created_at', type: 'timestamptz', value: (r: PartyRow) => r.created_at },
  updatedAt: { column: 'p.updated_at', type: 'timestamptz', value: (r: PartyRow) => r.updated_at },
} as const;

function visibleQuery(db: Db, actor: Actor, visibility: Visibility) {
  return db
    .selectFrom('party as p')
    .selectAll('p')
    .select([
      sql<boolean>`${canSeeFull(actor, visibility, 'read')}`.as('can_full'),
      sql<boolean>`${inEmployeeCircle(actor)}`.as('can_sensitive'),
    ])
    .where('p.org_id', '=', actor.orgId)
    .where(() => canRead(actor, visibility));
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

  async visibility(db: Db, orgId: string): Promise<Visibility> {
    const row = await db
      .selectFrom('organization')
      .select(sql<string | null>`settings->>'customerVisibility'`.as('v'))
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    const v = row?.v;
    return v === 'public_read' || v === 'public_read_write' ? v : 'private';
  },

  list(db: Db, actor: Actor, visibility: Visibility, f: ListPartiesQuery) {
    let q = visibleQuery(db, actor, visibility).where('p.merged_into_id', 'is', null);
    q = f.status === 'deleted' ? q.where('p.deleted_at', 'is not', null) : q.where('p.deleted_at', 'is', null);
    if (f.q) {
      q = q.where(() => visibleSearch(actor, visibility, f.q ?? ''));
    }
    if (f.role || f.stage || f.level || f.stakeholderGroup) {
      // Ternaries, not `&&`: an empty filter (`?stage=`) would otherwise join the conditions as the value ''.
      const conds = [
        f.role ? sql`r.role = ${f.role}` : undefined,
        f.stage ? sql`r.stage = ${f.stage}` : undefined,
        f.level ? sql`r.level = ${f.level}` : undefined,
        f.stakeholderGroup ? sql`r.stakeholder_group = ${f.stakeholderGroup}` : undefined,
      ].filter((c) => c !== undefined);
      q = q.where(
        () =>
          sql<SqlBool>`exists (select 1 from party_role r where r.org_id = p.org_id and r.party_id = p.id and r.ended_at is null and ${sql.join(conds, sql` and `)})`,
      );
    }
    // Filters on what directory readers cannot see apply to fully visible parties only, so they leak nothing.
    if (f.stage || f.level || f.stakeholderGroup || f.tag || f.ownerId || f.status === 'deleted') {
      q = q.where(() => canSeeFull(actor, visibility, 'read'));
    }
    if (f.ownerId) {
      q = q.where('p.owner_id', '=', f.ownerId === 'me' ? actor.userId : f.ownerId);
    }
    if (f.tag) {
      q = q.where(() => sql<SqlBool>`p.tags @> array[${f.tag}]::text[]`);
    }
    if (f.kind) {
      q = q.where('p.kind', '=', f.kind);
    }
    if (f.createdFrom) {
      q = q.where('p.created_at', '>=', new Date(f.createdFrom));
    }
    if (f.createdTo) {
      q = q.where('p.created_at', '<', new Date(f.createdTo));
    }
    const keys: SortKey<VisibleParty>[] = f.sort.map((k) => {
      const desc = k.startsWith('-');
      const col = sortColumns[(desc ? k.slice(1) : k) as keyof typeof sortColumns];
      return { ...col, desc };
    });
    // A search of 3+ characters is usually selective: let the trigram index find the matches, then sort.
    const collectFirst = Boolean(f.q) && [...normaliseQuery(f.q ?? '')].length >= 3;
    return paginateKeys(q, { limit: f.limit, cursor: f.cursor, keys, idColumn: 'p.id', collectFirst });
  },

  /** A party the actor may read (deleted and merged ones included: the caller decides). */
  findVisible(db: Db, actor: Actor, visibility: Visibility, id: string): Promise<VisibleParty | undefined> {
    return visibleQuery(db, actor, visibility).where('p.id', '=', id).executeTakeFirst();
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
