// The audience and consent breakdown of a campaign (GET /api/campaigns/:id/audience): one row per outcome with its
// share of the parties the reader sees. Pure: unit-tested.
import type { CampaignAudienceCounts } from '@tandem/server/api';

export const breakdownKeys = [
  'reachable',
  'noAddress',
  'suppressed',
  'unsubscribed',
  'withdrawn',
  'noConsent',
] as const;
export type BreakdownKey = (typeof breakdownKeys)[number];

export interface BreakdownRow {
  key: BreakdownKey;
  count: number;
  /** Share of the visible audience, 0–1 (0 when nobody is visible, never NaN). */
  share: number;
}

export function breakdownRows(c: CampaignAudienceCounts): BreakdownRow[] {
  const count = (k: BreakdownKey) => (k === 'reachable' ? c.reachable : c.skipped[k]);
  return breakdownKeys.map((key) => ({ key, count: count(key), share: c.visible ? count(key) / c.visible : 0 }));
}

/** Parties of the audience outside what the reader may see (counted by the send, not shown here). */
export const hiddenCount = (c: Pick<CampaignAudienceCounts, 'audience' | 'visible'>): number =>
  Math.max(0, c.audience - c.visible);

/** All skipped among the visible: everyone but the reachable. */
export const skippedCount = (c: CampaignAudienceCounts): number => c.visible - c.reachable;
