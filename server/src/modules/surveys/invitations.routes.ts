import { z } from 'zod';
import { ctxOf } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { idParamsSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { DEFAULT_INVITATION_DAYS } from './constants.ts';
import { invitationsService, myInvitationsService } from './invitations.service.ts';
import { invitationsSchema, inviteSchema, myLinkSchema, mySurveySchema, remindersSchema } from './surveys.schema.ts';
import { managers } from './surveys.routes.ts';
import type { surveysService } from './surveys.service.ts';

export function invitationRoutes(app: TandemApp, deps: Deps, surveys: ReturnType<typeof surveysService>) {
  const invitations = invitationsService(deps, surveys);
  const mine = myInvitationsService(deps);
  const tags = ['surveys'];

  app.post('/api/surveys/:id/invitations', {
    config: { roles: managers },
    schema: {
      tags,
      summary: 'One single-use answer link per party, emailed when mail is set up',
      params: idParamsSchema,
      body: inviteSchema,
      response: { 200: invitationsSchema },
    },
    handler: (req) => invitations.invite(ctxOf(req), req.params.id, req.body),
  });

  app.post('/api/surveys/:id/reminders', {
    config: { roles: managers },
    schema: {
      tags,
      summary: 'Email a fresh link to every invitee who has not answered (anonymous surveys: no count is returned)',
      params: idParamsSchema,
      body: z
        .object({ expiresInDays: z.number().int().min(1).max(365).default(DEFAULT_INVITATION_DAYS) })
        .strict()
        .default({ expiresInDays: DEFAULT_INVITATION_DAYS }),
      response: { 200: remindersSchema },
    },
    handler: (req) => invitations.remind(ctxOf(req), req.params.id, req.body.expiresInDays),
  });

  app.get('/api/me/surveys', {
    schema: {
      tags,
      summary: 'Open surveys you are invited to (through the party your account is linked to)',
      response: { 200: z.object({ items: z.array(mySurveySchema) }) },
    },
    handler: async (req) => ({ items: await mine.mine(ctxOf(req)) }),
  });

  app.post('/api/me/surveys/:id/link', {
    schema: {
      tags,
      summary: 'A fresh answer link for your own invitation, shown only to you (the previous one stops working)',
      params: idParamsSchema,
      response: { 200: myLinkSchema },
    },
    handler: (req) => mine.myLink(ctxOf(req), req.params.id),
  });
}
