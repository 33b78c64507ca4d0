import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careMarketingRoles } from '../constants.ts';
import {
  campaignAudienceCountsSchema,
  campaignSchema,
  commercialRatioQuerySchema,
  commercialRatioSchema,
  createCampaignSchema,
  listCampaignsQuerySchema,
  recipientSchema,
  recipientsQuerySchema,
  sendCampaignSchema,
  unsubscribeInfoSchema,
  unsubscribeQuerySchema,
  updateCampaignSchema,
} from './campaigns.schema.ts';
import { z } from 'zod';
import { campaignsService } from './campaigns.service.ts';
import { campaignSendService } from './send.service.ts';

const marketing = { roles: [...careMarketingRoles] };
const tags = ['campaigns'];

/** Campaigns (admins and marketing) and the public one-click unsubscribe link. */
export function campaignsRoutes(app: TandemApp, deps: Deps) {
  const campaigns = campaignsService(deps);
  const sending = campaignSendService(deps);

  app.get('/api/campaigns', {
    config: marketing,
    schema: {
      tags,
      summary: 'Campaigns, newest first, with recipient counts',
      querystring: listCampaignsQuerySchema,
      response: { 200: pageSchema(campaignSchema) },
    },
    handler: (req) => campaigns.list(ctxOf(req), req.query),
  });
  app.post('/api/campaigns', {
    config: marketing,
    schema: { tags, summary: 'Draft a campaign', body: createCampaignSchema, response: { 201: campaignSchema } },
    handler: async (req, reply) => reply.status(201).send(await campaigns.create(ctxOf(req), req.body)),
  });
  app.get('/api/campaigns/commercial-ratio', {
    config: marketing,
    schema: {
      tags,
      summary: 'Commercial share of what the organisation sent in the last 30 days, and with a campaign',
      querystring: commercialRatioQuerySchema,
      response: { 200: commercialRatioSchema },
    },
    handler: (req) => campaigns.ratio(ctxOf(req), req.query.campaignId),
  });
  app.get('/api/campaigns/:id', {
    config: marketing,
    schema: {
      tags,
      summary: 'One campaign with its results',
      params: idParamsSchema,
      response: { 200: campaignSchema },
    },
    handler: (req) => campaigns.get(ctxOf(req), req.params.id),
  });
  app.patch('/api/campaigns/:id', {
    config: marketing,
    schema: {
      tags,
      summary: 'Change a draft (send version)',
      params: idParamsSchema,
      body: updateCampaignSchema,
      response: { 200: campaignSchema },
    },
    handler: (req) =>
      campaigns.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });
  app.post('/api/campaigns/:id/send', {
    config: marketing,
    schema: {
      tags,
      summary:
        'Send now through the outbox (consent and suppression checked per recipient; 409 COMMERCIAL_RATIO_EXCEEDED above the cap unless an admin overrides)',
      params: idParamsSchema,
      body: sendCampaignSchema,
      response: { 200: campaignSchema },
    },
    handler: (req) => sending.send(ctxOf(req), req.params.id, req.body),
  });
  app.get('/api/campaigns/:id/audience', {
    config: marketing,
    schema: {
      tags,
      summary: 'Who the campaign would reach now, and who would be skipped and why (writes nothing)',
      params: idParamsSchema,
      response: { 200: campaignAudienceCountsSchema },
    },
    handler: (req) => campaigns.audience(ctxOf(req), req.params.id),
  });
  app.get('/api/campaigns/:id/recipients', {
    config: marketing,
    schema: {
      tags,
      summary: 'Recipients and their state',
      params: idParamsSchema,
      querystring: recipientsQuerySchema,
      response: { 200: pageSchema(recipientSchema) },
    },
    handler: (req) => campaigns.recipients(ctxOf(req), req.params.id, req.query),
  });
}

/**
 * The one-click unsubscribe link (RFC 8058): GET shows what will happen and writes nothing; POST withdraws email
 * consent. The POST takes the token in the query string, so mail clients may post `List-Unsubscribe=One-Click` as a
 * form: this scope reads a form body as nothing (the token is the credential).
 */
export async function unsubscribeRoutes(app: TandemApp, deps: Deps) {
  const sending = campaignSendService(deps);
  const publicTags = ['campaigns (public)'];
  await app.register((scope: TandemApp, _opts, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, _body, done) => {
        done(null, {});
      },
    );
    scope.get('/api/public/unsubscribe', {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: 'What the unsubscribe link will do (writes nothing)',
        security: [],
        querystring: unsubscribeQuerySchema,
        response: { 200: unsubscribeInfoSchema },
      },
      handler: (req) => sending.unsubscribeInfo(req.query.token),
    });
    scope.post('/api/public/unsubscribe', {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: 'Unsubscribe from marketing email (one click; the token in the query string)',
        security: [],
        querystring: unsubscribeQuerySchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      handler: (req) => sending.unsubscribe(req.query.token),
    });
    done();
  });
}
