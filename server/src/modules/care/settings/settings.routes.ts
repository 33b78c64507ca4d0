import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { careMarketingRoles, careSettingsEditorRoles } from '../constants.ts';
import { careSettingsSchema, updateCareSettingsSchema } from './settings.schema.ts';
import { careSettingsService } from './settings.service.ts';

/** The organisation's care settings (the commercial cap). */
export function careSettingsRoutes(app: TandemApp, deps: Deps) {
  const settings = careSettingsService(deps);
  const tags = ['care'];
  app.get('/api/care/settings', {
    config: { roles: [...careMarketingRoles] },
    schema: { tags, summary: 'Care settings (the commercial cap)', response: { 200: careSettingsSchema } },
    handler: (req) => settings.get(ctxOf(req)),
  });
  app.put('/api/care/settings', {
    config: { roles: [...careSettingsEditorRoles] },
    schema: {
      tags,
      summary: 'Set the commercial cap (admins; send version, 1 the first time; audited)',
      body: updateCareSettingsSchema,
      response: { 200: careSettingsSchema },
    },
    handler: (req) => settings.update(ctxOf(req), expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });
}
