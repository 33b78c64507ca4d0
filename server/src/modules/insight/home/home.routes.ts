import { ctxOf } from '../../../platform/auth/actor.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { homeSchema } from './home.schema.ts';
import type { HomeService } from './home.service.ts';

export function homeRoutes(app: TandemApp, svc: HomeService) {
  app.get('/api/home', {
    schema: {
      tags: ['insight'],
      summary: "The home page cards for the caller's roles, each under the caller's visibility",
      response: { 200: homeSchema },
    },
    handler: (req) => svc.home(ctxOf(req)),
  });
}
