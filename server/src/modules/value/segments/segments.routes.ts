import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { idParamsSchema, pageSchema } from '../../../platform/http/common.schema.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { segmentEditorRoles, valueStaffRoles } from './constants.ts';
import { segmentMembersService } from './members-add.service.ts';
import {
  addSegmentMembersOutcomeSchema,
  addSegmentMembersSchema,
  createSegmentSchema,
  listSegmentsQuerySchema,
  membersQuerySchema,
  segmentCountSchema,
  segmentHistorySchema,
  segmentMemberSchema,
  segmentPreviewBodySchema,
  segmentPreviewSchema,
  segmentSchema,
  updateSegmentSchema,
} from './segments.schema.ts';
import { segmentsService } from './segments.service.ts';

const editors = { roles: [...segmentEditorRoles] };
const staff = { roles: [...valueStaffRoles] };

/** Dynamic segments: definitions (organisation-level), live counts and members (under your visibility), history. */
export function segmentsRoutes(app: TandemApp, deps: Deps) {
  const segments = segmentsService(deps);
  const members = segmentMembersService(deps);

  app.get('/api/segments', {
    config: staff,
    schema: {
      tags: ['segments'],
      summary: 'Segments by name (active ones; ?archived=true for the archived)',
      querystring: listSegmentsQuerySchema,
      response: { 200: pageSchema(segmentSchema) },
    },
    handler: (req) => segments.list(ctxOf(req), req.query),
  });

  app.post('/api/segments', {
    config: editors,
    schema: {
      tags: ['segments'],
      summary: 'Define a segment by a rule tree (admins, managers, marketing); a taken active name answers 409',
      body: createSegmentSchema,
      response: { 201: segmentSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await segments.create(ctxOf(req), req.body)),
  });

  app.post('/api/segments/preview', {
    config: staff,
    schema: {
      tags: ['segments'],
      summary: 'The live count and first members of a rule before it is saved (writes nothing)',
      body: segmentPreviewBodySchema,
      response: { 200: segmentPreviewSchema },
    },
    handler: (req) => segments.preview(ctxOf(req), req.body.rule),
  });

  app.get('/api/segments/:id', {
    config: staff,
    schema: { tags: ['segments'], summary: 'One segment', params: idParamsSchema, response: { 200: segmentSchema } },
    handler: (req) => segments.get(ctxOf(req), req.params.id),
  });

  app.patch('/api/segments/:id', {
    config: editors,
    schema: {
      tags: ['segments'],
      summary: 'Change a segment (send version); archive with archived: true',
      params: idParamsSchema,
      body: updateSegmentSchema,
      response: { 200: segmentSchema },
    },
    handler: (req) =>
      segments.update(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.post('/api/segments/:id/members', {
    config: editors,
    schema: {
      tags: ['segments'],
      summary:
        'Add parties by hand (a selection of the party list, each one you read in full): the rule gains an explicit list, or-ed with its conditions; audited',
      params: idParamsSchema,
      body: addSegmentMembersSchema,
      response: { 200: addSegmentMembersOutcomeSchema },
    },
    handler: (req) => members.add(ctxOf(req), req.params.id, req.body),
  });

  app.get('/api/segments/:id/count', {
    config: staff,
    schema: {
      tags: ['segments'],
      summary: 'How many of the customers you may see are members now',
      params: idParamsSchema,
      response: { 200: segmentCountSchema },
    },
    handler: (req) => segments.count(ctxOf(req), req.params.id),
  });

  app.get('/api/segments/:id/members', {
    config: staff,
    schema: {
      tags: ['segments'],
      summary: 'Members you may see, now, keyset-paged by name or by value (latest value snapshot)',
      params: idParamsSchema,
      querystring: membersQuerySchema,
      response: { 200: pageSchema(segmentMemberSchema) },
    },
    handler: (req) => segments.members(ctxOf(req), req.params.id, req.query),
  });

  app.get('/api/segments/:id/history', {
    config: staff,
    schema: {
      tags: ['segments'],
      summary: 'Members, entries and exits per month taken (monthly snapshots), over the members you may see',
      params: idParamsSchema,
      response: { 200: segmentHistorySchema },
    },
    handler: (req) => segments.history(ctxOf(req), req.params.id),
  });
}
