import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * What an uploaded file's first bytes say it is: an XLSX workbook (a zip), or text in some encoding with
 * some delimiter, or binary data that no CSV holds.
 */
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
export const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

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

/**
 * Text no CSV holds: a NUL character, or control characters in more than 1% of it. Binary data read as
 * text looks like this (so does a file read in the wrong encoding); the database cannot store a NUL.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) {
    return true;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) {
      controls++;
    }
  }
  return controls > text.length / 100;
}

/**
 * Whether iconv-lite can decode text in this encoding. Its own `encodingExists` also says yes to names it
 * finds on Object.prototype (`constructor`), whose decoder then fails to build: building one is the check.
 */
export function decodable(encoding: string): boolean {
  try {
    iconv.getDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}
