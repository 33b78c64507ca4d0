import type { Rng } from './random.ts';

/** The JSON Schema subset the OpenAPI document uses for parameters and bodies. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
  default?: unknown;
}

/** Real ids by kind (`party`, `user`, …) so valid-looking requests reach past the 404. */
export type Pools = Record<string, string[]>;

const typeOf = (s: Schema): string | undefined => (Array.isArray(s.type) ? s.type[0] : s.type);

/** Which pool of real ids a field name draws from, if any. */
export function poolOfField(key: string): string | undefined {
  const k = key.toLowerCase();
  const table: [RegExp, string][] = [
    [/party|into/, 'party'],
    [/product/, 'product'],
    [/user|assignee|owner|handler|manager/, 'user'],
    [/slapolicy/, 'policy'],
    [/orgunit|parent/, 'orgUnit'],
    [/question/, 'question'],
    [/case/, 'case'],
    [/survey/, 'survey'],
  ];
  return table.find(([re]) => re.test(k))?.[1];
}

const CJK = '张王李赵刘陈杨黄周吴服务满意度客户员工';
const TEXT = 'abcdefghijklmnopqrstuvwxyz ABCDEFG0123456789-_.';

export function isoDate(rng: Rng): string {
  const y = rng.weighted([
    [rng.int(2000, 2030), 8],
    [rng.pick([1970, 1900, 1, 9999, 2000]), 2],
  ]);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isoDateTime(rng: Rng): string {
  const time = `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`;
  const frac = rng.pick(['', '.000', '.5', '.123456789']);
  const zone = rng.pick(['Z', 'Z', '+08:00', '-23:59', '+00:00']);
  return `${isoDate(rng)}T${time}${frac}${zone}`;
}

/** A string the pattern accepts, from the handful of pattern shapes the API uses. */
function fromPattern(pattern: string, rng: Rng): string {
  const candidates: string[] = [];
  if (pattern.includes('T(?:')) {
    candidates.push(isoDateTime(rng));
  } else if (pattern.includes('-02-29')) {
    candidates.push(isoDate(rng));
  }
  if (pattern.includes(':[0-5]\\d$')) {
    candidates.push(rng.pick(['09:00', '18:00', '00:00', '24:00', '23:59']));
  }
  const digits = /\\d\{1,(\d+)\}(?:\(\\\.\\d\{1,(\d+)\}\))?/.exec(pattern);
  if (digits) {
    const whole = rng.chance(0.3) ? Number(digits[1]) : rng.int(1, 3);
    const sign = pattern.startsWith('^-?') && rng.chance(0.3) ? '-' : '';
    const fraction = digits[2] && rng.chance(0.5) ? `.${rng.string(rng.int(1, Number(digits[2])), '0123456789')}` : '';
    candidates.push(`${sign}${rng.pick(['1', '9'])}${rng.string(whole - 1, '0123456789')}${fraction}`);
  }
  const ident = /\{0,(\d+)\}/.exec(pattern) ?? /\{1,(\d+)\}/.exec(pattern);
  const max = ident ? Number(ident[1]) : 10;
  candidates.push(`a${rng.string(rng.chance(0.2) ? max : rng.int(0, Math.min(max, 12)), 'abcdefghij0123456789_')}`);
  candidates.push('a_b,c', 'customer', 'a');
  const re = new RegExp(pattern);
  return candidates.find((c) => re.test(c)) ?? 'a';
}

function validString(s: Schema, rng: Rng, key: string, pools: Pools): string {
  if (s.format === 'uuid') {
    const pool = pools[poolOfField(key) ?? ''];
    return pool?.length && rng.chance(0.85) ? rng.pick(pool) : rng.uuid();
  }
  if (s.format === 'date-time') {
    return isoDateTime(rng);
  }
  if (s.format === 'date') {
    return isoDate(rng);
  }
  if (s.pattern) {
    return fromPattern(s.pattern, rng);
  }
  if (/email/i.test(key)) {
    return `${rng.string(6)}@example.com`;
  }
  if (/currency/i.test(key)) {
    return rng.pick(['CNY', 'USD', 'EUR', 'XXX', 'cny']);
  }
  if (/timezone/i.test(key)) {
    return rng.pick(['UTC', 'Asia/Shanghai', 'America/New_York', 'Mars/Olympus']);
  }
  if (/password/i.test(key)) {
    return `pw-${rng.string(14)}`;
  }
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 40);
  const len = Math.max(min, rng.int(Math.min(min, max), Math.max(min, max)));
  return rng.string(len, rng.chance(0.3) ? CJK : TEXT) || (min > 0 ? 'x' : '');
}

