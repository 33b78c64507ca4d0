import { PassThrough, Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { validation } from '../errors.ts';
import { exportLangs } from './readable.ts';

export const exportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** CSV only: UTF-8 with BOM (Excel opens it) or GB18030 for older Chinese Excel. */
  encoding: z.enum(['utf-8', 'gb18030']).default('utf-8'),
  /** Comma-separated column keys, in order; all columns when omitted. */
  columns: z.string().max(2000).optional(),
  /**
   * The machine format (field names as headers, codes and ids as stored) instead of the readable one (headers,
   * labels and names in the caller's language), which an import maps back.
   */
  raw: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The readable format's language; the caller's language setting when omitted. */
  lang: z.enum(exportLangs).optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export interface ExportColumn<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | boolean | Date | null;
}

/** Walks a keyset-paged source page by page, so memory stays flat whatever the size. */
export async function* allPages<T>(
  fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function pickColumns<T>(all: ExportColumn<T>[], wanted: string | undefined): ExportColumn<T>[] {
  if (!wanted) {
    return all;
  }
  const keys = wanted
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = keys.filter((k) => !all.some((c) => c.key === k));
  if (unknown.length) {
    throw validation(`Unknown export column(s): ${unknown.join(', ')}`, [
      { path: ['query', 'columns'], message: `Known: ${all.map((c) => c.key).join(', ')}`, code: 'unknown_column' },
    ]);
  }
  return keys.map((k) => all.find((c) => c.key === k) as ExportColumn<T>);
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (imports strip it again). */
export const escapeFormula = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);

/** The import side: a value this exporter escaped, as it was. */
export const unescapeFormula = (v: string) => (v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v);

/** A value as written into an exported cell: ISO times, text escaped against formula injection. */
export const exportCell = (v: ReturnType<ExportColumn<unknown>['value']>) =>
  v instanceof Date ? v.toISOString() : typeof v === 'string' ? escapeFormula(v) : v;

/** The first row read before any byte is sent, so a bad filter or a failing query still answers a clean error. */
async function withFirstRow<T>(rows: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = rows[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) {
        return;
      }
      yield first.value;
      for (let next = await it.next(); !next.done; next = await it.next()) {
        yield next.value;
      }
    },
  };
}

/** Re-encodes a UTF-8 byte stream; the decoder keeps characters split across chunks whole. */
function utf8To(encoding: string): Transform {
  const decoder = new StringDecoder('utf8');
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, iconv.encode(decoder.write(chunk), encoding));
    },
    flush(cb) {
      cb(null, iconv.encode(decoder.end(), encoding));
    },
  });
}

/**
 * Streams rows as CSV or XLSX to the client. Everything that can fail on the request (columns, filters, the first
 * page) fails before the first byte, as a JSON error; a failure later ends the download short (the client sees an
 * incomplete transfer, never a file that looks whole) and is logged.
 */
export async function sendExport<T>(
  reply: FastifyReply,
  opts: {
    name: string;
    query: Pick<ExportQuery, 'format' | 'encoding' | 'columns'>;
    columns: ExportColumn<T>[];
    rows: AsyncIterable<T>;
  },
) {
  const columns = pickColumns(opts.columns, opts.query.columns);
  const rows = await withFirstRow(opts.rows);
  const failed = (err: unknown) => reply.log.error({ err, export: opts.name }, 'export failed after it started');
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `${opts.name}-${stamp}.${opts.query.format}`;
  void reply.header('content-disposition', `attachment; filename="${filename}"`);

  if (opts.query.format === 'xlsx') {
    const out = new PassThrough();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const ws = wb.addWorksheet(opts.name);
    ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: 20 }));
    void (async () => {
      try {
        for await (const row of rows) {
          ws.addRow(columns.map((c) => exportCell(c.value(row)))).commit();
        }
        ws.commit();
        await wb.commit();
      } catch (err) {
        failed(err);
        out.destroy(err as Error);
      }
    })();
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(out);
  }

  // Booleans as true/false (csv-stringify's default writes false as an empty cell, which an import reads as unset).
  const csv = stringify({
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    bom: opts.query.encoding === 'utf-8',
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
  const source = Readable.from(
    (async function* () {
      for await (const row of rows) {
        yield Object.fromEntries(columns.map((c) => [c.key, exportCell(c.value(row))]));
      }
    })(),
  );
  source.on('error', (err) => {
    failed(err);
    csv.destroy(err);
  });
  source.pipe(csv);
  if (opts.query.encoding === 'gb18030') {
    return reply.type('text/csv; charset=gb18030').send(csv.pipe(utf8To('gb18030')));
  }
  return reply.type('text/csv; charset=utf-8').send(csv);
}
