import { ctxOf } from '../../../platform/auth/actor.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import { KEY_PERSON_ROLES } from '../insight.access.ts';
import {
  backupsBodySchema,
  backupsSchema,
  keyPersonQuerySchema,
  keyPersonSchema,
  simulateBodySchema,
  simulateSchema,
} from './key-person.schema.ts';
import type { KeyPersonService } from './key-person.service.ts';

export function keyPersonRoutes(app: TandemApp, svc: KeyPersonService) {
  app.get('/api/insight/key-person-risk', {
    config: { roles: KEY_PERSON_ROLES },
    schema: {
      tags: ['insight'],
      summary:
        'Key-person risk per owner over the trailing 365 days: customers, revenue, share, backup coverage, attrition risk, exposure; concentration over owners',
      querystring: keyPersonQuerySchema,
      response: { 200: keyPersonSchema },
    },
    handler: (req) => svc.risk(ctxOf(req), req.query),
  });
  app.post('/api/insight/key-person-risk/simulate', {
    config: { roles: KEY_PERSON_ROLES },
    schema: {
      tags: ['insight'],
      summary:
        'What if these owners left: customers and revenue left without an owner or active backup, by RFM segment',
      body: simulateBodySchema,
      response: { 200: simulateSchema },
    },
    handler: (req) => svc.simulate(ctxOf(req), req.body),
  });
  app.post('/api/insight/key-person-risk/backups', {
    config: { roles: KEY_PERSON_ROLES },
    schema: {
      tags: ['insight'],
      summary:
        'Assign backup owners in bulk (parties you may change; all or nothing, audited; a wrong row answers 4xx naming it)',
      body: backupsBodySchema,
      response: { 200: backupsSchema },
    },
    handler: (req) => svc.backups(ctxOf(req), req.body),
  });
}
