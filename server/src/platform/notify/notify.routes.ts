import { ctxOf } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { idParamsSchema } from '../http/common.schema.ts';
import type { TandemApp } from '../http/types.ts';
import { DIGEST_CRON, DIGEST_JOB, sendDigests } from './digest.ts';
import {
  listNotificationsQuerySchema,
  notificationCountSchema,
  notificationPageSchema,
  notificationSchema,
  notificationSettingsSchema,
  putNotificationSettingsSchema,
  readAllResultSchema,
} from './notify.schema.ts';
import { notificationsService } from './notify.service.ts';

/** The caller's notifications (everyone signed in; only their own) and the daily email digest job. */
export function notificationsRoutes(app: TandemApp, deps: Deps) {
  const svc = notificationsService(deps);
  const tags = ['notifications'];
  deps.jobs.define({ name: DIGEST_JOB, cron: DIGEST_CRON, handler: async () => void (await sendDigests(deps)) });

  app.get('/api/notifications', {
    schema: {
      tags,
      summary: 'Your notifications, newest first (unread=true: only unread)',
      querystring: listNotificationsQuerySchema,
      response: { 200: notificationPageSchema },
    },
    handler: async (req) => svc.list(ctxOf(req), req.query),
  });
  app.get('/api/notifications/count', {
    schema: { tags, summary: 'How many of your notifications are unread', response: { 200: notificationCountSchema } },
    handler: async (req) => svc.count(ctxOf(req)),
  });
  app.post('/api/notifications/read-all', {
    schema: { tags, summary: 'Mark all your notifications read', response: { 200: readAllResultSchema } },
    handler: async (req) => svc.markAllRead(ctxOf(req)),
  });
  app.post('/api/notifications/:id/read', {
    schema: {
      tags,
      summary: 'Mark one of your notifications read',
      params: idParamsSchema,
      response: { 200: notificationSchema },
    },
    handler: async (req) => svc.markRead(ctxOf(req), req.params.id),
  });
  app.get('/api/notifications/settings', {
    schema: {
      tags,
      summary: 'Your notification settings (the daily email digest)',
      response: { 200: notificationSettingsSchema },
    },
    handler: async (req) => svc.settings(ctxOf(req)),
  });
  app.put('/api/notifications/settings', {
    schema: {
      tags,
      summary: 'Turn your daily email digest on or off',
      body: putNotificationSettingsSchema,
      response: { 200: notificationSettingsSchema },
    },
    handler: async (req) => svc.putSettings(ctxOf(req), req.body),
  });
}
