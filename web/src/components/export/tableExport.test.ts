import { describe, expect, it } from 'vitest';
import { exportCell, exportFileName, toCsv } from './tableExport.ts';

describe('table export', () => {
  it('writes RFC 4180 CSV with a BOM, quoting what needs it', () => {
    const csv = toCsv({
      header: ['Name', 'Share'],
      rows: [
        ['张伟, Ltd', 0.25],
        ['Say "hi"', null],
        ['plain', true],
      ],
    });
    expect(csv).toBe('\uFEFFName,Share\r\n"张伟, Ltd",0.25\r\n"Say ""hi""",\r\nplain,true\r\n');
  });

  it('escapes text a spreadsheet would run as a formula, never numbers', () => {
    expect(exportCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(exportCell('-3')).toBe("'-3");
    expect(exportCell(-3)).toBe(-3);
    expect(exportCell(undefined)).toBeNull();
  });

  it('names files safely with the date', () => {
    expect(exportFileName('Key-person risk / 关键人员', 'csv', new Date('2026-03-04T10:00:00Z'))).toBe(
      'Key-person-risk-关键人员-2026-03-04.csv',
    );
    expect(exportFileName('///', 'xlsx', new Date('2026-03-04T10:00:00Z'))).toBe('export-2026-03-04.xlsx');
  });
});
