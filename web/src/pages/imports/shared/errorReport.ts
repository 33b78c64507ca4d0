/** One line of `GET /api/imports/:id/errors.csv`. */
export interface ErrorRow {
  row: number;
  column: string | null;
  code: string;
  message: string;
  value: string | null;
}

/** A duplicate the import created: its row, and the existing party it shares an email or phone with. */
export interface DuplicateRow {
  row: number;
  partyId: string;
  name: string;
}

/**
 * RFC 4180 CSV (as csv-stringify writes it: `"` quoting, `""` escapes, CRLF or LF, a leading BOM)
 * into rows of cells. The server's error report is the only input, so no dialects.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') {
        i++;
      }
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The error report's rows (the header line names the columns: row, column, code, message, value). */
export function parseErrorReport(text: string): ErrorRow[] {
  const [header, ...lines] = parseCsv(text);
  if (!header) {
    return [];
  }
  const at = (name: string) => header.indexOf(name);
  const [iRow, iColumn, iCode, iMessage, iValue] = ['row', 'column', 'code', 'message', 'value'].map(at) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return lines
    .filter((cells) => cells.length > 1 || (cells[0] ?? '') !== '')
    .map((cells) => ({
      row: Number(cells[iRow]),
      column: cells[iColumn] || null,
      code: cells[iCode] ?? '',
      message: cells[iMessage] ?? '',
      value: iValue >= 0 && cells[iValue] ? cells[iValue] : null,
    }));
}

const uuid = /\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/i;

/**
 * Duplicates named by the report: the server writes `duplicate` rows as "… shares an email or phone
 * with <name> (<id>) …". Rows whose message does not name a party are left out.
 */
export function duplicatesOf(rows: readonly ErrorRow[]): DuplicateRow[] {
  return rows.flatMap((r) => {
    if (r.code !== 'duplicate') {
      return [];
    }
    const m = uuid.exec(r.message);
    if (!m?.[1]) {
      return [];
    }
    const name = /with (.+) \([0-9a-f-]{36}\)/i.exec(r.message)?.[1] ?? '';
    return [{ row: r.row, partyId: m[1], name }];
  });
}

/** Errors proper (not duplicates, which were imported). */
export const failuresOf = (rows: readonly ErrorRow[]): ErrorRow[] => rows.filter((r) => r.code !== 'duplicate');
