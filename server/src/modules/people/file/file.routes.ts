import { ctxOf } from '../../../platform/auth/actor.ts';
import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { TandemApp } from '../../../platform/http/types.ts';
import {
  contractParamsSchema,
  contractSchema,
  employeeFileSchema,
  employeeParamsSchema,
  patchContractSchema,
  patchEmployeeSchema,
} from './file.schema.ts';
import { fileService } from './file.service.ts';

export function fileRoutes(app: TandemApp, deps: Deps) {
  const files = fileService(deps);
  const tags = ['employees'];

  app.get('/api/employees/:id', {
    schema: {
      tags,
      summary: "An employee's file: employment, pay and band, contracts, training, promotions (the circle only; 404)",
      params: employeeParamsSchema,
      response: { 200: employeeFileSchema },
    },
    handler: (req) => files.get(ctxOf(req), req.params.id),
  });

  app.patch('/api/employees/:id', {
    schema: {
      tags,
      summary:
        'Change the file (HR): employment fields, pay (kept in the pay history), stage or phase with a reason, a new contract or training record; send the role version',
      params: employeeParamsSchema,
      body: patchEmployeeSchema,
      response: { 200: employeeFileSchema },
    },
    handler: (req) =>
      files.patch(ctxOf(req), req.params.id, expectedVersion(req.body.version, req.headers['if-match']), req.body),
  });

  app.patch('/api/employees/:id/contracts/:contractId', {
    schema: {
      tags,
      summary: "A contract's renewal intent, end or note (HR and the management chain; send version)",
      params: contractParamsSchema,
      body: patchContractSchema,
      response: { 200: contractSchema },
    },
    handler: (req) =>
      files.patchContract(
        ctxOf(req),
        req.params.id,
        req.params.contractId,
        expectedVersion(req.body.version, req.headers['if-match']),
        req.body,
      ),
  });
}
