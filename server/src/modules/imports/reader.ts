import { createReadStream, type ReadStream } from 'node:fs';
import { unescapeFormula } from '../../platform/export/exporter.ts';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError, validation } from '../../platform/errors.ts';
import { decodable, detectDelimiter, detectEncoding, encodings, isZip, looksBinary } from './sniff.ts';

/**
 * Reading an uploaded file as a stream of records: CSV (any of , ; tab | as delimiter, quoted
 * fields with newlines, a BOM) in UTF-8, UTF-16 or GB18030/GBK (detected on the first 64 KB, a BOM
 * wins, overridable), or the first worksheet of an XLSX workbook (streamed). Memory stays flat:
 * nothing holds more than one record and the parser's buffer.
 */
export type Cell = string | Date | null;
export interface SourceInfo {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  /** Up to ten data rows, as text. */
  sample: string[][];
}
/** A data record: `index` counts data records from 0; `row` is the row number as a spreadsheet shows it (header = 1). */
export type SourceRecord =
  | { index: number; row: number; cells: Cell[] }
  | { index: number; row: number; error: { code: string; message: string } };

const SAMPLE_BYTES = 64 * 1024;

async function head(path: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

// A workbook cell may hold a NUL (Excel's _x0000_ escape), which the database cannot store.
const cleanHeader = (h: unknown, i: number) => {
  const s = cellText(h as Cell)
    .replace(/^\uFEFF/, '')
    .replaceAll('\u0000', '')
    .trim();
  return s || `column${i + 1}`;
};

/** The header and a sample of a workbook's first sheet; 400 when it is empty or cannot be read. */
async function inspectXlsx(path: string): Promise<SourceInfo> {
  const rows: string[][] = [];
  try {
    for await (const r of xlsxRows(path)) {
      rows.push(r.cells.map(cellText));
      if (rows.length > 10) {
        break;
      }
    }
  } catch (err) {
    if (err instanceof AppError) {
      throw err;
    }
    const message = 'The workbook cannot be read: the file is damaged or not an XLSX workbook';
    throw validation(message, [{ path: ['file'], message, code: 'unreadable_workbook' }]);
  }
  if (!rows.length) {
    throw validation('The workbook’s first sheet is empty', [
      { path: ['file'], message: 'No rows', code: 'empty_file' },
    ]);
  }
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers: (rows[0] ?? []).map(cleanHeader),
    sample: rows.slice(1),
  };
}

/**
 * The header and sample rows of a CSV. An unclosed quote in the sample keeps the header only (the import
 * reports the row); one in the header line leaves no header to read, a 400.
 */
function sampleRows(text: string, delimiter: string): string[][] {
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };
  let parsed: unknown;
  try {
    parsed = parseSync(text, { ...options, to_line: 200 });
    return parsed as string[][];
  } catch {
    // fall back to the header line alone
  }
  try {
    parsed = parseSync(text.split(/\r?\n/).slice(0, 1).join('\n'), options);
    return parsed as string[][];
  } catch {
    const message = 'The header line opens a quote that is never closed';
    throw validation(message, [{ path: ['file'], message, code: 'unclosed_quote' }]);
  }
}

/** Decodes, sniffs and reads the header and a sample; 400 with a clear message for an empty or unreadable file. */
export async function inspect(
  path: string,
  opts: { encoding?: string | undefined; delimiter?: string | undefined } = {},
): Promise<SourceInfo> {
  const b = await head(path);
  if (!b.length) {
    throw validation('The file is empty', [{ path: ['file'], message: 'The file is empty', code: 'empty_file' }]);
  }
  if (isZip(b)) {
    return inspectXlsx(path);
  }
  const encoding = opts.encoding ?? detectEncoding(b);
  if (!decodable(encoding)) {
    throw validation(`Unknown encoding ${encoding}`, [
      { path: ['encoding'], message: `Known: ${encodings.join(', ')}`, code: 'unknown_encoding' },
    ]);
  }
  let text = iconv.decode(b, encoding).replace(/^\uFEFF/, '');
  if (b.length === SAMPLE_BYTES) {
    // Cut at the last line break so the sample holds whole lines (a quoted newline may still cut a record: relax below).
    text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0));
  }
  if (!text.trim()) {
    throw validation('The file is empty', [{ path: ['file'], message: 'The file has no text', code: 'empty_file' }]);
  }
  if (looksBinary(text)) {
    const message = `This is not a CSV file: it holds binary data when read as ${encoding} (upload a CSV or XLSX file, or name the encoding it was saved in)`;
    throw validation(message, [{ path: ['file'], message, code: 'binary_file' }]);
  }
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const rows = sampleRows(text, delimiter);
  return { format: 'csv', encoding, delimiter, headers: (rows[0] ?? []).map(cleanHeader), sample: rows.slice(1, 11) };
}

