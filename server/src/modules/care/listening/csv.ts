import { parse } from 'csv-parse/sync';
import { mentionInputSchema, type MentionInput } from './mentions.schema.ts';

export const MENTION_CSV_COLUMNS = ['channel', 'author', 'text', 'url', 'postedAt', 'sentiment'] as const;
export const MENTION_CSV_MAX_ROWS = 5000;

export interface RowError {
  line: number;
  field: string | null;
  message: string;
}

/**
 * Reads a mentions CSV (`channel, author, text, url, postedAt, sentiment?`; UTF-8, a BOM allowed) into inputs, or the
 * errors of every bad row with its line number in the file; the caller writes nothing unless there are none.
 */
export function readMentionsCsv(csv: string): { rows: MentionInput[]; errors: RowError[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }) as never;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, field: null, message: (err as Error).message }] };
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = MENTION_CSV_COLUMNS.filter((c) => c !== 'sentiment' && !header.includes(c));
  const unknown = header.filter((h) => !(MENTION_CSV_COLUMNS as readonly string[]).includes(h));
  if (!records.length || missing.length || unknown.length) {
    const message = !records.length
      ? 'No rows'
      : `Columns must be ${MENTION_CSV_COLUMNS.join(', ')} (sentiment optional)` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '') +
        (unknown.length ? `; unknown: ${unknown.join(', ')}` : '');
    return { rows: [], errors: [{ line: 1, field: null, message }] };
  }
  if (records.length > MENTION_CSV_MAX_ROWS) {
    return { rows: [], errors: [{ line: 1, field: null, message: `At most ${MENTION_CSV_MAX_ROWS} rows` }] };
  }
  const rows: MentionInput[] = [];
  const errors: RowError[] = [];
  for (const { record, info } of records) {
    const input = Object.fromEntries(
      Object.entries(record).filter(([k, v]) => v !== '' || k === 'text' || k === 'author' || k === 'channel'),
    );
    const parsed = mentionInputSchema.safeParse(input);
    if (parsed.success) {
      rows.push(parsed.data);
    } else {
      const fields = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (!fields.has(field)) {
          fields.add(field);
          errors.push({ line: info.lines, field: field || null, message: issue.message });
        }
      }
    }
  }
  return { rows, errors };
}
