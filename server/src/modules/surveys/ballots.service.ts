import { randomInt, randomUUID } from 'node:crypto';
import { hashSecret } from '../../platform/auth/crypto.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict } from '../../platform/errors.ts';
import { systemWho } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/webhooks/events.ts';
import type { AnswerRow } from './answers.ts';
import { ballotsRepository, type HeldBallot } from './ballots.repository.ts';
import type { Audience } from './surveys.schema.ts';
import { surveysRepository } from './surveys.repository.ts';

/** Job: releases held anonymous answers (every minute; closing a survey releases its rest at once). */
export const RELEASE_JOB = 'surveys-release-ballots';

/**
 * The invitee's one answer to an anonymous survey, as an HMAC of survey and party under the instance secret: the
 * database holds it without being able to tell whose it is, and the server can still tell a second answer apart.
 */
export const nullifierOf = (secret: string, surveyId: string, partyId: string) =>
  hashSecret(secret, `survey-answer:${surveyId}:${partyId}`);

/** Fisher–Yates with a cryptographic source: the order of a released batch says nothing about submission order. */
export function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Anonymous answers (docs/metrics.md, "Anonymity"): written as held ballots that name no one, in a transaction
 * that touches nothing of the invitation, and released into responses in shuffled batches of at least the
 * survey's minimum group size, so results move only in such steps and rows keep no submission order.
 */
export function ballotsService(deps: Deps) {
  const { db, secret } = deps;

  /** Releases what this transaction could lock, only if that is at least `minimum` answers (0 at close). */
  async function releaseSurvey(trx: Db, orgId: string, surveyId: string, minimum: number): Promise<number> {
    const held = await ballotsRepository.take(trx, orgId, surveyId);
    if (!held.length || held.length < minimum) {
      return 0;
    }
    const batch = shuffled(held).map((b: HeldBallot) => ({ ...b, responseId: randomUUID() }));
    await ballotsRepository.release(trx, orgId, surveyId, batch);
    // One event per released answer, in the batch's shuffled order and at the release's moment, naming the survey
    // and the day of the answer only: no response id, respondent or invitation (docs/webhooks.md "Anonymity").
    for (const b of batch) {
      await emitEvent(
        trx,
        systemWho(orgId),
        'survey.response_created',
        { surveyId, anonymous: true, day: b.submitted_on },
        { day: b.submitted_on },
      );
    }
    return batch.length;
  }

  return {
    async hasAnswered(orgId: string, surveyId: string, partyId: string): Promise<boolean> {
      return ballotsRepository.isSpent(db, orgId, surveyId, nullifierOf(secret, surveyId, partyId));
    },

    /** Which of the parties have answered, computed in memory (reminders, the invitee's own view); nothing is written. */
    async answeredAmong(orgId: string, surveyId: string, partyIds: string[]): Promise<Set<string>> {
      const spent = await ballotsRepository.spentSet(db, orgId, surveyId);
      return new Set(partyIds.filter((p) => spent.has(nullifierOf(secret, surveyId, p))));
    },

    /** Records the answer: the spent nullifier and the held ballot, and nothing else. */
    async submit(
      s: { org_id: string; id: string; invitee_id: string; audience: Audience },
      answers: AnswerRow[],
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await ballotsRepository.spend(trx, s.org_id, s.id, nullifierOf(secret, s.id, s.invitee_id)))) {
          throw conflict('This link has already been used to answer', { reason: 'ALREADY_ANSWERED' });
        }
        const g = await surveysRepository.respondentGroup(trx, s.org_id, s.invitee_id, s.audience);
        await ballotsRepository.hold(trx, {
          org_id: s.org_id,
          survey_id: s.id,
          respondent_role: g?.role ?? null,
          org_unit_id: g?.org_unit_id ?? null,
          stakeholder_group: g?.stakeholder_group ?? null,
          segment_id: g.segment_id,
          answers,
        });
      });
    },

    /** Releases every held answer of a survey that closes, in the caller's transaction. */
    releaseAtClose: (trx: Db, orgId: string, surveyId: string) => releaseSurvey(trx, orgId, surveyId, 0),

    /** The job: releases the surveys whose held answers reached the minimum, or that closed. */
    async releaseDue(now = new Date()): Promise<number> {
      let released = 0;
      for (const s of await ballotsRepository.releasable(db, now)) {
        released += await db.transaction().execute((trx) => releaseSurvey(trx, s.org_id, s.survey_id, s.minimum));
      }
      return released;
    },
  };
}
