import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';
import type { MergeMoved, PartyMergeRow } from '../parties.tables.ts';

type Db = Kysely<Database>;
type MovableTable = 'party_role' | 'interaction' | 'task' | 'party_history';

export const mergeRepository = {
  /** Ends the source's current roles that the target also holds (one current role of a kind per party). */
  async endClashingRoles(db: Db, orgId: string, sourceId: string, targetId: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      update party_role s set ended_at = now(), updated_at = now(), version = s.version + 1
      where s.org_id = ${orgId} and s.party_id = ${sourceId} and s.ended_at is null
        and exists (select 1 from party_role t where t.org_id = s.org_id and t.party_id = ${targetId} and t.role = s.role and t.ended_at is null)
      returning s.id`.execute(db);
    return rows.rows.map((r) => r.id);
  },

  /** Moves every row of `table` from one party to another; returns the ids moved. */
  async moveAll(db: Db, table: MovableTable, orgId: string, fromId: string, toId: string): Promise<string[]> {
    const rows = await db
      .updateTable(table)
      .set({ party_id: toId })
      .where('org_id', '=', orgId)
      .where('party_id', '=', fromId)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  },

  /** Moves every row of another module's table (a registered party reference) from one party to another. */
  async moveReferences(db: Db, table: string, orgId: string, fromId: string, toId: string): Promise<string[]> {
    const rows = await sql<{
      id: string;
    }>`update ${sql.table(table)} set party_id = ${toId} where org_id = ${orgId} and party_id = ${fromId} returning id`.execute(
      db,
    );
    return rows.rows.map((r) => r.id);
  },

  async moveReferencesBack(
    db: Db,
    table: string,
    orgId: string,
    ids: string[],
    fromId: string,
    toId: string,
  ): Promise<void> {
    if (ids.length) {
      await sql`update ${sql.table(table)} set party_id = ${toId} where org_id = ${orgId} and party_id = ${fromId} and id in (${sql.join(ids)})`.execute(
        db,
      );
    }
  },

  /** Moves the given rows back, where they still belong to `fromId`. */
  async moveBack(
    db: Db,
    table: MovableTable,
    orgId: string,
    ids: string[],
    fromId: string,
    toId: string,
  ): Promise<void> {
    if (ids.length) {
      await db
        .updateTable(table)
        .set({ party_id: toId })
        .where('org_id', '=', orgId)
        .where('party_id', '=', fromId)
        .where('id', 'in', ids)
        .execute();
    }
  },

  async reopenRoles(db: Db, orgId: string, partyId: string, ids: string[]): Promise<void> {
    if (ids.length) {
      await sql`update party_role set ended_at = null, updated_at = now(), version = version + 1
        where org_id = ${orgId} and party_id = ${partyId} and id in (${sql.join(ids)})
          and not exists (select 1 from party_role c where c.org_id = party_role.org_id and c.party_id = party_role.party_id and c.role = party_role.role and c.ended_at is null)`.execute(
        db,
      );
    }
  },

  insert(
    db: Db,
    orgId: string,
    sourceId: string,
    targetId: string,
    moved: MergeMoved,
    by: string,
  ): Promise<PartyMergeRow> {
    return db
      .insertInto('party_merge')
      .values({ org_id: orgId, source_id: sourceId, target_id: targetId, moved: JSON.stringify(moved), merged_by: by })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** The merge of `sourceId` that is still in force. */
  latestOpen(db: Db, orgId: string, sourceId: string): Promise<PartyMergeRow | undefined> {
    return db
      .selectFrom('party_merge')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('source_id', '=', sourceId)
      .where('undone_at', 'is', null)
      .orderBy('merged_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
  },

  markUndone(db: Db, orgId: string, id: string, by: string): Promise<unknown> {
    return db
      .updateTable('party_merge')
      .set({ undone_at: new Date(), undone_by: by })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },
};
