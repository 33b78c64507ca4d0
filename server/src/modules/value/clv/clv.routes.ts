import { ctxOf } from '../../../platform/auth/actor.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import type { Role } from '../../../platform/identity/constants-types.ts';
import { VALUE_ROLES } from '../value.access.ts';
import {
  clvCustomersPageSchema,
  clvCustomersQuerySchema,
  clvFitSchema,
  clvModelSchema,
  fitInputSchema,
  modelQuerySchema,
  simpleClvQuerySchema,
  simpleClvSchema,
} from './clv.schema.ts';
import type { ClvService } from './clv.service.ts';

/** Who may fit the org's model (a write for everyone's numbers): the org-wide value roles. */
export const CLV_FIT_ROLES: Role[] = ['admin', 'executive', 'marketing'];

export function clvRoutes(app: TandemApp, svc: ClvService) {
  const tags = ['value'];

  app.post('/api/value/clv/fit', {
    config: { roles: CLV_FIT_ROLES },
    schema: {
      tags,
      summary:
        "Fits BG/NBD + Gamma-Gamma on the org's transactions up to asOf (docs/metrics.md): 200 with the fit when it ran inline, 202 with the queued fit for large orgs; 422 with the reason when it cannot fit",
      body: fitInputSchema,
      response: { 200: clvFitSchema, 202: clvFitSchema },
    },
    handler: async (req, reply) => {
      const { status, fit } = await svc.fit(ctxOf(req), req.body);
      return reply.code(status).send(fit);
    },
  });

  app.get('/api/value/clv/fits/:id', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags,
      summary: 'One CLV fit: queued, running, done (with its model) or failed (with the reason)',
      params: idParamsSchema,
      response: { 200: clvFitSchema },
    },
    handler: (req) => svc.fitById(ctxOf(req), req.params.id),
  });

  app.get('/api/value/clv/model', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags,
      summary: "The org's current CLV model (its latest successful fit), with diagnostics; 404 before the first fit",
      querystring: modelQuerySchema,
      response: { 200: clvModelSchema },
    },
    handler: (req) => svc.model(ctxOf(req), req.query.currency),
  });

  app.get('/api/value/clv/customers', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags,
      summary:
        'P(alive), expected purchase days, expected spend per purchase day and discounted CLV over the horizon, per customer you may see, by CLV',
      querystring: clvCustomersQuerySchema,
      response: { 200: clvCustomersPageSchema },
    },
    handler: (req) => svc.customers(ctxOf(req), req.query),
  });

  app.get('/api/value/clv/simple', {
    config: { roles: VALUE_ROLES },
    schema: {
      tags,
      summary:
        'Simple CLV = average order value × purchases per year × gross margin × expected lifetime (1 / annual churn), over the customers you may see',
      querystring: simpleClvQuerySchema,
      response: { 200: simpleClvSchema },
    },
    handler: (req) => svc.simple(ctxOf(req), req.query),
  });
}
