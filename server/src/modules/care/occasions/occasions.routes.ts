import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careOccasionEditorRoles, careStaffRoles } from '../constants.ts';
import {
  occasionCategoriesSchema,
  occasionKeyParamsSchema,
  occasionsQuerySchema,
  occasionsSchema,
  setOccasionCategoriesSchema,
  suggestionsQuerySchema,
  suggestionsSchema,
} from './occasions.schema.ts';
import { careOccasionsService } from './occasions.service.ts';

const staff = { roles: [...careStaffRoles] };
const editors = { roles: [...careOccasionEditorRoles] };

/** The occasion calendar (lunar dates computed), its category rules, and who is likely to buy for an occasion. */
export function careOccasionsRoutes(app: TandemApp, deps: Deps) {
  const occasions = careOccasionsService(deps);

  app.get('/api/care/occasions', {
    config: staff,
    schema: {
      tags: ['care'],
      summary: 'The occasions of a year with their Gregorian dates (lunar festivals computed) and categories',
      querystring: occasionsQuerySchema,
      response: { 200: occasionsSchema },
    },
    handler: (req) => occasions.calendar(ctxOf(req), req.query.year),
  });

  app.get('/api/care/occasions/:key/suggestions', {
    config: staff,
    schema: {
      tags: ['care'],
      summary: 'Customers you may see who are likely to buy for the occasion, with the reasons',
      params: occasionKeyParamsSchema,
      querystring: suggestionsQuerySchema,
      response: { 200: suggestionsSchema },
    },
    handler: (req) => occasions.suggestions(ctxOf(req), req.params.key, req.query),
  });

  app.put('/api/care/occasions/:key/categories', {
    config: editors,
    schema: {
      tags: ['care'],
      summary: 'Set the product categories that sell for an occasion (admins, managers, marketing)',
      params: occasionKeyParamsSchema,
      body: setOccasionCategoriesSchema,
      response: { 200: occasionCategoriesSchema },
    },
    handler: (req) => occasions.setCategories(ctxOf(req), req.params.key, req.body),
  });
}
