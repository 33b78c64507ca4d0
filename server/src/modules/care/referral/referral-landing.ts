import { recordAudit, systemWho } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import { recordConsent } from '../consent/consent.service.ts';
import { bulkUpsertParties, ensurePartyLink } from '../../parties/index.ts';
import type { publicLimits } from '../public-limits.ts';
import { readReferralCode } from './referral-code.ts';
import { referralRepository as repo } from './referral.repository.ts';
import type { PublicReferral } from './referral.schema.ts';
import { toReferral } from './referral.service.ts';

/** The referrer behind a code, when the code is the one stored for them (else a failure counted and a 404). */
async function referrerOf(deps: Deps, limits: ReturnType<typeof publicLimits>, code: string, ip: string) {
  const { db } = deps;
  await limits.throttle(ip);
  const claim = readReferralCode(deps.secret, code);
  const stored = claim && (await repo.code(db, claim.orgId, claim.partyId));
  const referrer = stored && stored.code === code && (await repo.referrer(db, claim.orgId, claim.partyId));
  if (!claim || !referrer) {
    await limits.failed(ip);
    throw notFound('Referral link');
  }
  return { orgId: claim.orgId, referrer };
}

/** What the landing page shows before the form: the organisation's name (writes nothing; unknown codes 404). */
export async function referralLandingInfo(
  deps: Deps,
  limits: ReturnType<typeof publicLimits>,
  code: string,
  ip: string,
): Promise<{ organization: string }> {
  const { orgId } = await referrerOf(deps, limits, code, ip);
  return { organization: (await repo.orgName(deps.db, orgId)) ?? '' };
}

/**
 * The public landing: a valid code's referrer gets the referral. The referred person is matched by email to a
 * live party, else created as a prospect customer owned by the referrer's owner. A party already referred keeps
 * its first referrer (the answer is the same, so the page tells nothing about who is known).
 */
export async function landReferral(
  deps: Deps,
  limits: ReturnType<typeof publicLimits>,
  code: string,
  input: PublicReferral,
  ip: string,
): Promise<{ ok: true }> {
  const { db } = deps;
  const { orgId, referrer } = await referrerOf(deps, limits, code, ip);
  const who = systemWho(orgId);
  await db.transaction().execute(async (trx) => {
    let referredId = input.email ? (await repo.partyByEmail(trx, orgId, input.email))?.id : undefined;
    if (!referredId) {
      const made = await bulkUpsertParties(trx, who, [
        {
          kind: 'person',
          displayName: input.displayName,
          emails: input.email ? [input.email.toLowerCase()] : [],
          phones: input.phone ? [input.phone] : [],
          ownerId: referrer.owner_id,
          roles: [{ role: 'customer', stage: 'prospect' }],
        },
      ]);
      referredId = made.created[0];
      if (!referredId) {
        throw validation('The contact could not be recorded', [
          { path: ['body', 'email'], message: 'Not a usable contact', code: 'invalid_contact' },
        ]);
      }
      // Consent from the form only for the party this landing made: an anonymous page never changes the consent of
      // someone already known (anyone may type an address).
      if (input.consentEmail && input.email) {
        await recordConsent(trx, who, orgId, referredId, {
          consents: [{ channel: 'email', status: 'granted' }],
          source: 'form',
          note: 'Referral landing page',
        });
      }
    }
    if (referredId === referrer.id) {
      return;
    }
    const row = await repo.insertReferral(trx, {
      org_id: orgId,
      referrer_id: referrer.id,
      referred_id: referredId,
      source: 'link',
      note: input.note ?? null,
      created_by: null,
    });
    if (row) {
      await ensurePartyLink(trx, who, orgId, {
        fromPartyId: referredId,
        toPartyId: referrer.id,
        type: 'referred_by',
        createdBy: null,
      });
      await recordAudit(trx, who, {
        action: 'create',
        entityType: 'care_referral',
        entityId: row.id,
        after: toReferral(row),
      });
    }
  });
  return { ok: true as const };
}
