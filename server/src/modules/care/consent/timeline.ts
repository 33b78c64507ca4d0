import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { TimelineEvent, TimelineSource } from '../../../platform/timeline/sources.ts';
import { consentRepository } from './consent.repository.ts';

/**
 * Consent changes on the party timeline (kind `consent.granted` / `consent.withdrawn`). The timeline shows only a
 * party the reader may see in full, and consent follows its party, so the keys need only the organisation and party.
 */
export const consentTimelineSource: TimelineSource = {
  type: 'consent',
  keys: (ctx: RequestContext, partyId: string) => consentRepository.timelineKeys(ctx.actor.orgId, partyId),
  async load(db: Db, ctx: RequestContext, ids: string[]) {
    const out = new Map<string, TimelineEvent>();
    for (const r of await consentRepository.byIds(db, ctx.actor.orgId, ids)) {
      out.set(r.id, {
        source: 'consent',
        kind: `consent.${r.status}`,
        title: r.channel,
        detail: r.note,
        href: null,
        data: { channel: r.channel, status: r.status, source: r.source, actorId: r.actor_id },
      });
    }
    return out;
  },
};
