import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { payBandReaderRoles, peopleHrRoles, turnoverReaderRoles } from '../constants.ts';
import {
  attritionWeightsSchema,
  payBandSchema,
  peopleSettingsSchema,
  putPayBandsSchema,
  updateAttritionWeightsSchema,
  updatePeopleSettingsSchema,
} from './settings.schema.ts';
import { peopleSettingsService } from './settings.service.ts';
import { z } from 'zod';

export function peopleSettingsRoutes(app: TandemApp, deps: Deps) {
  const settings = peopleSettingsService(deps);
  const tags = ['people'];

  app.get('/api/people/settings', {
    config: { roles: [...payBandReaderRoles] },
    schema: { tags, summary: 'People settings over their defaults', response: { 200: peopleSettingsSchema } },
    handler: (req) => settings.get(ctxOf(req)),
  });

  app.put('/api/people/settings', {
    config: { roles: [...peopleHrRoles] },
    schema: {
      tags,
      summary: 'Change people settings (send version); omitted keys keep their value',
      body: updatePeopleSettingsSchema,
      response: { 200: peopleSettingsSchema },
    },
    handler: (req) => settings.update(ctxOf(req), expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.get('/api/people/attrition-weights', {
    config: { roles: [...turnoverReaderRoles] },
    schema: {
      tags,
      summary: 'Weights of the attrition risk factors (docs/metrics.md "Attrition risk")',
      response: { 200: attritionWeightsSchema },
    },
    handler: (req) => settings.weights(ctxOf(req)),
  });

  app.put('/api/people/attrition-weights', {
    config: { roles: [...peopleHrRoles] },
    schema: {
      tags,
      summary: 'Set attrition weights (any non-negative numbers, normalised to 100; send version)',
      body: updateAttritionWeightsSchema,
      response: { 200: attritionWeightsSchema },
    },
    handler: (req) =>
      settings.putWeights(ctxOf(req), expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.get('/api/pay-bands', {
    config: { roles: [...payBandReaderRoles] },
    schema: {
      tags,
      summary: 'Pay bands per grade (min, mid, max monthly pay)',
      response: { 200: z.object({ items: z.array(payBandSchema) }) },
    },
    handler: (req) => settings.payBands(ctxOf(req)),
  });

  app.put('/api/pay-bands', {
    config: { roles: [...peopleHrRoles] },
    schema: {
      tags,
      summary: 'Replace the pay bands (min ≤ mid ≤ max, mid above zero)',
      body: putPayBandsSchema,
      response: { 200: z.object({ items: z.array(payBandSchema) }) },
    },
    handler: (req) => settings.putPayBands(ctxOf(req), req.body),
  });
}