function validNumber(s: Schema, rng: Rng, integer: boolean): number {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
  const max = s.maximum ?? min + 1000;
  const hi = Math.min(max, min + 1000);
  const n = rng.weighted([
    [rng.int(Math.ceil(min), Math.floor(hi)), 8],
    [min, 1],
    [max, 1],
  ]);
  return integer ? Math.round(n) : n;
}

/** A value the schema accepts (mostly), with real ids where a field names a known kind. */
export function validValue(s: Schema, rng: Rng, key = '', pools: Pools = {}, depth = 0): unknown {
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) {
    const nonNull = alts.filter((a) => typeOf(a) !== 'null');
    return validValue(rng.chance(0.85) && nonNull.length ? rng.pick(nonNull) : rng.pick(alts), rng, key, pools, depth);
  }
  if (s.enum?.length) {
    return rng.pick(s.enum);
  }
  if (s.const !== undefined) {
    return s.const;
  }
  switch (typeOf(s)) {
    case 'null':
      return null;
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
      // Records start at version 1 and change a few times: a small version sometimes matches.
      return key === 'version' ? rng.pick([1, 1, 2, 3, 4]) : validNumber(s, rng, true);
    case 'number':
      return validNumber(s, rng, false);
    case 'array': {
      const n = rng.int(s.minItems ?? 0, Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, 3)));
      return Array.from({ length: n }, () => validValue(s.items ?? {}, rng, key, pools, depth + 1));
    }
    case 'object':
      return validObject(s, rng, pools, depth);
    case 'string':
    case undefined:
    default:
      return validString(s, rng, key, pools);
  }
}

function validObject(s: Schema, rng: Rng, pools: Pools, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  for (const [k, sub] of Object.entries(s.properties ?? {})) {
    if (required.has(k) || (depth < 4 && rng.chance(0.5))) {
      out[k] = validValue(sub, rng, k, pools, depth + 1);
    }
  }
  if (typeof s.additionalProperties === 'object' && !s.properties && rng.chance(0.7)) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      out[rng.pick(['name', 'status', 'role', 'tag', rng.string(5)])] = validValue(
        s.additionalProperties,
        rng,
        '',
        pools,
        depth + 1,
      );
    }
  }
  return out;
}

/** Strings that have broken parsers, databases or renderers somewhere. */
export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '😀𝕏👩‍👩‍👧',
  '\u202Eevil',
  '\uFEFF',
  'Ω≈ç√∫',
  '中文\t\r\n',
  "'; drop table party; --",
  '%00',
  '%',
  '%zz',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  '${jndi:ldap://x}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e20',
  '0x10',
  '٣',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
];

export const badDates = [
  '2024-13-45',
  '2024-02-30',
  '0000-01-01',
  '-000001-01-01',
  '+275760-09-13',
  '275760-09-13',
  '9999-12-31',
  '1900-02-29',
  '0001-01-01',
  '2024-1-1',
  '20240101',
];

export const badDateTimes = [
  '2024-13-45T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00.000Z',
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00.000Z',
  '0001-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59-23:59',
  '2024-02-29T24:00:00Z',
  '2024-02-30T00:00:00Z',
  '1969-12-31T23:59:59.999999999999Z',
  '2024-01-01T00:00:00',
  '2024-01-01 00:00:00Z',
  'yesterday',
];

export const badNumbers: unknown[] = [
  -1,
  0,
  1.5,
  1e20,
  -1e20,
  1e308,
  5e-324,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 - 1,
  -(2 ** 53) + 1,
  2 ** 63,
  'NaN',
  'Infinity',
  '1',
  '',
];

export const badUuids = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '{6ba7b810-9dad-11d1-80b4-00c04fd430c8}',
  '6ba7b8109dad11d180b400c04fd430c8',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8\u0000',
  '01890a5d-ac96-774b-bcce-b302099a8057',
  '1',
  '',
];
