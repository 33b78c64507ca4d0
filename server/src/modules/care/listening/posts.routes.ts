import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careMarketingRoles, careStaffRoles } from '../constants.ts';
import { createPostSchema, postSchema, postsQuerySchema, postsSchema, updatePostSchema } from './posts.schema.ts';
import { postsService } from './posts.service.ts';

const tags = ['post plan'];

/** The social post plan: staff read it; admins and marketing plan posts under the commercial-content guard. */
export function postsRoutes(app: TandemApp, deps: Deps) {
  const svc = postsService(deps);

  app.get('/api/care/posts', {
    config: { roles: [...careStaffRoles] },
    schema: {
      tags,
      summary: 'Posts scheduled in [from, to), with the commercial share now (posts included)',
      querystring: postsQuerySchema,
      response: { 200: postsSchema },
    },
    handler: (req) => svc.list(ctxOf(req), req.query),
  });
  app.post('/api/care/posts', {
    config: { roles: [...careMarketingRoles] },
    schema: {
      tags,
      summary: 'Plan a post (409 COMMERCIAL_RATIO_EXCEEDED above the cap unless an admin overrides with a reason)',
      body: createPostSchema,
      response: { 201: postSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  });
  app.patch('/api/care/posts/:id', {
    config: { roles: [...careMarketingRoles] },
    schema: {
      tags,
      summary: 'Change a post (send version); becoming commercial passes the guard again',
      params: idParamsSchema,
      body: updatePostSchema,
      response: { 200: postSchema },
    },
    handler: (req) =>
      svc.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });
}
