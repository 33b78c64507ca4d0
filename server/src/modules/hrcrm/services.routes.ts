import { ctxOf } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { idParamsSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { HRCRM_READERS, HRCRM_WRITERS } from './constants.ts';
import { noContent } from './groups.routes.ts';
import {
  createDeliverySchema,
  createServiceSchema,
  deliveriesSchema,
  deliverySchema,
  serviceSchema,
  servicesSchema,
  updateServiceSchema,
} from './services.schema.ts';
import { deliveriesService, servicesService } from './services.service.ts';

const tags = ['hr-crm'];
const read = { roles: [...HRCRM_READERS] };
const write = { roles: [...HRCRM_WRITERS] };

export function servicesRoutes(app: TandemApp, deps: Deps) {
  const services = servicesService(deps);
  const deliveries = deliveriesService(deps);

  app.get('/api/hr-crm/services', {
    config: read,
    schema: { tags, summary: 'The HR service catalogue', response: { 200: servicesSchema } },
    handler: (req) => services.list(ctxOf(req)),
  });
  app.post('/api/hr-crm/services', {
    config: write,
    schema: {
      tags,
      summary: 'Add a service: the groups it serves, the value each should get and how delivery is measured',
      body: createServiceSchema,
      response: { 201: serviceSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await services.create(ctxOf(req), req.body)),
  });
  app.get('/api/hr-crm/services/:id', {
    config: read,
    schema: { tags, summary: 'One service', params: idParamsSchema, response: { 200: serviceSchema } },
    handler: (req) => services.get(ctxOf(req), req.params.id),
  });
  app.patch('/api/hr-crm/services/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Change a service (groups, when sent, replace the list)',
      params: idParamsSchema,
      body: updateServiceSchema,
      response: { 200: serviceSchema },
    },
    handler: (req) => services.update(ctxOf(req), req.params.id, req.body),
  });
  app.delete('/api/hr-crm/services/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Remove a service from the catalogue (its deliveries stay on record)',
      params: idParamsSchema,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await services.remove(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get('/api/hr-crm/services/:id/deliveries', {
    config: read,
    schema: { tags, summary: 'Deliveries of a service', params: idParamsSchema, response: { 200: deliveriesSchema } },
    handler: (req) => deliveries.deliveries(ctxOf(req), req.params.id),
  });
  app.post('/api/hr-crm/services/:id/deliveries', {
    config: write,
    schema: {
      tags,
      summary: 'Record a delivery of the service to one of its groups',
      params: idParamsSchema,
      body: createDeliverySchema,
      response: { 201: deliverySchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await deliveries.deliver(ctxOf(req), req.params.id, req.body)),
  });
}
