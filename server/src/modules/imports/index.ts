import os from 'node:os';
import path from 'node:path';
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { DEFAULT_IMPORT_MAX_BYTES, type ImportSettings } from './imports.job.ts';
import { importsRoutes } from './imports.routes.ts';
import { importsService } from './imports.service.ts';

export {
  importsService,
  importRoles,
  toImportJob,
  DEFAULT_IMPORT_MAX_BYTES,
  type ImportSettings,
  type RunHooks,
} from './imports.service.ts';
export { importEntities, upsertKeys, type ImportJob, type ImportPreview, type StartImport } from './imports.schema.ts';

/** Settings of an app built without any (tests): files in the temp dir, the default size limit. `tandem serve` passes TANDEM_DATA_DIR/imports and TANDEM_IMPORT_MAX_BYTES. */
export const defaultImportSettings = (): ImportSettings => ({
  dir: path.join(os.tmpdir(), 'tandem-imports'),
  maxBytes: DEFAULT_IMPORT_MAX_BYTES,
});

/**
 * Every route of the imports module. Imports run in the server process; jobs a crash or a
 * restart interrupted resume from their checkpoints when the server is ready, and every lease
 * period the server looks for jobs whose runner died (its lease expired) and resumes them.
 */
export function importsModule(app: TandemApp, deps: Deps, settings: ImportSettings = defaultImportSettings()) {
  const service = importsService(deps, settings);
  importsRoutes(app, service, settings.maxBytes);
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await service.resumeUnfinished();
    sweep = setInterval(
      () => {
        service.resumeUnfinished().catch((err: unknown) => deps.log.error({ err }, 'resuming orphaned imports failed'));
      },
      (settings.leaseSeconds ?? 60) * 1000,
    );
    sweep.unref();
  });
  app.addHook('onClose', (_app, done) => {
    clearInterval(sweep);
    done();
  });
  return service;
}

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { importsAccessMatrix } from './imports.access-matrix.ts';
