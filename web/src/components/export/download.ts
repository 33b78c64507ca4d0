import type * as ExcelNs from 'exceljs';
import { exportCell, exportFileName, toCsv, type ExportTable } from './tableExport.ts';

/** Saves `href` (a data: or blob: URL) as `fileName`. */
export function saveUrl(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, fileName);
  // The click has started the download; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadCsv(table: ExportTable): void {
  saveBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), exportFileName(table.name, 'csv'));
}

/** XLSX through exceljs, imported on first use so it stays out of the main bundle. */
export async function downloadXlsx(table: ExportTable): Promise<void> {
  const loaded: unknown = await import('exceljs');
  // The browser build of exceljs is CommonJS: its namespace arrives as the default export or as the module itself.
  const ExcelJS = ((loaded as { default?: typeof ExcelNs }).default ?? loaded) as typeof ExcelNs;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(table.name.slice(0, 31) || 'Sheet1');
  ws.addRow(table.header);
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    ws.addRow(row.map(exportCell));
  }
  const buffer = await wb.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    exportFileName(table.name, 'xlsx'),
  );
}
