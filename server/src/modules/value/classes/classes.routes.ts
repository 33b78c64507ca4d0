import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { VALUE_SETTINGS_EDITORS } from '../rfm/rfm.routes.ts';
import { VALUE_ROLES } from '../value.access.ts';
import {
  classCustomerSchema,
  classCustomersQuerySchema,
  classesQuerySchema,
  classesSummarySchema,
  classSettingsReplySchema,
  putClassSettingsSchema,
} from './classes.schema.ts';
import { classesService } from './classes.service.ts';

export function classesRoutes(app: TandemApp, deps: Deps) {
  const service = classesService(deps);
  app.get('/api/value/classes', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary:
        'Value classes over a window: loyalty × profitability (true friend, butterfly, barnacle, stranger) and revenue × cost to serve (docs/metrics.md)',
      querystring: classesQuerySchema,
      response: { 200: classesSummarySchema },
    },
    handler: (req) => service.summary(ctxOf(req), req.query),
  });

  app.get('/api/value/classes/customers', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary: 'Customers with revenue, cost to serve, profit and both classes, optionally of one class',
      querystring: classCustomersQuerySchema,
      response: { 200: pageSchema(classCustomerSchema) },
    },
    handler: (req) => service.customers(ctxOf(req), req.query),
  });

  app.get('/api/value/class-settings', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags: ['value'],
      summary: "The org's value-class thresholds and unit costs (the documented defaults until changed)",
      response: { 200: classSettingsReplySchema },
    },
    handler: (req) => service.settings(ctxOf(req)),
  });

  app.put('/api/value/class-settings', {
    config: { roles: VALUE_SETTINGS_EDITORS },
    schema: {
      tags: ['value'],
      summary: 'Replace the value-class thresholds and unit costs (send the version you read; 0 replaces the defaults)',
      body: putClassSettingsSchema,
      response: { 200: classSettingsReplySchema },
    },
    handler: (req) => service.putSettings(ctxOf(req), req.body),
  });
}