/**
 * A cell as text (rich text, hyperlinks and formula results flattened; dates as ISO). A value Tandem's own export
 * escaped against formula injection ('+86…, '=…) comes back as it was.
 */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (v instanceof Date) {
    return isoOfDate(v);
  }
  return unescapeFormula(String(v));
}

const isoOfDate = (d: Date) =>
  d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0
    ? d.toISOString().slice(0, 10)
    : d.toISOString();

function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) {
    return null;
  }
  if (v instanceof Date) {
    return v;
  }
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
      hyperlink?: string;
    };
    if (o.richText) {
      return o.richText.map((t) => t.text).join('');
    }
    if ('result' in o) {
      return xlsxCell(o.result);
    }
    if (o.text !== undefined) {
      return xlsxCell(o.text);
    }
    if (o.error) {
      return null;
    }
    return JSON.stringify(v);
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects were handled above
  return String(v);
}

/**
 * Fails when the zip stream the input is piped into fails. exceljs's streaming reader never settles on a
 * damaged zip (the unzip error leaves it waiting for a worksheet copy to finish), so the error is caught here.
 */
function zipFailure(input: ReadStream): Promise<never> {
  const failed = new Promise<never>((_resolve, reject) => {
    const pipe = input.pipe.bind(input);
    input.pipe = ((dest: NodeJS.WritableStream, opts?: { end?: boolean }) => {
      dest.once('error', reject);
      return pipe(dest, opts);
    }) as typeof input.pipe;
  });
  failed.catch(() => undefined); // awaited through `raced` only while reading
  return failed;
}

/** Each step of the iteration, unless `failed` rejects first. */
async function* raced<T>(items: AsyncIterable<T>, failed: Promise<never>): AsyncGenerator<T> {
  const it = items[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([it.next(), failed]);
    if (next.done) {
      return;
    }
    yield next.value;
  }
}

async function* xlsxRows(path: string, onBytes?: (n: number) => void): AsyncGenerator<{ row: number; cells: Cell[] }> {
  const input = createReadStream(path);
  const failed = zipFailure(input);
  if (onBytes) {
    input.on('data', (c) => onBytes(c.length));
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  try {
    for await (const ws of raced(wb, failed)) {
      for await (const row of raced(ws as AsyncIterable<ExcelJS.Row>, failed)) {
        const values = row.values as unknown[];
        yield { row: row.number, cells: values.slice(1).map(xlsxCell) };
      }
      return; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
}

const nulRow = {
  code: 'nul_character',
  message: 'The row holds a NUL character (binary data), which cannot be stored',
};

/** A data record, or an error in its place when a cell holds a NUL (binary data past the part the upload checked). */
const recordOf = (index: number, row: number, cells: Cell[]): SourceRecord =>
  cells.some((c) => typeof c === 'string' && c.includes('\u0000'))
    ? { index, row, error: nulRow }
    : { index, row, cells };

/**
 * The data records after the header, from `skip` on (records before it are read but not returned:
 * a resumed import starts where its checkpoint says). `onBytes` reports file bytes read, for progress.
 */
export async function* readRecords(
  path: string,
  info: SourceInfo,
  opts: { skip?: number; onBytes?: (n: number) => void } = {},
): AsyncGenerator<SourceRecord> {
  const skip = opts.skip ?? 0;
  let index = -1;
  if (info.format === 'xlsx') {
    let first = true;
    for await (const r of xlsxRows(path, opts.onBytes)) {
      if (first) {
        first = false;
        continue;
      }
      if (r.cells.every((c) => c === null || cellText(c).trim() === '')) {
        continue;
      }
      index++;
      if (index >= skip) {
        yield recordOf(index, r.row, r.cells);
      }
    }
    return;
  }
  const skipped: { code: string; message: string }[] = [];
  const input = createReadStream(path);
  if (opts.onBytes) {
    const report = opts.onBytes;
    input.on('data', (c) => report(c.length));
  }
  const parser = input.pipe(iconv.decodeStream(info.encoding ?? 'utf-8', { stripBOM: true })).pipe(
    parse({
      delimiter: info.delimiter ?? ',',
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) {
          skipped.push({
            code: err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed_quote' : 'unreadable_row',
            message:
              err.code === 'CSV_QUOTE_NOT_CLOSED'
                ? `A quote opened near line ${String(err.lines)} is never closed: the text after it could not be read`
                : err.message,
          });
        }
        return undefined;
      },
    }),
  );
  let header = true;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (header) {
        header = false;
        continue;
      }
      index++;
      if (index >= skip) {
        yield recordOf(index, index + 2, cells);
      }
    }
  } finally {
    input.destroy();
  }
  for (const error of skipped) {
    index++;
    if (index >= skip) {
      yield { index, row: index + 2, error };
    }
  }
}
