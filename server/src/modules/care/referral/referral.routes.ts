import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careStaffRoles } from '../constants.ts';
import {
  createRewardSchema,
  periodQuerySchema,
  publicReferralSchema,
  recordReferralSchema,
  referralCodeParamsSchema,
  referralLinkSchema,
  referralSchema,
  referralSummarySchema,
  rewardSchema,
  rewardsQuerySchema,
} from './referral.schema.ts';
import { referralService } from './referral.service.ts';

const staff = { roles: [...careStaffRoles] };
const tags = ['referral'];

/** Referral links per customer, referrals, rewards and counts (staff; over the customers they may see). */
export function referralRoutes(app: TandemApp, deps: Deps) {
  const svc = referralService(deps);

  app.get('/api/parties/:id/referral', {
    config: staff,
    schema: {
      tags,
      summary: "The customer's referral link (none until made: a GET makes none) and how many they referred",
      params: idParamsSchema,
      response: { 200: referralLinkSchema },
    },
    handler: (req) => svc.get(ctxOf(req), req.params.id),
  });
  app.post('/api/parties/:id/referral', {
    config: staff,
    schema: {
      tags,
      summary: 'Make the customer’s referral link (201), or answer the one it has (200)',
      params: idParamsSchema,
      response: { 200: referralLinkSchema, 201: referralLinkSchema },
    },
    handler: async (req, reply) => {
      const r = await svc.ensure(ctxOf(req), req.params.id);
      return reply.status(r.created ? 201 : 200).send(r.link);
    },
  });
  app.post('/api/referrals', {
    config: staff,
    schema: {
      tags,
      summary: 'Record that a customer referred a party (a referred_by link too; 409 when already referred)',
      body: recordReferralSchema,
      response: { 201: referralSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.record(ctxOf(req), req.body)),
  });
  app.get('/api/referrals/rewards', {
    config: staff,
    schema: {
      tags,
      summary: 'Rewards given, newest first (parties you may see)',
      querystring: rewardsQuerySchema,
      response: { 200: pageSchema(rewardSchema) },
    },
    handler: (req) => svc.rewards(ctxOf(req), req.query),
  });
  app.post('/api/referrals/rewards', {
    config: staff,
    schema: { tags, summary: 'Log a reward', body: createRewardSchema, response: { 201: rewardSchema } },
    handler: async (req, reply) => reply.status(201).send(await svc.addReward(ctxOf(req), req.body)),
  });
  app.get('/api/referrals/summary', {
    config: staff,
    schema: {
      tags,
      summary: 'Referrals per referrer and per month in [from, to) (referrers you may see)',
      querystring: periodQuerySchema,
      response: { 200: referralSummarySchema },
    },
    handler: (req) => svc.summary(ctxOf(req), req.query),
  });

  // No sign-in: the signed code is the credential; rate-limited per address like every public link.
  app.get('/api/public/referrals/:code', {
    config: { public: true },
    schema: {
      tags: ['referral (public)'],
      summary: 'What the landing page shows: the organisation (writes nothing; unknown codes: 404)',
      security: [],
      params: referralCodeParamsSchema,
      response: { 200: z.object({ organization: z.string() }) },
    },
    handler: (req) => svc.landingInfo(req.params.code, req.ip),
  });
  app.post('/api/public/referrals/:code', {
    config: { public: true },
    schema: {
      tags: ['referral (public)'],
      summary: 'Leave your contact through a referral link (unknown codes: 404)',
      security: [],
      params: referralCodeParamsSchema,
      body: publicReferralSchema,
      response: { 201: z.object({ ok: z.literal(true) }) },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.land(req.params.code, req.body, req.ip)),
  });
}
