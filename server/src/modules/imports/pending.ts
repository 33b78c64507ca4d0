import { productRow, transactionRow } from './commerce-rows.ts';
import type { Pending } from './imports.job.ts';
import type { ImportJobRow } from './imports.tables.ts';
import type { SourceInfo, SourceRecord } from './reader.ts';
import { interactionRow, partyRow, type Column, type Lookups } from './rows.ts';

/** The mapped columns of a job: each header that maps to a field, with its position. */
export const columnsOf = (job: ImportJobRow): Column[] =>
  job.headers.flatMap((header, index) => {
    const target = job.mapping[header];
    return target ? [{ index, header, target }] : [];
  });

/** How to read the job's file again: the format, encoding and delimiter detected (or chosen) at upload. */
export const sourceInfoOf = (job: ImportJobRow): SourceInfo => ({
  format: job.file_type,
  encoding: job.encoding,
  delimiter: job.delimiter,
  headers: job.headers,
  sample: [],
});

/** A record of the file → a row on its way to a batch: what it will write, or its issues. */
export function toPending(job: ImportJobRow, rec: SourceRecord, columns: Column[], lookups: Lookups): Pending {
  if ('error' in rec) {
    return { row: rec.row, columns, issues: [{ column: null, code: rec.error.code, message: rec.error.message }] };
  }
  switch (job.entity) {
    case 'interactions': {
      const r = interactionRow(rec.cells, columns, lookups);
      return {
        row: rec.row,
        columns,
        issues: r.issues,
        ...(r.input ? { interaction: r.input } : {}),
        ...(r.ref ? { ref: r.ref } : {}),
        refColumn: columns.find((c) => c.target.startsWith('party'))?.header ?? null,
      };
    }
    case 'products': {
      const r = productRow(rec.cells, columns);
      return { row: rec.row, columns, issues: r.issues, ...(r.input ? { product: r.input } : {}) };
    }
    case 'transactions': {
      const r = transactionRow(rec.cells, columns);
      // A row with issues keeps its key (and whether it continues a transaction), so its transaction's other rows fail with it.
      return {
        row: rec.row,
        columns,
        issues: r.issues,
        tx: r.value ?? { key: r.key, continued: r.continued, partyColumn: null, columnOf: new Map() },
      };
    }
    case 'parties':
    case 'employees': {
      const r = partyRow(job.entity, rec.cells, columns, lookups, job.options.role ?? 'customer');
      return {
        row: rec.row,
        columns,
        issues: r.issues,
        ...(r.input ? { party: r.input } : {}),
        ...(r.company ? { company: r.company } : {}),
      };
    }
  }
}
