import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careMarketingRoles, careRuleWriterRoles, careStaffRoles } from '../constants.ts';
import {
  campaignSchema,
  lossesSchema,
  winbackCampaignSchema,
  winbackQuerySchema,
  winbackSummaryQuerySchema,
  winbackSummarySchema,
  winbackTasksResultSchema,
  winbackTasksSchema,
} from './winback.schema.ts';
import { winbackService } from './winback.service.ts';

const staff = { roles: [...careStaffRoles] };
const tags = ['win-back'];

/** Churned customers (those the reader may see), win-back tasks and campaigns, and the rate by cause of loss. */
export function winbackRoutes(app: TandemApp, deps: Deps) {
  const svc = winbackService(deps);

  app.get('/api/winback', {
    config: staff,
    schema: {
      tags,
      summary: 'Customers lost (moved to churned) in [from, to), newest first, with the cause of loss',
      querystring: winbackQuerySchema,
      response: { 200: lossesSchema },
    },
    handler: (req) => svc.list(ctxOf(req), req.query),
  });
  app.get('/api/winback/summary', {
    config: staff,
    schema: {
      tags,
      summary: 'Losses of the period won back, and the win-back rate by cause of loss',
      querystring: winbackSummaryQuerySchema,
      response: { 200: winbackSummarySchema },
    },
    handler: (req) => svc.summary(ctxOf(req), req.query),
  });
  app.post('/api/winback/tasks', {
    config: { roles: [...careRuleWriterRoles] },
    schema: {
      tags,
      summary: 'A win-back task for the owner of each customer still churned (once per loss)',
      body: winbackTasksSchema,
      response: { 200: winbackTasksResultSchema },
    },
    handler: (req) => svc.tasks(ctxOf(req), req.body),
  });
  app.post('/api/winback/campaign', {
    config: { roles: [...careMarketingRoles] },
    schema: {
      tags,
      summary: 'Draft a win_back campaign to the customers still churned (send it from the campaigns)',
      body: winbackCampaignSchema,
      response: { 201: campaignSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.campaign(ctxOf(req), req.body)),
  });
}
