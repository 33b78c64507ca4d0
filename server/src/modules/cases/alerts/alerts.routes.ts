import { ctxOf } from '../../../platform/auth/actor.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { CONFIGURER_ROLES, STAFF_ROLES } from '../cases.access.ts';
import type { alertsService } from './alerts.service.ts';
import {
  alertRulesSchema,
  alertSchema,
  listAlertsQuerySchema,
  putAlertRulesSchema,
  updateAlertSchema,
} from './alerts.schema.ts';

export function alertsRoutes(app: TandemApp, svc: ReturnType<typeof alertsService>) {
  const tags = ['service'];

  app.get('/api/alert-rules', {
    config: { roles: STAFF_ROLES },
    schema: {
      tags,
      summary: 'Early-warning rules of the organisation (defaults for rules never changed)',
      response: { 200: alertRulesSchema },
    },
    handler: (req) => svc.rules(ctxOf(req)),
  });

  app.put('/api/alert-rules', {
    config: { roles: CONFIGURER_ROLES },
    schema: {
      tags,
      summary: 'Change early-warning rules (rules not listed keep their setting)',
      body: putAlertRulesSchema,
      response: { 200: alertRulesSchema },
    },
    handler: (req) => svc.putRules(ctxOf(req), req.body),
  });

  app.get('/api/alerts', {
    config: { roles: STAFF_ROLES },
    schema: {
      tags,
      summary: 'Early-warning alerts on parties you may see, newest first (filter by partyId for one party)',
      querystring: listAlertsQuerySchema,
      response: { 200: pageSchema(alertSchema) },
    },
    handler: (req) => svc.list(ctxOf(req), req.query),
  });

  app.patch('/api/alerts/:id', {
    config: { roles: STAFF_ROLES },
    schema: {
      tags,
      summary: 'Acknowledge an alert (or reopen it)',
      params: idParamsSchema,
      body: updateAlertSchema,
      response: { 200: alertSchema },
    },
    handler: (req) => svc.setStatus(ctxOf(req), req.params.id, req.body.status),
  });
}
