import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { MailMessage } from './mailer.ts';

export const mailRepository = {
  /**
   * Many messages in one set-based statement (`INSERT … SELECT … FROM unnest(…)`), with ids made by the caller so
   * each message's id is known without relying on the order of RETURNING.
   */
  async enqueueMany(trx: Db, orgId: string, messages: (MailMessage & { id: string })[]): Promise<void> {
    if (!messages.length) {
      return;
    }
    const col = <T>(f: (m: MailMessage & { id: string }) => T) => sql.val(messages.map(f));
    await sql`
      insert into mail_outbox (org_id, id, to_address, subject, body_text, body_html, purpose, headers, next_attempt_at)
      select ${orgId}::uuid, m.id, m.to_address, m.subject, m.body_text, m.body_html, m.purpose, m.headers::jsonb,
        coalesce(m.not_before, now())
      from unnest(${col((m) => m.id)}::uuid[], ${col((m) => m.to)}::text[], ${col((m) => m.subject)}::text[],
        ${col((m) => m.text)}::text[], ${col((m) => m.html ?? null)}::text[], ${col((m) => m.purpose)}::text[],
        ${col((m) => (m.headers ? JSON.stringify(m.headers) : null))}::text[],
        ${col((m) => m.notBefore?.toISOString() ?? null)}::timestamptz[])
        as m(id, to_address, subject, body_text, body_html, purpose, headers, not_before)`.execute(trx);
  },

  async enqueue(trx: Db, orgId: string, message: MailMessage): Promise<string> {
    const row = await trx
      .insertInto('mail_outbox')
      .values({
        org_id: orgId,
        to_address: message.to,
        subject: message.subject,
        body_text: message.text,
        body_html: message.html ?? null,
        purpose: message.purpose,
        headers: message.headers ? JSON.stringify(message.headers) : null,
        ...(message.notBefore ? { next_attempt_at: message.notBefore } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /**
   * Claims due messages, oldest first: a row is claimed by pushing its next attempt ahead, so a second sender
   * (another process) does not pick it up while this one works on it.
   */
  // org-scope: the mail job claims due messages of every organisation (each row keeps its org_id).
  async claimDue(db: Db, limit: number) {
    const { rows } = await sql<{
      org_id: string;
      id: string;
      to_address: string;
      subject: string;
      body_text: string | null;
      body_html: string | null;
      attempts: number;
      purpose: string;
      headers: Record<string, string> | null;
    }>`
      update mail_outbox set next_attempt_at = now() + interval '5 minutes', attempts = attempts + 1
      where (org_id, id) in (
        select org_id, id from mail_outbox
        where status = 'queued' and next_attempt_at <= now()
        order by next_attempt_at limit ${limit}
        for update skip locked)
      returning org_id, id, to_address, subject, body_text, body_html, attempts, purpose, headers`.execute(db);
    return rows;
  },

  /**
   * Sent: the body (it carries answer links) is erased. Mail about an anonymous survey goes altogether: who was
   * invited or reminded when is part of what must not tie an answer to a person.
   */
  markSent(db: Db, orgId: string, id: string, purpose: string): Promise<unknown> {
    if (purpose.startsWith('anonymous-')) {
      return db.deleteFrom('mail_outbox').where('org_id', '=', orgId).where('id', '=', id).execute();
    }
    return db
      .updateTable('mail_outbox')
      .set({ status: 'sent', sent_at: new Date(), body_text: null, body_html: null, headers: null, last_error: null })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  /** A failed attempt: retried after 2^attempts minutes, or abandoned (body erased) after the last one. */
  markFailedAttempt(
    db: Db,
    m: { org_id: string; id: string; attempts: number; purpose: string },
    giveUp: boolean,
    error: string,
  ) {
    const { org_id: orgId, id, attempts } = m;
    if (giveUp && m.purpose.startsWith('anonymous-')) {
      return db.deleteFrom('mail_outbox').where('org_id', '=', orgId).where('id', '=', id).execute();
    }
    return db
      .updateTable('mail_outbox')
      .set({
        status: giveUp ? 'failed' : 'queued',
        last_error: error,
        next_attempt_at: sql<Date>`now() + make_interval(mins => ${2 ** attempts})`,
        ...(giveUp ? { body_text: null, body_html: null, headers: null } : {}),
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },
};
