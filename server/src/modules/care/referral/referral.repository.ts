import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import type { CareReferralRewardTable, CareReferralTable } from '../care.tables.ts';

// Referral codes, referrals and rewards. Parties are read through the parties contract columns (id, display_name,
// emails, owner_id, deleted_at, merged_into_id); visibility comes from the caller as a condition over `p`.

const live = sql<SqlBool>`p.deleted_at is null and p.merged_into_id is null`;

export const referralRepository = {
  code: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('care_referral_code')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .executeTakeFirst(),

  /** Keeps the first code when two requests race: the loser reads the winner's. */
  insertCode: (db: Db, row: { org_id: string; party_id: string; code: string; created_by: string | null }) =>
    db
      .insertInto('care_referral_code')
      .values(row)
      .onConflict((c) => c.columns(['org_id', 'party_id']).doNothing())
      .execute(),

  async referralCount(db: Db, orgId: string, partyId: string): Promise<number> {
    const r = await db
      .selectFrom('care_referral')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('referrer_id', '=', partyId)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  /** One referral per referred party: a second one for the same party inserts nothing (undefined). */
  insertReferral: (db: Db, row: Insertable<CareReferralTable>) =>
    db
      .insertInto('care_referral')
      .values(row)
      .onConflict((c) => c.columns(['org_id', 'referred_id']).doNothing())
      .returningAll()
      .executeTakeFirst(),

  referralOf: (db: Db, orgId: string, referredId: string) =>
    db
      .selectFrom('care_referral')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('referred_id', '=', referredId)
      .executeTakeFirst(),

  /** A live party with this email address (emails are stored lower-cased). */
  partyByEmail: (db: Db, orgId: string, email: string) =>
    db
      .selectFrom('party as p')
      .select(['p.id'])
      .where('p.org_id', '=', orgId)
      .where(sql<SqlBool>`${email.toLowerCase()} = any(p.emails)`)
      .where(live)
      .orderBy('p.created_at')
      .executeTakeFirst(),

  /** The referrer as the landing needs it: live, its owner (the referred party's owner too). */
  referrer: (db: Db, orgId: string, partyId: string) =>
    db
      .selectFrom('party as p')
      .select(['p.id', 'p.owner_id'])
      .where('p.org_id', '=', orgId)
      .where('p.id', '=', partyId)
      .where(live)
      .executeTakeFirst(),

  insertReward: (db: Db, row: Insertable<CareReferralRewardTable>) =>
    db.insertInto('care_referral_reward').values(row).returningAll().executeTakeFirstOrThrow(),

  rewards(
    db: Db,
    orgId: string,
    visible: Expression<SqlBool>,
    q: { limit: number; cursor?: string | undefined; partyId?: string | undefined },
  ) {
    let query = db
      .selectFrom('care_referral_reward as w')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'w.org_id').onRef('p.id', '=', 'w.party_id'))
      .selectAll('w')
      .select('p.display_name as party_name')
      .where('w.org_id', '=', orgId)
      .where(visible);
    if (q.partyId) {
      query = query.where('w.party_id', '=', q.partyId);
    }
    return paginate(query, {
      limit: q.limit,
      cursor: q.cursor,
      sort: { column: 'w.created_at', type: 'timestamptz', desc: true },
      idColumn: 'w.id',
      sortValue: (r) => r.created_at,
    });
  },

  /** Referrals in [from, to) per referrer (whom the caller may see) and per UTC month, with the rewards they got. */
  async summary(db: Db, orgId: string, visible: Expression<SqlBool>, from: Date, to: Date) {
    const referrers = await sql<{ party_id: string; name: string; n: number; rewards: string }>`
      select p.id as party_id, p.display_name as name, count(*)::int as n,
        coalesce((select sum(w.amount) from care_referral_reward w where w.org_id = p.org_id and w.party_id = p.id
          and w.created_at >= ${from} and w.created_at < ${to}), 0)::text as rewards
      from care_referral r join party p on p.org_id = r.org_id and p.id = r.referrer_id
      where r.org_id = ${orgId} and r.created_at >= ${from} and r.created_at < ${to} and ${visible}
      group by p.org_id, p.id, p.display_name
      order by n desc, p.display_name, p.id`.execute(db);
    const periods = await sql<{ period: string; n: number }>`
      select to_char(date_trunc('month', r.created_at at time zone 'UTC'), 'YYYY-MM') as period, count(*)::int as n
      from care_referral r join party p on p.org_id = r.org_id and p.id = r.referrer_id
      where r.org_id = ${orgId} and r.created_at >= ${from} and r.created_at < ${to} and ${visible}
      group by 1 order by 1`.execute(db);
    return { referrers: referrers.rows, periods: periods.rows };
  },

  /**
   * The capability index's referral rate (docs/metrics.md "Referral rate"), organisation-wide: live parties referred
   * in [from, to), and the customers at `from` — live parties with a purchase (amount > 0) in the 365 days before it
   * (docs/metrics.md "Customers at a date"; commerce's published transaction table).
   */
  async rateFigures(db: Db, orgId: string, from: Date, to: Date) {
    const res = await sql<{ referred: number; customers_at_start: number }>`
      select
        (select count(*)::int from care_referral r join party p on p.org_id = r.org_id and p.id = r.referred_id
          where r.org_id = ${orgId} and r.created_at >= ${from} and r.created_at < ${to} and ${live}) as referred,
        (select count(distinct t.party_id)::int from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
          where t.org_id = ${orgId} and t.amount > 0 and t.occurred_at >= ${from}::timestamptz - interval '365 days'
            and t.occurred_at < ${from} and ${live}) as customers_at_start`.execute(db);
    const row = res.rows[0];
    return { referred: row?.referred ?? 0, customersAtStart: row?.customers_at_start ?? 0 };
  },

  orgName: async (db: Db, orgId: string): Promise<string | null> =>
    (await db.selectFrom('organization').select('name').where('org_id', '=', orgId).executeTakeFirst())?.name ?? null,
};
