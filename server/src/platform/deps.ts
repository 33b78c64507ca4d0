import type { FastifyBaseLogger } from 'fastify';
import type { Db, Engine } from './db/database.ts';
import { primaryReads, type ReadRouter } from './db/read-routing.ts';
import { VERSION } from '../version.ts';
import { JobRegistry } from './jobs/jobs.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { NotificationRecords } from './notify/records.ts';
import { PartyReferences } from './references/party-references.ts';
import { TimelineSources } from './timeline/sources.ts';

/** What every module's service receives: the database and instance settings. No module reaches past this. */
export interface Deps {
  db: Db;
  /**
   * Analytics and list reads: `await deps.reads.db(ctx.actor)` is a streaming replica when one is configured and the
   * reader has not just written, else the primary; it refuses writes (docs/scale.md "A read replica").
   */
  reads: ReadRouter;
  engine: Engine;
  /** Instance secret: keys HMACs of tokens at rest. */
  secret: string;
  version: string;
  log: FastifyBaseLogger;
  publicUrl: string | undefined;
  /** Party timeline contributions (modules register sources; parties reads them). */
  timeline: TimelineSources;
  /** Background jobs (modules define theirs; `send` is null without a running queue). */
  jobs: JobRegistry;
  /** Outgoing mail; `configured` is false when no SMTP server is set (links are then shown to copy). */
  mail: Mailer;
  /** Tables of other modules that hold a party_id and follow party merges. */
  partyReferences: PartyReferences;
  /** Record types notifications point at, with each owner's visibility check (modules register theirs). */
  notifications: NotificationRecords;
}

/**
 * Deps for work outside a server (CLI commands, the demo seeder): no mail is sent and no job
 * queue runs; timeline sources are irrelevant there.
 */
export function standaloneDeps(db: Db, engine: Engine, log: FastifyBaseLogger, secret = ''): Deps {
  const jobs = new JobRegistry();
  return {
    db,
    reads: primaryReads(db),
    engine,
    secret,
    version: VERSION,
    log,
    publicUrl: undefined,
    timeline: new TimelineSources(),
    jobs,
    mail: createMailer(db, log, jobs, {}),
    partyReferences: new PartyReferences(),
    notifications: new NotificationRecords(),
  };
}
