import { z } from 'zod';
import { ctxOf } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import {
  createPartyLinkSchema,
  createPartyLinkTypeSchema,
  linkParamsSchema,
  networkQuerySchema,
  networkSchema,
  partyLinkSchema,
  partyLinksSchema,
  partyLinkTypeSchema,
  partyLinkTypesSchema,
} from './links.schema.ts';
import { linksService, linkTypesService, networkService } from './links.service.ts';

const tags = ['parties'];

export function linksRoutes(app: TandemApp, deps: Deps) {
  const links = linksService(deps);
  const types = linkTypesService(deps);
  const network = networkService(deps);

  app.get('/api/party-link-types', {
    schema: {
      tags,
      summary: 'Link types: the built-in ones (works_at, reports_to, referred_by …) and the organisation’s own',
      response: { 200: partyLinkTypesSchema },
    },
    handler: (req) => types.types(ctxOf(req)),
  });
  app.post('/api/party-link-types', {
    config: { roles: ['admin'] },
    schema: {
      tags,
      summary: 'Add a link type (admin); 409 when the key exists',
      body: createPartyLinkTypeSchema,
      response: { 201: partyLinkTypeSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await types.createType(ctxOf(req), req.body)),
  });

  app.post('/api/parties/:id/links', {
    schema: {
      tags,
      summary:
        'Link this party to another (this party is the subject: A works_at B). 409 (details.code LINK_EXISTS) when an active link of the type joins them',
      params: idParamsSchema,
      body: createPartyLinkSchema,
      response: { 201: partyLinkSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await links.create(ctxOf(req), req.params.id, req.body)),
  });
  app.get('/api/parties/:id/links', {
    schema: {
      tags,
      summary: 'Links of a party, both directions; the other party shows no name or kind when you may not see it',
      params: idParamsSchema,
      response: { 200: partyLinksSchema },
    },
    handler: (req) => links.list(ctxOf(req), req.params.id),
  });
  app.delete('/api/parties/:id/links/:linkId', {
    schema: {
      tags,
      summary: 'Remove a link (audited)',
      params: linkParamsSchema,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await links.remove(ctxOf(req), req.params.id, req.params.linkId);
      return reply.status(204).send(null);
    },
  });
  app.get('/api/parties/:id/network', {
    schema: {
      tags,
      summary:
        'The parties within `depth` links (1–3, default 2), each once at its shortest distance; at most 200 nodes (truncated). The walk goes on only from parties you may see in full',
      params: idParamsSchema,
      querystring: networkQuerySchema,
      response: { 200: networkSchema },
    },
    handler: (req) => network.network(ctxOf(req), req.params.id, req.query.depth),
  });
}
