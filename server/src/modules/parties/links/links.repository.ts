import { sql, type Kysely } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/types.ts';
import { canRead, canSeeFull } from '../parties.access.ts';
import type { PartyKind } from '../constants.ts';
import type { PartyLinkTable, PartyLinkTypeTable } from './links.tables.ts';
import type { Insertable } from 'kysely';

type Db = Kysely<Database>;

const liveP = sql`p.deleted_at is null and p.merged_into_id is null`;

export interface LinkRow {
  id: string;
  type: string;
  role: string | null;
  valid_from: string | null;
  valid_to: string | null;
  created_at: Date;
  from_party_id: string;
  to_party_id: string;
  other_id: string;
  other_kind: PartyKind;
  other_name: string;
  visible: boolean;
}

export interface NetworkNodeRow {
  id: string;
  depth: number;
  kind: PartyKind;
  display_name: string;
  visible: boolean;
  full: boolean;
}

export const linksRepository = {
  customTypes(db: Db, orgId: string) {
    return db.selectFrom('party_link_type').selectAll().where('org_id', '=', orgId).orderBy('key').execute();
  },

  async customTypeExists(db: Db, orgId: string, key: string): Promise<boolean> {
    const row = await db
      .selectFrom('party_link_type')
      .select('key')
      .where('org_id', '=', orgId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row !== undefined;
  },

  insertType(db: Db, row: Insertable<PartyLinkTypeTable>) {
    return db
      .insertInto('party_link_type')
      .values(row)
      .onConflict((c) => c.doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  insert(db: Db, row: Insertable<PartyLinkTable>) {
    return db.insertInto('party_link').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** An active link (no end, or an end today or later) of this type between the two parties, either way round. */
  async activeDuplicate(db: Db, orgId: string, a: string, b: string, type: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('party_link')
      .select('id')
      .where('org_id', '=', orgId)
      .where('type', '=', type)
      .where((eb) =>
        eb.or([
          eb.and([eb('from_party_id', '=', a), eb('to_party_id', '=', b)]),
          eb.and([eb('from_party_id', '=', b), eb('to_party_id', '=', a)]),
        ]),
      )
      .where(sql<boolean>`(valid_to is null or valid_to >= current_date)`)
      .executeTakeFirst();
    return row?.id;
  },

  findTouching(db: Db, orgId: string, partyId: string, linkId: string) {
    return db
      .selectFrom('party_link')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', linkId)
      .where((eb) => eb.or([eb('from_party_id', '=', partyId), eb('to_party_id', '=', partyId)]))
      .executeTakeFirst();
  },

  async delete(db: Db, orgId: string, linkId: string): Promise<void> {
    await db.deleteFrom('party_link').where('org_id', '=', orgId).where('id', '=', linkId).execute();
  },

  /** Both directions of a party's links, each with the other (live) party and whether the reader may see it. */
  async forParty(db: Db, actor: Actor, visibility: Visibility, partyId: string): Promise<LinkRow[]> {
    const res = await sql<LinkRow>`
      select l.id, l.type, l.role, l.valid_from, l.valid_to, l.created_at, l.from_party_id, l.to_party_id,
        p.id as other_id, p.kind as other_kind, p.display_name as other_name,
        coalesce(${canRead(actor, visibility)}, false) as visible
      from party_link l
      join party p on p.org_id = l.org_id
        and p.id = case when l.from_party_id = ${partyId} then l.to_party_id else l.from_party_id end
      where l.org_id = ${actor.orgId} and (l.from_party_id = ${partyId} or l.to_party_id = ${partyId}) and ${liveP}
      order by l.created_at desc, l.id`.execute(db);
    return res.rows;
  },

  /**
   * One step of the network walk: the live parties linked to any of `frontier`, with whether the reader may see each
   * (name) and see it in full (the walk goes on only from those, so nothing beyond a hidden party leaks).
   */
  async neighbours(db: Db, actor: Actor, visibility: Visibility, frontier: string[]): Promise<NetworkNodeRow[]> {
    if (frontier.length === 0) {
      return [];
    }
    const ids = sql.join(frontier.map((id) => sql`${id}::uuid`));
    const res = await sql<NetworkNodeRow>`
      select distinct p.id, 0 as depth, p.kind, p.display_name,
        coalesce(${canRead(actor, visibility)}, false) as visible, coalesce(${canSeeFull(actor, visibility, 'read')}, false) as full
      from party_link l
      join party p on p.org_id = l.org_id
        and p.id = case when l.from_party_id in (${ids}) then l.to_party_id else l.from_party_id end
      where l.org_id = ${actor.orgId} and (l.from_party_id in (${ids}) or l.to_party_id in (${ids})) and ${liveP}
      order by p.id`.execute(db);
    return res.rows;
  },

  /** Links among the given nodes with at least one end the reader sees in full. */
  edges(db: Db, orgId: string, nodeIds: string[], fullIds: string[]) {
    if (nodeIds.length === 0 || fullIds.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('party_link')
      .select(['id', 'from_party_id', 'to_party_id', 'type'])
      .where('org_id', '=', orgId)
      .where('from_party_id', 'in', nodeIds)
      .where('to_party_id', 'in', nodeIds)
      .where((eb) => eb.or([eb('from_party_id', 'in', fullIds), eb('to_party_id', 'in', fullIds)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  /** Links touching any current role of a stakeholder group (live parties the reader sees in full). */
  async countForGroup(db: Db, actor: Actor, visibility: Visibility, groupKey: string): Promise<number> {
    const res = await sql<{ n: number }>`
      select count(*)::int as n from party_link l
      where l.org_id = ${actor.orgId} and exists (
        select 1 from party_role r join party p on p.org_id = r.org_id and p.id = r.party_id
        where r.org_id = ${actor.orgId} and r.ended_at is null and r.stakeholder_group = ${groupKey}
          and (r.party_id = l.from_party_id or r.party_id = l.to_party_id)
          and ${liveP} and ${canSeeFull(actor, visibility, 'read')})`.execute(db);
    return res.rows[0]?.n ?? 0;
  },
};
