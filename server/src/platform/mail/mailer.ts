import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import type { JobRegistry } from '../jobs/jobs.ts';
import { mailRepository } from './mail.repository.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What caused it (survey-invitation, case-csat…): kept after the body is erased; `anonymous-…` mail is deleted once sent. */
  purpose: string;
  /** Extra headers (List-Unsubscribe of marketing mail); erased with the body once sent. */
  headers?: Record<string, string>;
  /** Not sent before this instant (campaigns spread their messages to keep to a rate). */
  notBefore?: Date;
}

export interface Mailer {
  /** False without an SMTP server: callers then show links to copy instead of promising an email. */
  readonly configured: boolean;
  /** Queues a message in the caller's transaction (sent only if it commits); its outbox id, null without SMTP. */
  enqueue(trx: Db, orgId: string, message: MailMessage): Promise<string | null>;
  /** Queues many messages in one statement; their outbox ids in order, or nulls without SMTP. */
  enqueueMany(trx: Db, orgId: string, messages: MailMessage[]): Promise<(string | null)[]>;
  /** Sends what is due (oldest first, at most `limit`); failures retry with backoff, then give up. */
  drain(limit?: number): Promise<{ sent: number; failed: number }>;
  /** Asks the mail job for a drain soon after a commit (never throws; it also drains every minute). */
  kick(): void;
}

export const MAIL_JOB = 'platform-mail-send';
const MAX_ATTEMPTS = 5;

/**
 * Outgoing mail through a transactional outbox (`mail_outbox`). `transport` is any nodemailer
 * transport: SMTP from TANDEM_SMTP_URL in production; tests pass `{ jsonTransport: true }`-style
 * transports to see exactly what would be sent.
 */
export function createMailer(
  db: Db,
  log: FastifyBaseLogger,
  jobs: JobRegistry,
  opts: { smtpUrl?: string | undefined; from?: string | undefined; transport?: Transporter | undefined },
): Mailer {
  const transport = opts.transport ?? (opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined);
  const from = opts.from ?? 'Tandem <noreply@localhost>';
  const drain = async (limit = 50): Promise<{ sent: number; failed: number }> => {
    if (!transport) {
      return { sent: 0, failed: 0 };
    }
    let sent = 0;
    let failed = 0;
    const due = await mailRepository.claimDue(db, limit);
    for (const m of due) {
      try {
        await transport.sendMail({
          from,
          to: m.to_address,
          subject: m.subject,
          text: m.body_text ?? '',
          ...(m.body_html ? { html: m.body_html } : {}),
          ...(m.headers ? { headers: m.headers } : {}),
        });
        await mailRepository.markSent(db, m.org_id, m.id, m.purpose);
        sent++;
      } catch (err) {
        const giveUp = m.attempts >= MAX_ATTEMPTS;
        const error = err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500);
        await mailRepository.markFailedAttempt(db, m, giveUp, error);
        failed++;
        log.warn({ err, outboxId: m.id, attempts: m.attempts, giveUp }, 'mail not sent');
      }
    }
    return { sent, failed };
  };

  const mailer: Mailer = {
    configured: Boolean(transport),
    async enqueue(trx, orgId, message) {
      if (!transport) {
        return null;
      }
      return mailRepository.enqueue(trx, orgId, message);
    },
    async enqueueMany(trx, orgId, messages) {
      if (!transport) {
        return messages.map(() => null);
      }
      const withIds = messages.map((m) => ({ ...m, id: randomUUID() }));
      await mailRepository.enqueueMany(trx, orgId, withIds);
      return withIds.map((m) => m.id);
    },
    drain,
    kick() {
      if (transport && jobs.running) {
        jobs.send(MAIL_JOB, {}).catch((err: unknown) => log.error({ err }, 'could not queue the mail job'));
      }
    },
  };
  if (transport) {
    jobs.define({
      name: MAIL_JOB,
      cron: '* * * * *',
      handler: async () => {
        await mailer.drain();
      },
    });
  }
  return mailer;
}
