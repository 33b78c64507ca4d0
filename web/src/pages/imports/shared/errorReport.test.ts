import { describe, expect, it } from 'vitest';
import { duplicatesOf, failuresOf, parseCsv, parseErrorReport } from './errorReport.ts';

const id = '0b6f2f7e-6a4c-4c1e-9d55-2f3f3c1d9a10';
const report = [
  '\uFEFFrow,column,code,message,value',
  '3,邮箱,invalid_format,Invalid email address,not-an-email',
  '5,生日,invalid_date,"Not a date: use e.g. 2024-03-05, 2024/3/5 or 2024年3月5日",2024年13月45日',
  `7,,duplicate,"Created, but shares an email or phone with 王芳 (${id}): review and merge if it is the same party",`,
  '9,备注,too_big,"He said ""hi""\nand left",x',
  '',
].join('\r\n');

describe('error report CSV', () => {
  it('reads quoted cells with commas, escaped quotes and new lines, and drops the BOM', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nok"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nok'],
    ]);
  });

  it('turns the server report into rows with row numbers, columns and codes', () => {
    const rows = parseErrorReport(report);
    expect(rows.map((r) => [r.row, r.column, r.code])).toEqual([
      [3, '邮箱', 'invalid_format'],
      [5, '生日', 'invalid_date'],
      [7, null, 'duplicate'],
      [9, '备注', 'too_big'],
    ]);
    expect(rows[1]?.message).toContain('2024/3/5');
    expect(rows[3]?.message).toBe('He said "hi"\nand left');
    expect(rows[2]?.value).toBeNull();
  });

  it('lists duplicates with the existing party they match, apart from the failures', () => {
    const rows = parseErrorReport(report);
    expect(duplicatesOf(rows)).toEqual([{ row: 7, partyId: id, name: '王芳' }]);
    expect(failuresOf(rows).map((r) => r.row)).toEqual([3, 5, 9]);
  });

  it('reads an empty report (header only, or nothing)', () => {
    expect(parseErrorReport('\uFEFFrow,column,code,message,value\n')).toEqual([]);
    expect(parseErrorReport('')).toEqual([]);
  });
});
