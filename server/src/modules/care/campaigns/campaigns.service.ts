import type { RequestContext } from '../../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../../platform/audit/audit.ts';
import { emitEvent } from '../../../platform/webhooks/events.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate, updateVersioned } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { canSeeFull, customerVisibility, partiesReadModel } from '../../parties/index.ts';
import { isActiveSegment, segmentAudience } from '../../value/index.ts';
import type { CampaignRow } from '../care.tables.ts';
import { recipientStates, type CampaignAudience } from '../constants.ts';
import { campaignsRepository } from './campaigns.repository.ts';
import type {
  Campaign,
  CampaignAudienceCounts,
  CommercialRatio,
  CreateCampaign,
  Recipient,
  UpdateCampaign,
} from './campaigns.schema.ts';
import { commercialRatio } from './ratio.ts';

const zeros = () => Object.fromEntries(recipientStates.map((s) => [s, 0])) as Campaign['counts'];

export const toCampaign = (r: CampaignRow, counts: Record<string, number> = {}): Campaign => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  commercial: r.commercial,
  audience: r.audience,
  subjectZh: r.subject_zh,
  subjectEn: r.subject_en,
  bodyZh: r.body_zh,
  bodyEn: r.body_en,
  scheduledAt: r.scheduled_at?.toISOString() ?? null,
  status: r.status,
  overrideReason: r.override_reason,
  sendError: r.send_error,
  sentAt: r.sent_at?.toISOString() ?? null,
  sentBy: r.sent_by,
  counts: { ...zeros(), ...counts },
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

/** The live parties an audience names now (a segment's members; named parties still live). 400 when it is gone. */
export async function audienceIds(db: Db, orgId: string, audience: CampaignAudience): Promise<string[]> {
  if ('segmentId' in audience) {
    const ids = await segmentAudience(db, orgId, audience.segmentId);
    if (!ids) {
      throw validation('Unknown or archived segment', [
        { path: ['body', 'audience', 'segmentId'], message: 'Unknown or archived segment', code: 'unknown_reference' },
      ]);
    }
    return ids;
  }
  return partiesReadModel.liveParties(db, orgId, [...new Set(audience.partyIds)]);
}

async function checkAudience(db: Db, orgId: string, audience: CampaignAudience): Promise<void> {
  if ('segmentId' in audience) {
    if (!(await isActiveSegment(db, orgId, audience.segmentId))) {
      await audienceIds(db, orgId, audience); // throws the 400
    }
    return;
  }
  const live = new Set(await partiesReadModel.liveParties(db, orgId, audience.partyIds));
  const missing = audience.partyIds.findIndex((id) => !live.has(id));
  if (missing >= 0) {
    throw validation('Unknown party', [
      { path: ['body', 'audience', 'partyIds', missing], message: 'Unknown party', code: 'unknown_reference' },
    ]);
  }
}

export async function foundCampaign(db: Db, orgId: string, id: string): Promise<CampaignRow> {
  const row = await campaignsRepository.find(db, orgId, id);
  if (!row) {
    throw notFound('Campaign');
  }
  return row;
}

/** Changes a draft (a sent campaign answers 409). */
async function updateCampaign(
  db: Db,
  ctx: RequestContext,
  id: string,
  version: number,
  input: UpdateCampaign,
): Promise<Campaign> {
  const current = await foundCampaign(db, ctx.actor.orgId, id);
  if (current.status !== 'draft') {
    throw conflict('A sent campaign is not changed', { reason: 'ALREADY_SENT' });
  }
  if (input.audience) {
    await checkAudience(db, ctx.actor.orgId, input.audience);
  }
  return db.transaction().execute(async (trx) => {
    const row = await updateVersioned(trx, 'campaign', ctx.actor.orgId, id, version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.commercial !== undefined ? { commercial: input.commercial } : {}),
      ...(input.audience !== undefined ? { audience: JSON.stringify(input.audience) } : {}),
      ...(input.subjectZh !== undefined ? { subject_zh: input.subjectZh } : {}),
      ...(input.subjectEn !== undefined ? { subject_en: input.subjectEn } : {}),
      ...(input.bodyZh !== undefined ? { body_zh: input.bodyZh } : {}),
      ...(input.bodyEn !== undefined ? { body_en: input.bodyEn } : {}),
      ...(input.scheduledAt !== undefined
        ? { scheduled_at: input.scheduledAt ? new Date(input.scheduledAt) : null }
        : {}),
      // A change is the answer to a refused schedule: the scheduler tries again.
      send_error: null,
    });
    if (!row) {
      failedUpdate(
        await campaignsRepository.find(trx, ctx.actor.orgId, id).then((r) => r && toCampaign(r)),
        'Campaign',
      );
    }
    const out = toCampaign(row);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'campaign',
      entityId: id,
      ...diff(toCampaign(current), out),
    });
    return out;
  });
}

