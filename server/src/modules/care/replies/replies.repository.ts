import { sql, type Insertable, type SqlBool } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { CareInboundMailTable } from '../care.tables.ts';

// Inbound mail (docs/care.md "Replies"): the organisation's webhook token, each message once by its Message-ID, and
// the recipients a reply is matched to. A party is found by the party table's published `emails` column.

export const repliesRepository = {
  settings: (db: Db, orgId: string) =>
    db.selectFrom('care_mail_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst(),

  setToken: (db: Db, orgId: string, hash: string, by: string) =>
    db
      .insertInto('care_mail_settings')
      .values({ org_id: orgId, token_hash: hash, token_created_at: new Date(), token_created_by: by })
      .onConflict((c) =>
        c.column('org_id').doUpdateSet({ token_hash: hash, token_created_at: new Date(), token_created_by: by }),
      )
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** The message's key: inserted once; undefined when the same Message-ID was received before. */
  claim: (db: Db, row: Insertable<CareInboundMailTable>) =>
    db
      .insertInto('care_inbound_mail')
      .values(row)
      .onConflict((c) => c.columns(['org_id', 'message_id']).doNothing())
      .returningAll()
      .executeTakeFirst(),

  received: (db: Db, orgId: string, messageId: string) =>
    db
      .selectFrom('care_inbound_mail')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('message_id', '=', messageId)
      .executeTakeFirst(),

  setInteraction: (db: Db, orgId: string, messageId: string, interactionId: string) =>
    db
      .updateTable('care_inbound_mail')
      .set({ interaction_id: interactionId })
      .where('org_id', '=', orgId)
      .where('message_id', '=', messageId)
      .execute(),

  /** The first of the candidate (campaign, party) pairs that was a recipient of a sent campaign, on a live party. */
  async recipientOf(db: Db, orgId: string, pairs: { campaignId: string; partyId: string }[]) {
    for (const pair of pairs) {
      const row = await db
        .selectFrom('campaign_recipient as r')
        .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'r.org_id').onRef('p.id', '=', 'r.party_id'))
        .select(['r.campaign_id', 'r.party_id'])
        .where('r.org_id', '=', orgId)
        .where('r.campaign_id', '=', pair.campaignId)
        .where('r.party_id', '=', pair.partyId)
        .where(sql<SqlBool>`p.deleted_at is null and p.merged_into_id is null`)
        .executeTakeFirst();
      if (row) {
        return row;
      }
    }
    return undefined;
  },

  /** Live parties with this email address (at most two: more than one is ambiguous either way). */
  partiesByEmail: (db: Db, orgId: string, address: string) =>
    db
      .selectFrom('party as p')
      .select('p.id')
      .where('p.org_id', '=', orgId)
      .where(sql<SqlBool>`${address} = any(p.emails) and p.deleted_at is null and p.merged_into_id is null`)
      .limit(2)
      .execute(),

  markReplied: (db: Db, orgId: string, campaignId: string, partyId: string, at: Date) =>
    db
      .updateTable('campaign_recipient')
      .set({ replied_at: at })
      .where('org_id', '=', orgId)
      .where('campaign_id', '=', campaignId)
      .where('party_id', '=', partyId)
      .where('replied_at', 'is', null)
      .execute(),
};
