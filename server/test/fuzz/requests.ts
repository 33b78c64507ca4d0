import { badPathParam, badQueryValue, badValue, deepJson, forgedCursor, tamperedCursor } from './malformed.ts';
import type { Rng } from './random.ts';
import { nastyStrings, validValue, type Pools, type Schema } from './values.ts';

export interface Param {
  in: 'query' | 'path';
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  path: string;
  params: Param[];
  body: Schema | undefined;
}

/** A request being built: URL text per path parameter, query pairs (or raw text), and the body. */
export interface Draft {
  path: Record<string, string>;
  query: [string, string][];
  rawQuery?: string;
  body?: unknown;
  raw?: string | Buffer;
  /** Content-Type of a body: JSON unless said; null sends none. */
  contentType?: string | null;
  headers: Record<string, string>;
  /** Another method than the operation's (HEAD of a GET, or one the path does not have). */
  method?: string;
}

type OpenApi = {
  paths: Record<
    string,
    Record<string, { parameters?: Param[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
};

/** Every operation of the OpenAPI document. */
export function operationsOf(doc: OpenApi): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return out;
}

/** The pool of real values a path parameter draws from. */
export function poolOfPath(path: string, param: string): string | undefined {
  const m = /^\/api\/(public\/|me\/)?([\w-]+)/.exec(path);
  const where = m ? `${m[1] ?? ''}${m[2]}` : '';
  const byPath: Record<string, string> = {
    'public/surveys': 'surveyToken',
    'public/grievances': 'grievanceCode',
    'public/case-feedback': 'feedbackToken',
    'me/surveys': 'survey',
    parties: 'party',
    users: 'targetUser',
    'org-units': 'orgUnit',
    views: 'view',
    'stakeholder-groups': 'group',
    'field-definitions': 'field',
    interactions: 'interaction',
    tasks: 'task',
    surveys: 'survey',
    cases: 'case',
    'sla-policies': 'policy',
    alerts: 'alert',
    imports: 'import',
    products: 'product',
    transactions: 'transaction',
    tokens: 'token',
  };
  return param === 'role' ? undefined : byPath[where];
}

/**
 * A plausible request: real ids in the path, some optional query parameters, and a body valid by the schema,
 * or (half the time, when seeding made one) a body the operation took, with one field generated on top.
 */
export function validDraft(op: Operation, rng: Rng, pools: Pools, templates: Record<string, unknown> = {}): Draft {
  const d: Draft = { path: {}, query: [], headers: {} };
  for (const p of op.params) {
    if (p.in === 'path') {
      const pool = pools[poolOfPath(op.path, p.name) ?? ''];
      const v = pool?.length ? rng.pick(pool) : validValue(p.schema, rng, p.name, pools);
      d.path[p.name] = encodeURIComponent(String(v));
    } else if (p.required || (p.name !== 'cursor' && rng.chance(0.4))) {
      const v = validValue(p.schema, rng, p.name, pools);
      d.query.push([p.name, Array.isArray(v) ? v.join(',') : String(v)]);
    }
  }
  if (op.body) {
    const template = templates[`${op.method} ${op.path}`];
    const generated = validValue(op.body, rng, '', pools) as Record<string, unknown>;
    d.body = generated;
    if (template && typeof generated === 'object' && rng.chance(0.5)) {
      const [k, v] = rng.chance(0.5) && Object.keys(generated).length ? rng.pick(Object.entries(generated)) : [];
      d.body = { ...structuredClone(template), ...(k === undefined ? {} : { [k]: v }) };
    }
    // An update without its version is refused before it does anything.
    if (op.body.properties?.version && d.body && typeof d.body === 'object' && rng.chance(0.8)) {
      d.body = { ...d.body, version: (d.body as { version?: unknown }).version ?? rng.pick([1, 1, 2, 3]) };
    }
  }
  return d;
}

/** Field paths of a body schema (objects and first array items), with the schema at each. */
function fieldPaths(s: Schema, prefix: (string | number)[] = [], depth = 0): [(string | number)[], Schema][] {
  const obj = s.anyOf?.find((a) => a.type === 'object' || a.type === 'array') ?? s.oneOf?.[0] ?? s;
  const out: [(string | number)[], Schema][] = [];
  if (depth > 5) {
    return out;
  }
  for (const [k, sub] of Object.entries(obj.properties ?? {})) {
    out.push([[...prefix, k], sub], ...fieldPaths(sub, [...prefix, k], depth + 1));
  }
  if (obj.items) {
    out.push([[...prefix, 0], obj.items], ...fieldPaths(obj.items, [...prefix, 0], depth + 1));
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const top: unknown = root !== null && typeof root === 'object' ? root : {};
  let cur = top as Record<string | number, unknown>;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      cur[key] = value;
      break;
    }
    const next = cur[key];
    if (next === null || typeof next !== 'object') {
      cur[key] = typeof path[i + 1] === 'number' ? [] : {};
    }
    cur = cur[key] as Record<string | number, unknown>;
  }
  return top;
}

const rawBodies = (rng: Rng): (string | Buffer)[] => [
  '',
  '{',
  '{"a":1,}',
  'null',
  '"x"',
  '1e999',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '\uFEFF{}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
  deepJson(rng.pick([50, 1000, 10_000, 200_000]), rng),
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  rng.bytes(rng.int(1, 64)),
  `{"a":"${'x'.repeat(1_100_000)}"}`,
];

const contentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'text/csv',
  'application/octet-stream',
  'application/json;;',
  '*/*',
];

type Mutation = [name: string, weight: number, applies: (op: Operation) => boolean, apply: MutateFn];
type MutateFn = (d: Draft, op: Operation, rng: Rng, pools: Pools) => void;

const hasBody = (op: Operation) => Boolean(op.body) || op.method === 'DELETE';
const queryParams = (op: Operation) => op.params.filter((p) => p.in === 'query');

/** The kinds of malformation, by weight; each applies to the operations it makes sense for. */
export const mutations: Mutation[] = [
  ['valid', 3, () => true, () => {}],
  [
    'path-param',
    3,
    (op) => op.params.some((p) => p.in === 'path'),
    (d, op, rng) => {
      const p = rng.pick(op.params.filter((x) => x.in === 'path'));
      d.path[p.name] = badPathParam(rng);
    },
  ],
  [
    'query-value',
    4,
    (op) => queryParams(op).length > 0,
    (d, op, rng, pools) => {
      const p = rng.pick(queryParams(op));
      d.query = d.query.filter(([k]) => k !== p.name);
      const v = badQueryValue(p.name, p.schema, rng, pools);
      for (const one of Array.isArray(v) ? v : [v]) {
        d.query.push([p.name, one]);
      }
    },
  ],
  [
    'cursor',
    3,
    (op) => queryParams(op).some((p) => p.name === 'cursor'),
    (d, op, rng, pools) => {
      const real = pools[`cursor ${op.path}`] ?? [];
      const cursor = real.length && rng.chance(0.5) ? tamperedCursor(rng, rng.pick(real)) : forgedCursor(rng, pools);
      d.query = [...d.query.filter(([k]) => k !== 'cursor'), ['cursor', cursor]];
    },
  ],
  [
    'query-unknown',
    1,
    () => true,
    (d, _op, rng) => {
      d.query.push([rng.pick(['foo', '__proto__', 'limit[]', 'a[b]', 'constructor', '']), rng.pick(nastyStrings)]);
    },
  ],
  [
    'query-raw',
    1,
    () => true,
    (d, _op, rng) => {
      const junk = [
        '%',
        '%zz',
        'limit=%00',
        '&&&=',
        'cursor=%E0%A4%A',
        'q=%C0%AF',
        'limit=1&limit=2',
        'a=%FF',
        'q=%ED%A0%80',
      ];
      d.rawQuery = rng.pick(junk);
    },
  ],
  [
    'query-missing',
    1,
    (op) => queryParams(op).some((p) => p.required),
    (d, op, rng) => {
      const p = rng.pick(queryParams(op).filter((x) => x.required));
      d.query = d.query.filter(([k]) => k !== p.name);
    },
  ],
  [
    'body-field',
    6,
    (op) => Boolean(op.body && fieldPaths(op.body).length),
    (d, op, rng, pools) => {
      for (let n = rng.int(1, 2); n > 0; n--) {
        const [path, s] = rng.pick(fieldPaths(op.body as Schema));
        d.body = setAt(d.body, path, badValue(s, rng, pools));
      }
    },
  ],
  [
    'body-missing',
    1,
    (op) => Boolean(op.body?.required?.length),
    (d, op, rng) => {
      const key = rng.pick(op.body?.required ?? []);
      if (d.body && typeof d.body === 'object') {
        delete (d.body as Record<string, unknown>)[key];
      }
    },
  ],
  [
    'body-unknown',
    1,
    (op) => Boolean(op.body),
    (d, op, rng) => {
      const paths = fieldPaths(op.body as Schema).filter(([, s]) => s.type === 'object');
      const at = paths.length && rng.chance(0.5) ? rng.pick(paths)[0] : [];
      d.body = setAt(d.body, [...at, rng.pick(['unknownField', '__proto__', 'id', 'orgId', 'createdAt'])], 1);
    },
  ],
  [
    'body-shape',
    1,
    hasBody,
    (d, _op, rng) => {
      d.body = rng.pick<unknown>([[], null, 'x', 42, true, [d.body], { body: d.body }]);
    },
  ],
  ['body-raw', 2, hasBody, (d, _op, rng) => void (d.raw = rng.pick(rawBodies(rng)))],
  [
    'content-type',
    1,
    hasBody,
    (d, _op, rng) => {
      d.contentType = rng.pick(contentTypes);
      d.raw = rng.chance(0.5) ? JSON.stringify(d.body ?? {}) : 'a=1&b=%00';
    },
  ],
  [
    'method',
    1,
    () => true,
    (d, op, rng) => {
      d.method =
        op.method === 'GET' && rng.chance(0.6) ? 'HEAD' : rng.pick(['OPTIONS', 'PUT', 'DELETE', 'PATCH', 'POST']);
    },
  ],
  [
    'headers',
    1,
    () => true,
    (d, _op, rng) => {
      const [name, values] = rng.pick<[string, string[]]>([
        ['if-match', ['"abc"', '*', 'W/"1"', '"0"', '"99999999999"', '"-1"', '"1e3"', '\u00e9']],
        ['x-request-id', ['x'.repeat(200), '../', '']],
        ['accept', ['text/csv', 'application/xml', '*/*;q=x']],
        ['content-encoding', ['gzip', 'br', 'deflate', 'identity, gzip']],
        ['accept-encoding', ['gzip', 'br', 'x-unknown', 'gzip;q=abc']],
      ]);
      d.headers[name] = rng.pick(values);
    },
  ],
];