/** Campaigns (docs/care.md "Campaigns"): drafts, the commercial ratio, recipients and results. */
export function campaignsService(deps: Deps) {
  const { db } = deps;
  const withCounts = async (orgId: string, rows: CampaignRow[]) => {
    const counts = await campaignsRepository.counts(
      db,
      orgId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toCampaign(r, counts.get(r.id)));
  };

  return {
    async list(ctx: RequestContext, q: { limit: number; cursor?: string | undefined }): Promise<Page<Campaign>> {
      const page = await campaignsRepository.list(db, ctx.actor.orgId, q);
      return { items: await withCounts(ctx.actor.orgId, page.items), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext, id: string): Promise<Campaign> {
      const [c] = await withCounts(ctx.actor.orgId, [await foundCampaign(db, ctx.actor.orgId, id)]);
      return c as Campaign;
    },

    async create(ctx: RequestContext, input: CreateCampaign): Promise<Campaign> {
      await checkAudience(db, ctx.actor.orgId, input.audience);
      return db.transaction().execute(async (trx) => {
        const row = await campaignsRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          name: input.name,
          kind: input.kind,
          commercial: input.commercial,
          audience: JSON.stringify(input.audience),
          subject_zh: input.subjectZh,
          subject_en: input.subjectEn,
          body_zh: input.bodyZh,
          body_en: input.bodyEn,
          scheduled_at: input.scheduledAt ? new Date(input.scheduledAt) : null,
          created_by: ctx.actor.userId,
        });
        const out = toCampaign(row);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'campaign', entityId: row.id, after: out });
        await emitEvent(trx, ctx, 'campaign.created', { id: out.id, scheduledAt: out.scheduledAt });
        return out;
      });
    },

    update: (ctx: RequestContext, id: string, version: number, input: UpdateCampaign) =>
      updateCampaign(db, ctx, id, version, input),

    async ratio(ctx: RequestContext, campaignId?: string): Promise<CommercialRatio> {
      const campaign = campaignId ? await foundCampaign(db, ctx.actor.orgId, campaignId) : undefined;
      return commercialRatio(db, ctx.actor.orgId, campaign);
    },

    /** Who a send would reach now and why the others would be skipped, over the parties the reader sees. */
    async audience(ctx: RequestContext, id: string): Promise<CampaignAudienceCounts> {
      const orgId = ctx.actor.orgId;
      const campaign = await foundCampaign(db, orgId, id);
      const ids = await audienceIds(db, orgId, campaign.audience);
      const visibility = await customerVisibility(db, orgId);
      const c = await campaignsRepository.audienceCounts(db, orgId, ids, canSeeFull(ctx.actor, visibility, 'read'));
      return {
        audience: ids.length,
        visible: c.visible,
        reachable: c.reachable,
        skipped: {
          noAddress: c.no_address,
          suppressed: c.suppressed,
          unsubscribed: c.unsubscribed,
          withdrawn: c.withdrawn,
          noConsent: c.no_consent,
        },
        note: ids.length ? null : 'Not enough data: the audience is empty',
      };
    },

    async recipients(
      ctx: RequestContext,
      id: string,
      q: { limit: number; cursor?: string | undefined; state?: string | undefined },
    ): Promise<Page<Recipient>> {
      await foundCampaign(db, ctx.actor.orgId, id);
      const page = await campaignsRepository.recipients(db, ctx.actor.orgId, id, q);
      return {
        items: page.items.map((r) => ({
          partyId: r.id,
          displayName: r.display_name,
          address: r.address,
          locale: r.locale,
          state: r.state,
        })),
        nextCursor: page.nextCursor,
      };
    },
  };
}
