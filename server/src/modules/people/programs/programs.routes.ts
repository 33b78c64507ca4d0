import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { programReaderRoles, programWriterRoles } from '../constants.ts';
import { pdcaService } from './pdca.service.ts';
import {
  createPdcaSchema,
  createVisionSchema,
  listPdcaQuerySchema,
  listVisionQuerySchema,
  patchPdcaSchema,
  patchVisionSchema,
  pdcaSchema,
  visionSchema,
} from './programs.schema.ts';
import { visionService } from './vision.service.ts';

/** PDCA cycles and vision reviews: HR and admin all, executives read, managers the units they manage. */
export function programsRoutes(app: TandemApp, deps: Deps) {
  const pdca = pdcaService(deps);
  const vision = visionService(deps);
  const tags = ['people'];
  const readers = { roles: [...programReaderRoles] };
  const writers = { roles: [...programWriterRoles] };

  app.post('/api/pdca-cycles', {
    config: writers,
    schema: {
      tags,
      summary: 'Start a PDCA cycle for a unit you manage (HR: any)',
      body: createPdcaSchema,
      response: { 201: pdcaSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await pdca.create(ctxOf(req), req.body)),
  });
  app.get('/api/pdca-cycles', {
    config: readers,
    schema: {
      tags,
      summary: 'PDCA cycles you may read, newest first',
      querystring: listPdcaQuerySchema,
      response: { 200: pageSchema(pdcaSchema) },
    },
    handler: (req) => pdca.list(ctxOf(req), req.query),
  });
  app.get('/api/pdca-cycles/:id', {
    config: readers,
    schema: { tags, summary: 'One PDCA cycle', params: idParamsSchema, response: { 200: pdcaSchema } },
    handler: (req) => pdca.get(ctxOf(req), req.params.id),
  });
  app.patch('/api/pdca-cycles/:id', {
    config: writers,
    schema: {
      tags,
      summary: "Change a PDCA cycle; status moves one step forward, and from 'act' back to 'plan' for the next turn",
      params: idParamsSchema,
      body: patchPdcaSchema,
      response: { 200: pdcaSchema },
    },
    handler: (req) => pdca.update(ctxOf(req), req.params.id, req.body),
  });

  app.post('/api/vision-reviews', {
    config: writers,
    schema: {
      tags,
      summary: "Record a unit's yearly vision review (one per unit and year; 409 on a second)",
      body: createVisionSchema,
      response: { 201: visionSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await vision.create(ctxOf(req), req.body)),
  });
  app.get('/api/vision-reviews', {
    schema: {
      tags,
      summary: "Vision reviews you may read (everyone: their own unit's and the organisation's)",
      querystring: listVisionQuerySchema,
      response: { 200: pageSchema(visionSchema) },
    },
    handler: (req) => vision.list(ctxOf(req), req.query),
  });
  app.get('/api/vision-reviews/:id', {
    schema: { tags, summary: 'One vision review', params: idParamsSchema, response: { 200: visionSchema } },
    handler: (req) => vision.get(ctxOf(req), req.params.id),
  });
  app.patch('/api/vision-reviews/:id', {
    config: writers,
    schema: {
      tags,
      summary: 'Change a vision review',
      params: idParamsSchema,
      body: patchVisionSchema,
      response: { 200: visionSchema },
    },
    handler: (req) => vision.update(ctxOf(req), req.params.id, req.body),
  });
}
