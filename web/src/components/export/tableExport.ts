// Client-side export of a table the page already holds (the insight tables are not paged, so there is nothing for the
// server's streaming export to stream): CSV with a UTF-8 BOM, and XLSX through exceljs, loaded only when asked for.
// Text cells a spreadsheet would run as formulas get a leading apostrophe, as the server's exporter does.

export type Cell = string | number | boolean | null | undefined;

export interface ExportTable {
  /** File name without extension. */
  name: string;
  header: string[];
  rows: Cell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written: numbers and booleans as they are, text escaped against formula injection. */
export function exportCell(v: Cell): string | number | boolean | null {
  if (v === null || v === undefined) {
    return null;
  }
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

function csvField(v: Cell): string {
  const cell = exportCell(v);
  if (cell === null) {
    return '';
  }
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text (CRLF line ends) with a BOM so spreadsheet programs read UTF-8 (Chinese names) correctly. */
export function toCsv(table: Pick<ExportTable, 'header' | 'rows'>): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name safe on every system: the name's letters (CJK included), digits and dashes, plus a date. */
export function exportFileName(name: string, ext: string, today = new Date()): string {
  const base = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'export';
  return `${base}-${today.toISOString().slice(0, 10)}.${ext}`;
}
