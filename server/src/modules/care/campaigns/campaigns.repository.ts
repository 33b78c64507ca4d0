import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import type { CampaignRecipientTable, CampaignRow, CampaignTable } from '../care.tables.ts';
import type { RecipientState } from '../constants.ts';

/**
 * A recipient's state as read: replied once a reply was matched to their message (docs/care.md "Replies"), else
 * queued messages show the outbox's outcome (sent, failed) once there is one.
 */
const stateSql = sql<RecipientState>`case when r.replied_at is not null then 'replied'
  when r.state = 'queued' then coalesce(
  (select case m.status when 'sent' then 'sent' when 'failed' then 'failed' end from mail_outbox m
    where m.org_id = r.org_id and m.id = r.outbox_id), 'queued') else r.state end`;

export interface AudienceFact {
  party_id: string;
  consent: string | null;
  suppressed: boolean;
}

/** An audience counted by what a send would do with each party (docs/care.md "Audience and consent breakdown"). */
export interface AudienceCounts {
  visible: number;
  reachable: number;
  no_address: number;
  suppressed: number;
  unsubscribed: number;
  withdrawn: number;
  no_consent: number;
}

export const campaignsRepository = {
  insert: (db: Db, row: Insertable<CampaignTable>): Promise<CampaignRow> =>
    db.insertInto('campaign').values(row).returningAll().executeTakeFirstOrThrow(),

  find: (db: Db, orgId: string, id: string): Promise<CampaignRow | undefined> =>
    db.selectFrom('campaign').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  list: (db: Db, orgId: string, q: { limit: number; cursor?: string | undefined }) =>
    paginate(db.selectFrom('campaign').selectAll().where('org_id', '=', orgId), {
      limit: q.limit,
      cursor: q.cursor,
      sort: { column: 'created_at', type: 'timestamptz', desc: true },
      idColumn: 'id',
      sortValue: (r) => r.created_at,
    }),

  /** Recipients per state. */
  async counts(db: Db, orgId: string, campaignIds: string[]): Promise<Map<string, Record<string, number>>> {
    if (!campaignIds.length) {
      return new Map();
    }
    const res = await sql<{ campaign_id: string; state: string; n: number }>`
      select r.campaign_id, ${stateSql} as state, count(*)::int as n from campaign_recipient r
      where r.org_id = ${orgId} and r.campaign_id in (${sql.join(campaignIds)})
      group by 1, 2`.execute(db);
    const out = new Map<string, Record<string, number>>();
    for (const r of res.rows) {
      out.set(r.campaign_id, { ...out.get(r.campaign_id), [r.state]: r.n });
    }
    return out;
  },

  recipients(
    db: Db,
    orgId: string,
    campaignId: string,
    q: { limit: number; cursor?: string | undefined; state?: string | undefined },
  ) {
    let query = db
      .selectFrom('campaign_recipient as r')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'r.org_id').onRef('p.id', '=', 'r.party_id'))
      .select(['r.party_id as id', 'p.display_name', 'r.address', 'r.locale', stateSql.as('state')])
      .where('r.org_id', '=', orgId)
      .where('r.campaign_id', '=', campaignId);
    if (q.state) {
      query = query.where(sql<boolean>`${stateSql} = ${q.state}`);
    }
    return paginate(query, {
      limit: q.limit,
      cursor: q.cursor,
      sort: { column: 'p.display_name', type: 'text', desc: false },
      idColumn: 'r.party_id',
      sortValue: (r) => r.display_name,
    });
  },

  /** Email consent (the latest change) and suppression of each party (the party's emails are its contract columns). */
  async audienceFacts(db: Db, orgId: string, partyIds: string[]): Promise<AudienceFact[]> {
    if (!partyIds.length) {
      return [];
    }
    const res = await sql<AudienceFact>`
      select p.id as party_id,
        (select c.status from care_consent_event c where c.org_id = p.org_id and c.party_id = p.id and c.channel = 'email'
          order by c.at desc, c.id desc limit 1) as consent,
        exists (select 1 from care_suppression s where s.org_id = p.org_id and s.channel = 'email'
          and s.address in (select lower(e) from unnest(p.emails) e)) as suppressed
      from party p where p.org_id = ${orgId} and p.id in (${sql.join(partyIds)})`.execute(db);
    return res.rows;
  },

  /**
   * The audience counted in one pass, among the parties the reader sees (`visible` over the party `p`), in the
   * order a send decides: no email address, an address suppressed, then email consent (withdrawn through an
   * unsubscribe link, withdrawn otherwise, never given), else reachable. Reads only.
   */
  async audienceCounts(
    db: Db,
    orgId: string,
    partyIds: string[],
    visible: Expression<SqlBool>,
  ): Promise<AudienceCounts> {
    const zero = {
      visible: 0,
      reachable: 0,
      no_address: 0,
      suppressed: 0,
      unsubscribed: 0,
      withdrawn: 0,
      no_consent: 0,
    };
    if (!partyIds.length) {
      return zero;
    }
    const res = await sql<AudienceCounts>`
      with f as (
        select cardinality(p.emails) > 0 as has_email,
          exists (select 1 from care_suppression s where s.org_id = p.org_id and s.channel = 'email'
            and s.address in (select lower(e) from unnest(p.emails) e)) as suppressed,
          c.status, c.source
        from party p
        left join lateral (select ce.status, ce.source from care_consent_event ce
          where ce.org_id = p.org_id and ce.party_id = p.id and ce.channel = 'email'
          order by ce.at desc, ce.id desc limit 1) c on true
        where p.org_id = ${orgId} and p.id in (${sql.join(partyIds)}) and ${visible}
      )
      select count(*)::int as visible,
        (count(*) filter (where has_email and not suppressed and status = 'granted'))::int as reachable,
        (count(*) filter (where not has_email))::int as no_address,
        (count(*) filter (where has_email and suppressed))::int as suppressed,
        (count(*) filter (where has_email and not suppressed and status = 'withdrawn'
          and source = 'unsubscribe_link'))::int as unsubscribed,
        (count(*) filter (where has_email and not suppressed and status = 'withdrawn'
          and source is distinct from 'unsubscribe_link'))::int as withdrawn,
        (count(*) filter (where has_email and not suppressed and status is null))::int as no_consent
      from f`.execute(db);
    return res.rows[0] ?? zero;
  },

  insertRecipients: async (db: Db, rows: Insertable<CampaignRecipientTable>[]) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto('campaign_recipient')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  },

  /**
   * Claims a draft for sending: the conditional update takes the row lock, so a concurrent sender waits and then
   * finds it sent (undefined). `dueOnly`: only when its schedule has come (the scheduler).
   */
  claim: (
    db: Db,
    orgId: string,
    id: string,
    c: { sentBy: string | null; overrideReason: string | null; dueOnly: boolean },
  ) => {
    let q = db
      .updateTable('campaign')
      .set({
        status: 'sent',
        sent_at: new Date(),
        sent_by: c.sentBy,
        override_reason: c.overrideReason,
        send_error: null,
        updated_at: new Date(),
        version: sql`version + 1`,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('status', '=', 'draft');
    if (c.dueOnly) {
      q = q.where('scheduled_at', '<=', sql<Date>`now()`).where('send_error', 'is', null);
    }
    return q.returning('id').executeTakeFirst();
  },

  /** Drafts whose schedule has come and that the scheduler has not given up on, in every organisation. */
  // org-scope: the scheduler's work list across organisations; each campaign is then claimed with its own org_id.
  due: (db: Db, now: Date) =>
    db
      .selectFrom('campaign')
      .select(['org_id', 'id'])
      .where('status', '=', 'draft')
      .where('scheduled_at', '<=', now)
      .where('send_error', 'is', null)
      .orderBy('scheduled_at')
      .limit(100)
      .execute(),

  /** Why the scheduler did not send a due draft (once: a second server finds it set). */
  markSendError: (db: Db, orgId: string, id: string, error: string) =>
    db
      .updateTable('campaign')
      .set({ send_error: error, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where('send_error', 'is', null)
      .returning('id')
      .executeTakeFirst(),

  /** Messages the organisation queued or sent in the last `days` days (failed ones not), and the commercial ones. */
  async sentVolume(db: Db, orgId: string, days: number): Promise<{ total: number; commercial: number }> {
    const res = await sql<{ total: number; commercial: number }>`
      select count(*)::int as total, (count(*) filter (where purpose = 'campaign-commercial'))::int as commercial
      from mail_outbox where org_id = ${orgId} and status <> 'failed' and created_at >= now() - make_interval(days => ${days})`.execute(
      db,
    );
    return res.rows[0] ?? { total: 0, commercial: 0 };
  },

  async recipient(db: Db, orgId: string, campaignId: string, partyId: string) {
    return db
      .selectFrom('campaign_recipient')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('campaign_id', '=', campaignId)
      .where('party_id', '=', partyId)
      .executeTakeFirst();
  },

  markUnsubscribed: (db: Db, orgId: string, campaignId: string, partyId: string) =>
    db
      .updateTable('campaign_recipient')
      .set({ state: 'unsubscribed', unsubscribed_at: new Date() })
      .where('org_id', '=', orgId)
      .where('campaign_id', '=', campaignId)
      .where('party_id', '=', partyId)
      .execute(),

  orgName: async (db: Db, orgId: string) =>
    (await db
      .selectFrom('organization')
      .select(['name', 'default_locale'])
      .where('org_id', '=', orgId)
      .executeTakeFirst()) ?? null,
};
