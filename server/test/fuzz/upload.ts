import ExcelJS from 'exceljs';
import { nastyStrings } from './values.ts';
import type { Draft } from './requests.ts';
import type { Rng } from './random.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A small real workbook, so that truncated and corrupted copies of it reach the XLSX reader. */
export async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['name', 'email', 'phone']);
  ws.addRow(['Ann', 'ann@example.com', '+86 138 0013 8000']);
  ws.addRow([new Date(0), 1e20, { formula: '1/0' }]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function corrupt(rng: Rng, b: Buffer): Buffer {
  const copy = Buffer.from(b);
  for (let i = rng.int(1, 20); i > 0; i--) {
    copy[rng.int(0, copy.length - 1)] = rng.int(0, 255);
  }
  return copy;
}

/** Files that are not what their content type says, or are CSV at its edges, by name. */
function files(rng: Rng, xlsx: Buffer): [string, Buffer][] {
  const text = (s: string) => Buffer.from(s, 'utf8');
  return [
    ['csv', text('name,email\nAnn,ann@example.com\n')],
    ['csv-nul-cells', text('name,email\nA\u0000nn,x\u0000y\n')],
    ['csv-nul-header', text('na\u0000me,em\u0000ail\nAnn,ann@example.com\n')],
    ['random-70k', rng.bytes(rng.int(1, 70_000))],
    ['random-200', rng.bytes(rng.int(1, 200))],
    ['png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), rng.bytes(2000)])],
    ['pdf', Buffer.concat([text('%PDF-1.7\n'), rng.bytes(3000)])],
    ['elf', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(500)])],
    ['gzip', Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), rng.bytes(300)])],
    ['zip-magic', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), rng.bytes(rng.int(0, 3000))])],
    ['xlsx', xlsx],
    ['xlsx-truncated', xlsx.subarray(0, rng.int(4, xlsx.length - 1))],
    ['xlsx-corrupted', corrupt(rng, xlsx)],
    ['empty', Buffer.alloc(0)],
    ['zeros', Buffer.alloc(rng.int(1, 5000))],
    ['utf16-odd', Buffer.from([0xff, 0xfe, 0x41])],
    ['utf16-bom-header', Buffer.from('\uFEFFname\n', 'utf16le')],
    ['csv-unclosed-quote', text('"unclosed,quote\nAnn,x\n')],
    ['csv-5000-columns', text(`${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`)],
    ['csv-200k-header', text(`${'h'.repeat(200_000)}\nx\n`)],
    ['csv-blank-lines', text('\n\n\n\n')],
    ['csv-formulas', text(`name\n${'=1+1\n'.repeat(50)}`)],
  ];
}

/** The CSV/XLSX upload, which takes the file as the raw body: wrong files, wrong types, bad options. */
export function uploadDraft(rng: Rng, xlsx: Buffer): [string, Draft] {
  const d: Draft = { path: {}, query: [], headers: {} };
  const entity = rng.weighted<string>([
    [rng.pick(['parties', 'employees', 'interactions', 'products', 'transactions']), 9],
    [rng.pick(['', 'users', 'PARTIES', '\u0000']), 1],
  ]);
  if (rng.chance(0.95)) {
    d.query.push(['entity', entity]);
  }
  if (rng.chance(0.6)) {
    const name = rng.pick([
      'p.csv',
      'p.xlsx',
      'p',
      '.csv',
      'a'.repeat(300),
      '../../x.csv',
      'x.CSV\u0000.exe',
      '中文.csv',
    ]);
    d.query.push(['fileName', rng.chance(0.8) ? name : rng.pick(nastyStrings)]);
  }
  if (rng.chance(0.3)) {
    const enc = ['utf-8', 'gb18030', 'utf-16le', 'utf-7', 'base64', 'hex', 'binary', 'ucs2', 'nonsense', 'UTF8'];
    d.query.push(['encoding', rng.chance(0.8) ? rng.pick(enc) : rng.pick(nastyStrings)]);
  }
  if (rng.chance(0.2)) {
    d.query.push(['delimiter', rng.pick([',', ';', '\t', '|', ':', '', ',,'])]);
  }
  const [label, file] = rng.pick(files(rng, xlsx));
  d.contentType = rng.weighted<string | null>([
    ['text/csv', 5],
    ['application/octet-stream', 2],
    [XLSX, 2],
    [rng.pick(['text/plain; charset=utf-8', 'application/vnd.ms-excel', 'text/csv; charset=gbk']), 1],
    [rng.pick(['application/json', 'multipart/form-data; boundary=zz', 'image/png', null]), 1],
  ]);
  d.raw = d.contentType?.startsWith('multipart/')
    ? Buffer.concat([
        Buffer.from('--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'),
        file,
        Buffer.from('\r\n--zz--\r\n'),
      ])
    : file;
  return [`upload ${label} as ${d.contentType ?? 'no type'}`, d];
}
