import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { attritionReaderRoles, peopleHrRoles, turnoverReaderRoles } from '../constants.ts';
import {
  attritionPageSchema,
  attritionQuerySchema,
  backtestQuerySchema,
  backtestSchema,
  renewalsQuerySchema,
  renewalsSchema,
} from './attrition.schema.ts';
import { attritionService } from './attrition.service.ts';
import { renewalsService } from './renewals.service.ts';
import { turnoverQuerySchema, turnoverSchema } from './turnover.schema.ts';
import { turnoverService } from './turnover.service.ts';

export function analyticsRoutes(app: TandemApp, deps: Deps) {
  const turnover = turnoverService(deps);
  const attrition = attritionService(deps);
  const renewals = renewalsService(deps);
  app.get('/api/people/turnover', {
    config: { roles: [...turnoverReaderRoles] },
    schema: {
      tags: ['people'],
      summary:
        'Turnover per month or org unit: separations (voluntary, involuntary), average headcount, rate, first-year turnover (docs/metrics.md). Managers: their reports only',
      querystring: turnoverQuerySchema,
      response: { 200: turnoverSchema },
    },
    handler: (req) => turnover.turnover(ctxOf(req), req.query),
  });
  app.get('/api/people/attrition-risk', {
    config: { roles: [...attritionReaderRoles] },
    schema: {
      tags: ['people'],
      summary:
        'Attrition risk per employee, highest first, with each factor’s contribution (docs/metrics.md "Attrition risk"). HR and admin: everyone; managers: their direct and indirect reports',
      querystring: attritionQuerySchema,
      response: { 200: attritionPageSchema },
    },
    handler: (req) => attrition.list(ctxOf(req), req.query),
  });
  app.get('/api/people/attrition-risk/backtest', {
    config: { roles: [...peopleHrRoles] },
    schema: {
      tags: ['people'],
      summary:
        'Back-test: everyone employed 12 months before asOf, scored with data up to then; the share of the following 12 months’ leavers who were in the top band',
      querystring: backtestQuerySchema,
      response: { 200: backtestSchema },
    },
    handler: (req) => attrition.backtest(ctxOf(req), req.query),
  });
  app.get('/api/people/contract-renewals', {
    config: { roles: [...attritionReaderRoles] },
    schema: {
      tags: ['people'],
      summary:
        'Contracts ending within withinDays per org unit and how many carry the intent to renew; flagged under the renewal share (docs/metrics.md)',
      querystring: renewalsQuerySchema,
      response: { 200: renewalsSchema },
    },
    handler: (req) => renewals.renewals(ctxOf(req), req.query),
  });
}
