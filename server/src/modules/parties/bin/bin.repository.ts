import { sql, type Kysely } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/types.ts';
import { paginateKeys } from '../../../platform/db/keyset.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { canSeeFull } from '../parties.access.ts';

type Db = Kysely<Database>;

export interface BinPartyRow {
  id: string;
  kind: 'person' | 'organization';
  display_name: string;
  deleted_at: Date;
  deleted_by: string | null;
}

/** The erased form of a purged party: nothing that names or reaches the person stays (docs/domain.md "The bin"). */
export const PURGED_NAME = '—';

export const binRepository = {
  /** Deleted (not merged, not purged) parties the actor could restore, the most recently deleted first. */
  list(db: Db, actor: Actor, visibility: Visibility, page: { limit: number; cursor: string | undefined }) {
    const q = db
      .selectFrom('party as p')
      .select(['p.id', 'p.kind', 'p.display_name', 'p.deleted_at', 'p.deleted_by'])
      .where('p.org_id', '=', actor.orgId)
      .where('p.deleted_at', 'is not', null)
      .where('p.purged_at', 'is', null)
      .where('p.merged_into_id', 'is', null)
      .where(() => canSeeFull(actor, visibility, 'write'));
    return paginateKeys(q, {
      limit: page.limit,
      cursor: page.cursor,
      keys: [{ column: 'p.deleted_at', type: 'timestamptz', desc: true, value: (r) => r.deleted_at ?? new Date(0) }],
      idColumn: 'p.id',
    }) as Promise<Page<BinPartyRow>>;
  },

  /** Locks the parties among `ids` that are in the bin (deleted, not merged, not purged), with when they were deleted. */
  lockInBin(db: Db, orgId: string, ids: string[]): Promise<{ id: string; deleted_at: Date | null }[]> {
    return db
      .selectFrom('party')
      .select(['id', 'deleted_at'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .where('deleted_at', 'is not', null)
      .where('purged_at', 'is', null)
      .where('merged_into_id', 'is', null)
      .forUpdate()
      .execute();
  },

  /**
   * Erases a party's personal data for good: its names, contacts, birthday, address, tags, custom fields, profile and
   * search terms, and the text of its interactions and tasks. The row and its id stay, so transactions, cases and the
   * audit trail still add up; the name reads as "purged".
   */
  async erase(db: Db, orgId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await db
      .updateTable('party')
      .set({
        display_name: PURGED_NAME,
        given_name: null,
        family_name: null,
        external_id: null,
        emails: sql<string[]>`'{}'::text[]`,
        phones: sql<string[]>`'{}'::text[]`,
        birthday: null,
        gender: null,
        address: null,
        locale: null,
        tags: sql<string[]>`'{}'::text[]`,
        custom: sql`'{}'::jsonb`,
        profile: JSON.stringify({ facts: {}, preferences: {}, care: [] }),
        search_text: '',
        search_grams: sql<string[]>`'{}'::text[]`,
        name_key: '',
        purged_at: new Date(),
        updated_at: new Date(),
        version: sql<number>`version + 1`,
      })
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    await db
      .updateTable('interaction')
      .set({ subject: PURGED_NAME, body: null, outcome: null, participants: sql`'[]'::jsonb` })
      .where('org_id', '=', orgId)
      .where('party_id', 'in', ids)
      .execute();
    await db
      .updateTable('task')
      .set({ title: PURGED_NAME, notes: null })
      .where('org_id', '=', orgId)
      .where('party_id', 'in', ids)
      .execute();
  },
};
