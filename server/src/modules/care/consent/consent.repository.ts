import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import type { CareConsentEventTable, CareSuppressionTable, ConsentEventRow } from '../care.tables.ts';
import type { ListSuppressionsQuery } from './consent.schema.ts';

export const consentRepository = {
  insert: (db: Db, rows: Insertable<CareConsentEventTable>[]): Promise<ConsentEventRow[]> =>
    db.insertInto('care_consent_event').values(rows).returningAll().execute(),

  /** The latest event per channel of a party: its current consent. */
  current: (db: Db, orgId: string, partyId: string): Promise<ConsentEventRow[]> =>
    db
      .selectFrom('care_consent_event')
      .selectAll()
      .distinctOn('channel')
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .orderBy('channel')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  /** Channels on which one of the party's addresses (emails, phones) is suppressed. */
  async suppressedChannels(db: Db, orgId: string, partyId: string): Promise<string[]> {
    const res = await sql<{ channel: string }>`
      select distinct s.channel from care_suppression s
      join party p on p.org_id = s.org_id and p.id = ${partyId}
      where s.org_id = ${orgId} and (
        (s.channel = 'email' and s.address in (select lower(e) from unnest(p.emails) e))
        or (s.channel = 'sms' and s.address = any(p.phones)))`.execute(db);
    return res.rows.map((r) => r.channel);
  },

  timelineKeys: (orgId: string, partyId: string) =>
    sql`select 'consent' as type, c.id, c.at from care_consent_event c where c.org_id = ${orgId} and c.party_id = ${partyId}`,

  byIds: (db: Db, orgId: string, ids: string[]): Promise<ConsentEventRow[]> =>
    ids.length
      ? db.selectFrom('care_consent_event').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute()
      : Promise.resolve([]),
};

export const suppressionsRepository = {
  /** Adds an address; undefined when it is listed already. */
  insert: (db: Db, row: Insertable<CareSuppressionTable>) =>
    db
      .insertInto('care_suppression')
      .values(row)
      .onConflict((c) => c.columns(['org_id', 'channel', 'address']).doNothing())
      .returningAll()
      .executeTakeFirst(),

  find: (db: Db, orgId: string, id: string) =>
    db.selectFrom('care_suppression').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  delete: (db: Db, orgId: string, id: string) =>
    db.deleteFrom('care_suppression').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  list(db: Db, orgId: string, q: ListSuppressionsQuery) {
    let query = db.selectFrom('care_suppression').selectAll().where('org_id', '=', orgId);
    if (q.channel) {
      query = query.where('channel', '=', q.channel);
    }
    if (q.q) {
      query = query.where(sql<boolean>`strpos(address, ${q.q.toLowerCase()}) > 0`);
    }
    return paginate(query, {
      limit: q.limit,
      cursor: q.cursor,
      sort: { column: 'created_at', type: 'timestamptz', desc: true },
      idColumn: 'id',
      sortValue: (r) => r.created_at,
    });
  },
};
