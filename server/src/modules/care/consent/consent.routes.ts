import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careMarketingRoles } from '../constants.ts';
import {
  createSuppressionSchema,
  listSuppressionsQuerySchema,
  partyConsentSchema,
  putConsentSchema,
  suppressionSchema,
} from './consent.schema.ts';
import { consentService } from './consent.service.ts';

const marketing = { roles: [...careMarketingRoles] };

/** Consent on the party (whoever may read or change the party), and the suppression list (admins, marketing). */
export function consentRoutes(app: TandemApp, deps: Deps) {
  const consent = consentService(deps);

  app.get('/api/parties/:id/consent', {
    schema: {
      tags: ['care'],
      summary: 'The party’s consent per channel (email, sms, wechat), and whether an address is suppressed',
      params: idParamsSchema,
      response: { 200: partyConsentSchema },
    },
    handler: (req) => consent.get(ctxOf(req), req.params.id),
  });

  app.put('/api/parties/:id/consent', {
    schema: {
      tags: ['care'],
      summary: 'Record consent given or withdrawn on channels, with its source (if you may change the party)',
      params: idParamsSchema,
      body: putConsentSchema,
      response: { 200: partyConsentSchema },
    },
    handler: (req) => consent.put(ctxOf(req), req.params.id, req.body),
  });

  app.get('/api/care/suppressions', {
    config: marketing,
    schema: {
      tags: ['care'],
      summary: 'Addresses no marketing goes to, newest first (admins, marketing)',
      querystring: listSuppressionsQuerySchema,
      response: { 200: pageSchema(suppressionSchema) },
    },
    handler: (req) => consent.listSuppressions(ctxOf(req), req.query),
  });

  app.post('/api/care/suppressions', {
    config: marketing,
    schema: {
      tags: ['care'],
      summary: 'Suppress an address (409 when listed already)',
      body: createSuppressionSchema,
      response: { 201: suppressionSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await consent.addSuppression(ctxOf(req), req.body)),
  });

  app.delete('/api/care/suppressions/:id', {
    config: marketing,
    schema: { tags: ['care'], summary: 'Take an address off the list', params: idParamsSchema },
    handler: async (req, reply) => {
      await consent.removeSuppression(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
