import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { validation } from '../../platform/errors.ts';

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
export const encodings = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'gbk',
  'big5',
  'shift_jis',
  'euc-kr',
  'windows-1252',
  'iso-8859-1',
] as const;
const delimiters = [',', ';', '\t', '|'];

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

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Valid UTF-8, ignoring a character cut off at the end of the sample. */
function validUtf8(b: Buffer): boolean {
  let end = b.length;
  for (let i = 1; i <= 3 && i <= b.length; i++) {
    const c = b[b.length - i] as number;
    if ((c & 0xc0) === 0xc0) {
      end = b.length - i;
      break;
    }
    if ((c & 0x80) === 0) {
      break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** UTF-8 with a few invalid bytes (a file mixing encodings): read as UTF-8, and the rows with bad bytes are reported. */
function mostlyUtf8(b: Buffer): boolean {
  const text = b.toString('utf8');
  let bad = 0;
  let good = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') {
      bad++;
    } else if (ch.charCodeAt(0) > 0x7f) {
      good++;
    }
  }
  return good > bad;
}

/** The text encoding of a CSV: a BOM wins; then valid UTF-8; then UTF-16 by its zero bytes; else what chardet is sure of, or GB18030 (Chinese Excel). */
export function detectEncoding(b: Buffer): string {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return 'utf-8';
  }
  if (b[0] === 0xff && b[1] === 0xfe) {
    return 'utf-16le';
  }
  if (b[0] === 0xfe && b[1] === 0xff) {
    return 'utf-16be';
  }
  if (validUtf8(b) || mostlyUtf8(b)) {
    return 'utf-8';
  }
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < Math.min(b.length, 4096); i++) {
    if (b[i] === 0) {
      if (i % 2) {
        oddZeros++;
      } else {
        evenZeros++;
      }
    }
  }
  const half = Math.min(b.length, 4096) / 4;
  if (oddZeros > half) {
    return 'utf-16le';
  }
  if (evenZeros > half) {
    return 'utf-16be';
  }
  const best = chardet.analyse(b)[0];
  const sure: Record<string, string> = {
    Big5: 'big5',
    Shift_JIS: 'shift_jis',
    'EUC-KR': 'euc-kr',
    'UTF-16LE': 'utf-16le',
    'UTF-16BE': 'utf-16be',
  };
  if (best && best.confidence >= 60 && sure[best.name]) {
    return sure[best.name] as string;
  }
  return 'gb18030';
}

/** The delimiter that splits the header line most often (outside quotes); a comma on a tie or none. */
export function detectDelimiter(text: string): string {
  const counts = new Map(delimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      break;
    } else if (!quoted && counts.has(ch)) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  let best = ',';
  for (const [d, n] of counts) {
    if (n > (counts.get(best) ?? 0)) {
      best = d;
    }
  }
  return best;
}

const cleanHeader = (h: unknown, i: number) => {
  const s = cellText(h as Cell)
    .replace(/^\uFEFF/, '')
    .trim();
  return s || `column${i + 1}`;
};

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
    const rows: string[][] = [];
    for await (const r of xlsxRows(path)) {
      rows.push(r.cells.map(cellText));
      if (rows.length > 10) {
        break;
      }
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
  const encoding = opts.encoding ?? detectEncoding(b);
  if (!iconv.encodingExists(encoding)) {
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
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  let rows: string[][] = [];
  try {
    const parsed: unknown = parseSync(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to_line: 200,
    });
    rows = parsed as string[][];
  } catch {
    // An unclosed quote in the sample: take the lines before it; the import reports the row.
    const parsed: unknown = parseSync(text.split(/\r?\n/).slice(0, 1).join('\n'), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
    });
    rows = parsed as string[][];
  }
  return { format: 'csv', encoding, delimiter, headers: (rows[0] ?? []).map(cleanHeader), sample: rows.slice(1, 11) };
}

/** A cell as text (rich text, hyperlinks and formula results flattened; dates as ISO). */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (v instanceof Date) {
    return isoOfDate(v);
  }
  return String(v);
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

async function* xlsxRows(path: string, onBytes?: (n: number) => void): AsyncGenerator<{ row: number; cells: Cell[] }> {
  const input = createReadStream(path);
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
    for await (const ws of wb) {
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        yield { row: row.number, cells: values.slice(1).map(xlsxCell) };
      }
      return; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
}

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
        yield { index, row: r.row, cells: r.cells };
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
        yield { index, row: index + 2, cells };
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
