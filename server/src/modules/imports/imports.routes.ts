import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { escapeFormula } from '../../platform/export/exporter.ts';
import { ctxOf } from '../../platform/auth/actor.ts';
import { errorBodySchema, pageSchema } from '../../platform/http/common.schema.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import {
  importIdSchema,
  importJobSchema,
  importPreviewSchema,
  listImportsQuerySchema,
  revertResultSchema,
  startImportSchema,
  uploadQuerySchema,
} from './imports.schema.ts';
import type { importsService } from './imports.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Imports = ReturnType<typeof importsService>;

/** The upload takes the raw file as the body (CSV or XLSX), streamed to disk under its own size limit. */
function uploadRoute(app: TandemApp, imports: Imports, maxBytes: number) {
  void app.register((scope: TandemApp, _opts, next) => {
    // This scope only: the file arrives as a stream, which the service writes to disk as it comes.
    scope.addContentTypeParser(
      ['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel', XLSX],
      { bodyLimit: maxBytes },
      (_req, payload, done) => done(null, payload),
    );
    scope.post('/api/imports', {
      schema: {
        tags: ['imports'],
        summary:
          'Upload a CSV or XLSX file to import (raw body: text/csv, application/octet-stream or the xlsx type); answers the detected encoding, delimiter, headers, sample rows and a suggested mapping',
        querystring: uploadQuerySchema,
        response: { 201: importPreviewSchema, 415: errorBodySchema },
      },
      handler: async (req, reply) => {
        const length = Number(req.headers['content-length']);
        const body = req.body as Readable | undefined;
        if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
          return reply.status(415).send({
            error: {
              code: 'UNSUPPORTED_MEDIA_TYPE',
              message:
                'Send the file as the request body with Content-Type text/csv, application/octet-stream or the xlsx type',
            },
          });
        }
        const out = await imports.upload(ctxOf(req), req.query, body, Number.isFinite(length) ? length : undefined);
        return reply.status(201).send(out);
      },
    });
    next();
  });
}

/** The error report as CSV, streamed from the database a page at a time. */
function errorReportRoute(app: TandemApp, imports: Imports) {
  app.get('/api/imports/:id/errors.csv', {
    schema: {
      tags: ['imports'],
      summary: 'The error report as CSV (UTF-8 with BOM): row, column, code, message, value',
      params: importIdSchema,
    },
    handler: async (req, reply) => {
      const rows = await imports.errorRows(ctxOf(req), req.params.id);
      const csv = stringify({ header: true, bom: true, columns: ['row', 'column', 'code', 'message', 'value'] });
      void (async () => {
        try {
          for await (const r of rows) {
            if (!csv.write({ ...r, value: r.value === null ? null : escapeFormula(r.value) })) {
              await new Promise((resolve) => csv.once('drain', resolve));
            }
          }
          csv.end();
        } catch (err) {
          csv.destroy(err as Error);
        }
      })();
      void reply.header('content-disposition', `attachment; filename="import-${req.params.id}-errors.csv"`);
      return reply.type('text/csv; charset=utf-8').send(csv);
    },
  });
}

/** Every route of the imports module. */
export function importsRoutes(app: TandemApp, imports: Imports, maxBytes: number) {
  uploadRoute(app, imports, maxBytes);

  app.get('/api/imports', {
    schema: {
      tags: ['imports'],
      summary: 'Imports (yours; admins see all)',
      querystring: listImportsQuerySchema,
      response: { 200: pageSchema(importJobSchema) },
    },
    handler: (req) => imports.list(ctxOf(req), req.query),
  });

  app.get('/api/imports/:id', {
    schema: {
      tags: ['imports'],
      summary: 'An import: status, counts, progress, rows/s and ETA',
      params: importIdSchema,
      response: { 200: importJobSchema },
    },
    handler: (req) => imports.get(ctxOf(req), req.params.id),
  });

  app.post('/api/imports/:id/preview', {
    schema: {
      tags: ['imports'],
      summary: 'The preview again (detected settings, headers, sample, suggested mapping)',
      params: importIdSchema,
      response: { 200: importPreviewSchema },
    },
    handler: (req) => imports.preview(ctxOf(req), req.params.id),
  });

  app.post('/api/imports/:id/start', {
    schema: {
      tags: ['imports'],
      summary:
        'Start an uploaded import with a mapping and options; it runs in the background (poll GET /api/imports/:id)',
      params: importIdSchema,
      body: startImportSchema,
      response: { 202: importJobSchema },
    },
    handler: async (req, reply) => reply.status(202).send(await imports.start(ctxOf(req), req.params.id, req.body)),
  });

  errorReportRoute(app, imports);

  app.post('/api/imports/:id/revert', {
    schema: {
      tags: ['imports'],
      summary: 'Undo an import: what it created goes (parties to the bin), what it updated is restored',
      params: importIdSchema,
      response: { 200: revertResultSchema },
    },
    handler: (req) => imports.revert(ctxOf(req), req.params.id),
  });
}
