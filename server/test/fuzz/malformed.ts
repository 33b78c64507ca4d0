import type { Rng } from './random.ts';
import { badDates, badDateTimes, badNumbers, badUuids, nastyStrings, type Pools, type Schema } from './values.ts';

const typeOf = (s: Schema): string | undefined => {
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) {
    return typeOf(alt.find((a) => a.type !== 'null') ?? alt[0] ?? {});
  }
  return Array.isArray(s.type) ? s.type[0] : s.type;
};
const formatOf = (s: Schema): string | undefined =>
  s.format ?? (s.anyOf ?? s.oneOf ?? []).find((a) => a.format)?.format;
const enumOf = (s: Schema): unknown[] | undefined => s.enum ?? (s.anyOf ?? s.oneOf ?? []).find((a) => a.enum)?.enum;

/** JSON nested `depth` levels deep, as text (an object of arrays of objects…). */
export function deepJson(depth: number, rng: Rng): string {
  const open = rng.chance(0.5) ? '[' : '{"a":';
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + '1' + close.repeat(depth);
}

function deepValue(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) {
    v = i % 2 ? [v] : { a: v };
  }
  return v;
}

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Cursors that decode, almost decode, or decode into values of the wrong type, size or range. */
export function forgedCursor(rng: Rng, pools: Pools): string {
  const id = rng.chance(0.5) ? rng.uuid() : rng.pick(pools.party ?? [rng.uuid()]);
  const values: unknown[] = [
    '1',
    'x',
    12345,
    1e20,
    -1,
    1.5,
    null,
    true,
    {},
    [],
    id,
    '\u0000',
    'a'.repeat(2000),
    '2024-01-01T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '2024-02-30T00:00:00.000Z',
    '2024-13-45T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    'zzz',
    '中文',
    2 ** 53,
    2 ** 31,
    Number.MAX_SAFE_INTEGER,
    '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  ];
  const shapes: (() => string)[] = [
    () => b64(['1', id]),
    () => b64(['x', 12345]),
    () => b64([1e20, id]),
    () => b64([]),
    () => b64({ a: 1 }),
    () => b64('null'),
    () => b64('[1e999, 1]'),
    () => b64('[1,'),
    () => b64('\u0000'),
    () => b64(Array.from({ length: rng.int(1, 5) }, () => rng.pick(values))),
    () => b64(Array.from({ length: rng.int(1, 5) }, () => rng.pick(values))),
    () => b64(Array.from({ length: rng.int(1, 5) }, () => rng.pick(values))),
    () => b64([rng.pick(values), id]),
    () => b64([rng.pick(values), rng.pick(values), id]),
    () => b64([rng.pick(values), rng.pick(values), rng.pick(values), id]),
    () => rng.pick(['!!!', '====', 'e30', '%00', '', 'a'.repeat(501), rng.string(40)]),
    () => Buffer.from(rng.bytes(rng.int(1, 40))).toString('base64url'),
  ];
  return rng.pick(shapes)();
}

/** A real cursor with one of its values changed: another type, an edge of its type, or one value more or less. */
export function tamperedCursor(rng: Rng, cursor: string): string {
  let values: unknown[];
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  } catch {
    return cursor;
  }
  const i = rng.int(0, values.length - 1);
  const edges: unknown[] = [
    '0000-01-01T00:00:00.000Z',
    '2024-02-30T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '1970-01-01T00:00:00Z',
    2 ** 53,
    -1,
    1.5,
    '',
    '\u0000',
    null,
    rng.uuid(),
    'zzz',
    String(values[i]).toUpperCase(),
    typeof values[i] === 'number' ? String(values[i]) : Number(values[i]),
  ];
  const out = rng.chance(0.2) ? (rng.chance(0.5) ? values.slice(1) : [...values, values[0]]) : [...values];
  if (out.length === values.length) {
    out[i] = rng.pick(edges);
  }
  return b64(out);
}

/** A value the schema refuses (or an edge it should take), of a wrong type, size, range or syntax. */
export function badValue(s: Schema, rng: Rng, pools: Pools): unknown {
  const type = typeOf(s);
  const format = formatOf(s);
  const values = enumOf(s);
  const specific: unknown[] = [];
  if (type === 'string') {
    const max = s.maxLength ?? (s.anyOf ?? []).find((a) => a.maxLength)?.maxLength;
    specific.push('x'.repeat((max ?? 1000) + 1), rng.string(max ?? 100), 'x'.repeat(100_000));
  }
  if (type === 'integer' || type === 'number') {
    specific.push(...badNumbers, (s.maximum ?? 0) + 1, (s.minimum ?? 0) - 1, s.maximum, s.minimum);
  }
  if (format === 'uuid') {
    specific.push(...badUuids, rng.uuid(), ...(pools.user ?? []).slice(0, 1), ...(pools.party ?? []).slice(0, 1));
  }
  if (format === 'date-time') {
    specific.push(...badDateTimes, ...badDateTimes);
  }
  if (format === 'date') {
    specific.push(...badDates, ...badDates);
  }
  if (values?.length) {
    const v = String(rng.pick(values));
    specific.push('INVALID', v.toUpperCase(), `${v} `, ` ${v}`, `${v}\u0000`, [v], '');
  }
  if (type === 'array') {
    const n = (s.maxItems ?? 50) + 1;
    specific.push(
      Array.from({ length: Math.min(n, 6000) }, () => rng.uuid()),
      [null],
      [[1]],
      [{}],
      'a,b',
      {},
    );
  }
  if (type === 'object') {
    specific.push([], 'x', { ['__proto__']: { admin: true } }, deepValue(rng.int(10, 200)), { '': 1 });
  }
  const generic: unknown[] = [null, true, false, 0, -1, 1e20, [], {}, [1, 'a'], ...nastyStrings];
  return rng.chance(0.6) && specific.length ? rng.pick(specific) : rng.pick(generic);
}

/** A query string value (or values) the parameter's schema refuses, or an edge it should take. */
export function badQueryValue(name: string, s: Schema, rng: Rng, pools: Pools): string | string[] {
  if (name === 'cursor' && rng.chance(0.8)) {
    return forgedCursor(rng, pools);
  }
  if (rng.chance(0.1)) {
    return [String(badValue(s, rng, pools)), String(badValue(s, rng, pools))];
  }
  const v = badValue(s, rng, pools);
  if (typeof v === 'string') {
    return v;
  }
  return rng.chance(0.5) || (v !== null && typeof v === 'object') ? JSON.stringify(v) : String(v);
}

/** Path parameter values: wrong syntax, valid but absent, too long, badly escaped (already URL text). */
export function badPathParam(rng: Rng): string {
  return rng.weighted<() => string>([
    [() => encodeURIComponent(rng.pick(badUuids)), 3],
    [() => rng.uuid(), 3],
    [() => 'a'.repeat(rng.pick([99, 100, 101, 500, 5000])), 2],
    [() => rng.pick(['%', '%zz', '%E0%A4%A', '%C0%AF', '%FF%FE', '%u0041', '%%', '%0', '%2F', '%2e%2e']), 3],
    [() => rng.pick(['%00', 'a%00b', '%20', '%0A', '%E2%80%AE']), 2],
    [() => encodeURIComponent(rng.pick(['😀', '中文', '..', '.', '-1', '1e20', 'null', '__proto__'])), 2],
  ])();
}
