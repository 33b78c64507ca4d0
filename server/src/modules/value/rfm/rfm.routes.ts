import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import type { Role } from '../../../platform/identity/constants-types.ts';
import { VALUE_ROLES } from '../value.access.ts';
import {
  putRfmRulesSchema,
  resetRfmRulesSchema,
  rfmCustomerSchema,
  rfmCustomersQuerySchema,
  rfmQuerySchema,
  rfmRulesSchema,
  rfmSummarySchema,
} from './rfm.schema.ts';
import { rfmService } from './rfm.service.ts';

/** Who changes the org's value settings (RFM rules, value classes): they define what every report means. */
export const VALUE_SETTINGS_EDITORS: Role[] = ['admin', 'executive', 'marketing'];

export function rfmRoutes(app: TandemApp, deps: Deps) {
  const service = rfmService(deps);
  app.get('/api/value/rfm', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary: 'RFM segment counts and revenue, and the R × F grid, over a window ending at asOf (docs/metrics.md)',
      querystring: rfmQuerySchema,
      response: { 200: rfmSummarySchema },
    },
    handler: (req) => service.summary(ctxOf(req), req.query),
  });

  app.get('/api/value/rfm/customers', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary: 'Scored customers (recency, frequency, monetary, R, F, M, segment), optionally of one segment',
      querystring: rfmCustomersQuerySchema,
      response: { 200: pageSchema(rfmCustomerSchema) },
    },
    handler: (req) => service.customers(ctxOf(req), req.query),
  });

  app.get('/api/value/rfm-rules', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary: "The org's RFM segment rules, first match wins (the documented defaults until changed)",
      response: { 200: rfmRulesSchema },
    },
    handler: (req) => service.rules(ctxOf(req)),
  });

  app.put('/api/value/rfm-rules', {
    config: { roles: VALUE_SETTINGS_EDITORS },
    schema: {
      tags: ['value'],
      summary: 'Replace the RFM segment rules (send the version you read; 0 replaces the defaults)',
      body: putRfmRulesSchema,
      response: { 200: rfmRulesSchema },
    },
    handler: (req) => service.putRules(ctxOf(req), req.body),
  });

  app.post('/api/value/rfm-rules/reset', {
    config: { roles: VALUE_SETTINGS_EDITORS },
    schema: {
      tags: ['value'],
      summary: 'Back to the documented default RFM rules (send the version you read)',
      body: resetRfmRulesSchema,
      response: { 200: rfmRulesSchema },
    },
    handler: (req) => service.resetRules(ctxOf(req), req.body),
  });
}
