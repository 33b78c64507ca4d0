import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import { partyFieldConditions } from '../../parties/index.ts';
import type { CareMentionAlertTable, CareMentionTable } from '../care.tables.ts';
import { KEY_ACCOUNT_TAG } from '../constants.ts';
import type { MentionsQuery } from './mentions.schema.ts';

// Mentions, their settings and alerts. A mention or alert about a party follows the party's visibility (`visible`
// over the party `p`, left-joined); one about nobody is for all staff.

const seen = (visible: Expression<SqlBool>, col: 'm.party_id' | 'a.party_id') =>
  sql<SqlBool>`(${sql.ref(col)} is null or (p.deleted_at is null and p.merged_into_id is null and ${visible}))`;

export const mentionsRepository = {
  insert: (db: Db, rows: Insertable<CareMentionTable>[]) =>
    db.insertInto('care_mention').values(rows).returningAll().execute(),

  list(db: Db, orgId: string, visible: Expression<SqlBool>, q: MentionsQuery) {
    let query = db
      .selectFrom('care_mention as m')
      .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'm.org_id').onRef('p.id', '=', 'm.party_id'))
      .selectAll('m')
      .select('p.display_name as party_name')
      .where('m.org_id', '=', orgId)
      .where(seen(visible, 'm.party_id'));
    if (q.sentiment) query = query.where('m.sentiment', '=', q.sentiment);
    if (q.channel) query = query.where('m.channel', '=', q.channel);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('m.text', 'ilike', like), eb('m.author', 'ilike', like)]));
    }
    return paginate(query, {
      limit: q.limit,
      cursor: q.cursor,
      sort: { column: 'm.posted_at', type: 'timestamptz', desc: true },
      idColumn: 'm.id',
      sortValue: (r) => r.posted_at,
    });
  },

  /** Negative mentions posted in (from, to]. */
  /**
   * Serialises the burst count of an organisation's negative mentions until the transaction ends: concurrent
   * transactions each seeing only their own new mention would otherwise all count below N and none alert.
   */
  async lockNegativeCount(db: Db, orgId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`care-mention-burst:${orgId}`}, 0))`.execute(db);
  },

  async negativesIn(db: Db, orgId: string, from: Date, to: Date): Promise<number> {
    const r = await db
      .selectFrom('care_mention')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('sentiment', '=', 'negative')
      .where('posted_at', '>', from)
      .where('posted_at', '<=', to)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  settings: (db: Db, orgId: string) =>
    db.selectFrom('care_mention_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst(),

  /** Stores the rule; the first write inserts (version null), later ones need the current version. */
  async saveSettings(
    db: Db,
    orgId: string,
    version: number | null,
    v: { negative_count: number; window_hours: number; key_segment_id: string | null; assignee_id: string | null },
  ) {
    if (version === null) {
      return db
        .insertInto('care_mention_settings')
        .values({ org_id: orgId, ...v })
        .onConflict((c) => c.column('org_id').doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    return db
      .updateTable('care_mention_settings')
      .set({ ...v, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  setToken: (db: Db, orgId: string, hash: string, by: string) =>
    db
      .insertInto('care_mention_settings')
      .values({ org_id: orgId, token_hash: hash, token_created_at: new Date(), token_created_by: by })
      .onConflict((c) =>
        c.column('org_id').doUpdateSet({ token_hash: hash, token_created_at: new Date(), token_created_by: by }),
      )
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** A key account: a live party tagged key_account or among the key segment's members; its name and owner. */
  keyAccount: (db: Db, orgId: string, partyId: string, segmentMembers: string[]) =>
    db
      .selectFrom('party as p')
      .select(['p.id', 'p.display_name', 'p.owner_id'])
      .where('p.org_id', '=', orgId)
      .where('p.id', '=', partyId)
      .where('p.deleted_at', 'is', null)
      .where('p.merged_into_id', 'is', null)
      .where(
        segmentMembers.includes(partyId) ? sql<SqlBool>`true` : partyFieldConditions.tags('any', [KEY_ACCOUNT_TAG]),
      )
      .executeTakeFirst(),

  /** The alert key is taken once: a second insert for the same window inserts nothing (undefined). */
  insertAlert: (db: Db, row: Insertable<CareMentionAlertTable>) =>
    db
      .insertInto('care_mention_alert')
      .values(row)
      .onConflict((c) => c.columns(['org_id', 'kind', 'window_key']).doNothing())
      .returningAll()
      .executeTakeFirst(),

  setAlertTask: (db: Db, orgId: string, id: string, taskId: string) =>
    db
      .updateTable('care_mention_alert')
      .set({ task_id: taskId })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute(),

  alerts(db: Db, orgId: string, visible: Expression<SqlBool>, q: { limit: number; cursor?: string | undefined }) {
    const query = db
      .selectFrom('care_mention_alert as a')
      .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.party_id'))
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.assignee_id'))
      .selectAll('a')
      .select(['p.display_name as party_name', 'u.display_name as assignee_name'])
      .where('a.org_id', '=', orgId)
      .where(seen(visible, 'a.party_id'));
    return paginate(query, {
      limit: q.limit,
      cursor: q.cursor,
      sort: { column: 'a.created_at', type: 'timestamptz', desc: true },
      idColumn: 'a.id',
      sortValue: (r) => r.created_at,
    });
  },

  /** An active user of the organisation (a named assignee), else the earliest active admin. */
  async assignee(db: Db, orgId: string, preferred: string | null): Promise<string | null> {
    const row = await db
      .selectFrom('app_user')
      .select('id')
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .where(preferred ? sql<SqlBool>`(id = ${preferred} or 'admin' = any(roles))` : sql<SqlBool>`'admin' = any(roles)`)
      .orderBy(sql`case when id = ${preferred} then 0 else 1 end`)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return row?.id ?? null;
  },

  activeUser: (db: Db, orgId: string, id: string) =>
    db
      .selectFrom('app_user')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst(),
};
