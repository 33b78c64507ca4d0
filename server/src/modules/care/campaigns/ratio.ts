import type { Db } from '../../../platform/db/database.ts';
import type { CampaignRow } from '../care.tables.ts';
import { commercialCapOf } from '../settings/settings.service.ts';
import { campaignsRepository, type AudienceFact } from './campaigns.repository.ts';
import type { CommercialRatio } from './campaigns.schema.ts';
import { audienceIds } from './campaigns.service.ts';

export const RATIO_DAYS = 30;

/** Whether a recipient gets the message: consent for email granted and no address suppressed. */
export const reachable = (f: AudienceFact | undefined): boolean => f?.consent === 'granted' && !f.suppressed;

/**
 * The commercial-content ratio (docs/metrics.md "Commercial-content ratio"): commercial campaign messages among all
 * messages the organisation queued or sent in the last 30 days (campaigns and transactional mail, failed ones not
 * counted), and what it would become with a campaign's reachable recipients. At the cap is allowed; above is not.
 */
export function ratioOf(
  volume: { total: number; commercial: number },
  cap: number,
  campaign?: { commercial: boolean; messages: number },
): Omit<CommercialRatio, 'days' | 'note'> {
  const ratio = volume.total ? volume.commercial / volume.total : 0;
  if (!campaign) {
    return {
      ...volume,
      ratio,
      cap,
      campaignMessages: null,
      ratioAfter: null,
      allowed: volume.commercial <= cap * volume.total + 1e-9,
    };
  }
  const total = volume.total + campaign.messages;
  const commercial = volume.commercial + (campaign.commercial ? campaign.messages : 0);
  const ratioAfter = total ? commercial / total : 0;
  // Counts, not rounded shares: exactly at the cap (1 of 10 at 10 %) is allowed.
  const allowed = !campaign.commercial || commercial <= cap * total + 1e-9;
  return { ...volume, ratio, cap, campaignMessages: campaign.messages, ratioAfter, allowed };
}

export async function commercialRatio(db: Db, orgId: string, campaign?: CampaignRow): Promise<CommercialRatio> {
  const [volume, cap] = await Promise.all([
    campaignsRepository.sentVolume(db, orgId, RATIO_DAYS),
    commercialCapOf(db, orgId),
  ]);
  let messages: number | undefined;
  if (campaign) {
    const ids = campaign.status === 'draft' ? await audienceIds(db, orgId, campaign.audience) : [];
    const facts = await campaignsRepository.audienceFacts(db, orgId, ids);
    messages = facts.filter(reachable).length;
  }
  const r = ratioOf(
    volume,
    cap,
    campaign && messages !== undefined ? { commercial: campaign.commercial, messages } : undefined,
  );
  return {
    days: RATIO_DAYS,
    ...r,
    note: volume.total ? null : 'Not enough data: nothing was sent in the last 30 days',
  };
}
