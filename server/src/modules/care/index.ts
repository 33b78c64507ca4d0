// The care module's only door: what the app, other modules, the CLI, the demo and the tests may use.
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { CAMPAIGN_SCHEDULE_JOB, CARE_REMINDER_JOB } from './constants.ts';
import { raiseCareReminders } from './reminders.service.ts';
import { careRulesRoutes } from './rules/rules.routes.ts';
import { careOccasionsRoutes } from './occasions/occasions.routes.ts';
import { consentRoutes } from './consent/consent.routes.ts';
import { consentTimelineSource } from './consent/timeline.ts';
import { campaignsRoutes, unsubscribeRoutes } from './campaigns/campaigns.routes.ts';
import { referralRoutes } from './referral/referral.routes.ts';
import { winbackRoutes } from './winback/winback.routes.ts';
import { mentionsRoutes } from './listening/mentions.routes.ts';
import { postsRoutes } from './listening/posts.routes.ts';
import { sendDueCampaigns } from './campaigns/send.service.ts';
import { careSettingsRoutes } from './settings/settings.routes.ts';
import { referralRepository } from './referral/referral.repository.ts';
import { repliesRoutes } from './replies/replies.routes.ts';

/** Care and outreach (docs/care.md): rules and their daily reminder job, occasions and suggestions. */
export async function careModule(app: TandemApp, deps: Deps) {
  careRulesRoutes(app, deps);
  careOccasionsRoutes(app, deps);
  consentRoutes(app, deps);
  campaignsRoutes(app, deps);
  careSettingsRoutes(app, deps);
  await unsubscribeRoutes(app, deps);
  referralRoutes(app, deps);
  winbackRoutes(app, deps);
  mentionsRoutes(app, deps);
  postsRoutes(app, deps);
  repliesRoutes(app, deps);
  deps.timeline.register(consentTimelineSource);
  // Consent changes follow their party when parties merge.
  deps.partyReferences.register('care_consent_event');
  // Rewards, mentions and their alerts follow their party too (referrals and codes stay with the ids they name).
  deps.partyReferences.register('care_referral_reward');
  deps.partyReferences.register('care_mention');
  deps.partyReferences.register('care_mention_alert');
  // Daily: the tasks of care rules whose reminder day has come (once per rule, party and occasion date).
  deps.jobs.define({
    name: CARE_REMINDER_JOB,
    cron: '15 5 * * *',
    handler: async () => {
      await raiseCareReminders(deps.db);
    },
  });
  // Every minute: scheduled campaigns whose time has come (each claimed once, whichever server runs the job).
  deps.jobs.define({
    name: CAMPAIGN_SCHEDULE_JOB,
    cron: '* * * * *',
    handler: async () => {
      await sendDueCampaigns(deps);
    },
  });
}

// Services (the demo records through them) and the schemas that give their inputs' defaults.
export { careRulesService } from './rules/rules.service.ts';
export { campaignsService } from './campaigns/campaigns.service.ts';
export { campaignSendService } from './campaigns/send.service.ts';
export { mentionsService } from './listening/mentions.service.ts';
export { postsService } from './listening/posts.service.ts';
export { createCareRuleSchema } from './rules/rules.schema.ts';
export { createCampaignSchema } from './campaigns/campaigns.schema.ts';
export { mentionInputSchema } from './listening/mentions.schema.ts';
export { createPostSchema } from './listening/posts.schema.ts';
export { careOccasionsService } from './occasions/occasions.service.ts';
// Consent: read and record (campaigns and the unsubscribe link record through it too).
export { consentOf, recordConsent } from './consent/consent.service.ts';
/** The Gregorian date of an occasion in a year (lunar festivals computed by tyme4ts). */
export { occasionDate } from './occasions/calendar.ts';
// The reminder job's work (tests and tools call it; the job runs it daily).
export { raiseCareReminders, CARE_REMINDER_JOB };
// The scheduler's work (tests call it; the job runs it every minute).
export { sendDueCampaigns, CAMPAIGN_SCHEDULE_JOB };

/**
 * Organisation-wide referral figures of [from, to) for the capability index's `referral_rate` (docs/metrics.md
 * "Referral rate"): live parties referred in the period, and the customers at its start.
 */
export const referralFigures = (db: Db, orgId: string, from: Date, to: Date) =>
  referralRepository.rateFigures(db, orgId, from, to);

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { careAccessMatrix } from './care.access-matrix.ts';
