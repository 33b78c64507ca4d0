import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../src/platform/http/error-codes.ts';
import { setup } from './harness.ts';
import { Rng } from './fuzz/random.ts';
import { mutations, operationsOf, validDraft, type Draft, type Operation } from './fuzz/requests.ts';
import { seed, type Identities, type Seeded } from './fuzz/seed.ts';
import { sampleWorkbook, uploadDraft } from './fuzz/upload.ts';

/**
 * Fuzzes every operation of the OpenAPI document with malformed (and some valid-looking) requests from a
 * seeded PRNG: no answer may be a 5xx, every error must be `{ error: { code, message, details? } }` with a
 * known code, and nothing may be logged at error level. FUZZ_SEED replays a run; FUZZ_PER_OP sets its size;
 * FUZZ_ONLY="METHOD /path" narrows it to one operation; FUZZ_DEBUG=1 prints every request and its answer.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const PER_OP = Number(process.env.FUZZ_PER_OP ?? 30);
const ONLY = process.env.FUZZ_ONLY;
const DEBUG = Boolean(process.env.FUZZ_DEBUG);

/** Operations fuzzed differently from the rest, and why (nothing is left out silently). */
const SPECIAL: Record<string, string> = {
  'POST /api/auth/logout':
    'never sent with the shared cookie session (it would sign out the session other requests use); fuzzed with tokens, no credentials, junk cookies and a cookie without CSRF',
  'POST /api/imports':
    'the body is the raw file: fuzzed with binary, truncated/corrupted XLSX, NUL-laden and edge CSV files under text/csv, octet-stream, the xlsx type, multipart and JSON',
};
/** Operations with more ways to go wrong than the rest get more requests. */
const MORE: Record<string, number> = { 'POST /api/imports': 4 };
/** Routes outside the OpenAPI document, hence not fuzzed. */
const UNDOCUMENTED = ['GET /api/openapi.json (the document itself)', 'GET /api/docs/* (static Swagger UI assets)'];

const logged: string[] = [];
const h = await setup({
  logger: { level: 'error', stream: { write: (line: string) => void logged.push(line) } },
});

type Auth = 'admin' | 'agent' | 'employee' | 'hr' | 'manager' | 'anonymous' | 'junk' | 'cookie' | 'cookie-no-csrf';

function authHeaders(auth: Auth, method: string, who: Identities, rng: Rng): Record<string, string> {
  const write = method !== 'GET';
  switch (auth) {
    case 'admin':
    case 'agent':
    case 'employee':
    case 'hr':
    case 'manager':
      return { authorization: who[auth] };
    case 'anonymous':
      return {};
    case 'junk':
      return rng.pick<Record<string, string>>([
        { authorization: `Bearer ${rng.string(43)}` },
        { authorization: 'Basic YWRtaW46YWRtaW4=' },
        { authorization: 'Bearer \u00e9\u00e9' },
        { cookie: `tandem_session=${rng.string(40)}` },
        { cookie: 'tandem_session=%zz; tandem_session=' },
      ]);
    case 'cookie':
      return { cookie: who.adminSession.cookie, ...(write ? { 'x-csrf-token': who.adminSession.csrf } : {}) };
    case 'cookie-no-csrf':
      return { cookie: who.adminSession.cookie, ...(rng.chance(0.5) ? { 'x-csrf-token': rng.string(20) } : {}) };
  }
}

function draftFor(op: Operation, rng: Rng, seeded: Seeded, xlsx: Buffer): [string, Draft] {
  const { pools } = seeded;
  if (op.method === 'POST' && op.path === '/api/imports') {
    return uploadDraft(rng, xlsx);
  }
  const d = validDraft(op, rng, pools, seeded.templates);
  const usable = mutations.filter(([, , applies]) => applies(op));
  const [name, , , apply] = rng.weighted(usable.map((m) => [m, m[1]] as const));
  apply(d, op, rng, pools);
  if (name !== 'valid' && rng.chance(0.25)) {
    const [, , , again] = rng.weighted(usable.map((m) => [m, m[1]] as const));
    again(d, op, rng, pools);
  }
  return [name, d];
}

const identities: [Auth, number][] = [
  ['admin', 14],
  ['agent', 2],
  ['employee', 1],
  ['hr', 1],
  ['manager', 1],
  ['anonymous', 1],
  ['junk', 1],
  ['cookie', 1],
  ['cookie-no-csrf', 1],
];

interface Sent {
  what: string;
  res: LightMyRequestResponse | null;
  method: string;
}

/** Builds request `i` of an operation from its own PRNG stream, sends it and waits (at most HANG_MS) for the answer. */
async function send(op: Operation, i: number, seeded: Seeded, xlsx: Buffer): Promise<Sent> {
  const key = `${op.method} ${op.path}`;
  const rng = new Rng(hash(`${SEED} ${key} ${i}`));
  const [kind, d] = draftFor(op, rng, seeded, xlsx);
  const picked = rng.weighted(identities);
  const auth = picked === 'cookie' && key === 'POST /api/auth/logout' ? 'admin' : picked;
  const url = urlOf(op, d);
  const method = d.method ?? op.method;
  const payload = d.raw ?? (d.body === undefined ? undefined : JSON.stringify(d.body));
  const type = d.contentType === undefined ? 'application/json' : d.contentType;
  const headers: Record<string, string> = {
    ...authHeaders(auth, method, seeded.who, rng),
    ...(payload !== undefined && type !== null ? { 'content-type': type } : {}),
    ...d.headers,
  };
  const res = await answerWithin(
    h.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) }),
  );
  return { what: `#${i} ${kind} as ${auth}: ${method} ${url.slice(0, 160)}`, res, method };
}

function urlOf(op: Operation, d: Draft): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, n: string) => d.path[n] ?? '');
  const query = d.rawQuery ?? new URLSearchParams(d.query).toString();
  return query ? `${path}?${query}` : path;
}

const known = new Set<string>(errorCodes);

/** The body as text, decompressed when the client asked for (and got) an encoding. */
function bodyText(res: LightMyRequestResponse): string {
  const decode: Record<string, (b: Buffer) => Buffer> = {
    gzip: gunzipSync,
    deflate: inflateSync,
    br: brotliDecompressSync,
  };
  const how = decode[String(res.headers['content-encoding'] ?? '')];
  return how ? how(res.rawPayload).toString('utf8') : res.body;
}

/** What is wrong with an answer, or null. */
function problemOf(res: LightMyRequestResponse, method: string): string | null {
  if (res.statusCode >= 500) {
    return `${res.statusCode} ${res.body.slice(0, 200)}`;
  }
  if (method === 'HEAD') {
    return null; // no body to check
  }
  const text = bodyText(res);
  const json = String(res.headers['content-type'] ?? '').includes('json');
  if (res.statusCode < 400) {
    if (json && text) {
      try {
        JSON.parse(text);
      } catch {
        return `${res.statusCode} with unparseable JSON`;
      }
    }
    return null;
  }
  let body: { error?: { code?: unknown; message?: unknown } } | null;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `${res.statusCode} error body is not JSON: ${text.slice(0, 120)}`;
  }
  const e = body?.error;
  const keysOk =
    body !== null &&
    Object.keys(body).join() === 'error' &&
    e !== null &&
    typeof e === 'object' &&
    Object.keys(e).every((k) => ['code', 'message', 'details'].includes(k));
  if (!keysOk || typeof e?.code !== 'string' || !known.has(e.code) || typeof e.message !== 'string' || !e.message) {
    return `${res.statusCode} wrong error shape: ${text.slice(0, 200)}`;
  }
  return null;
}

function loggedSince(from: number): string | null {
  const lines = logged.slice(from);
  if (!lines.length) {
    return null;
  }
  return lines
    .map((l) => {
      const o = JSON.parse(l) as { msg?: string; err?: { message?: string } };
      return `${o.msg ?? ''}: ${o.err?.message ?? ''}`.slice(0, 200);
    })
    .join(' | ');
}

const HANG_MS = 10_000;

/** The answer, or null when there is none in HANG_MS (a hung request is a failure too). */
async function answerWithin(p: Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), HANG_MS)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Remembers a few real next-page cursors per path, for the cursor mutation to tamper with. */
function keepCursor(pools: Record<string, string[]>, op: Operation, res: LightMyRequestResponse): void {
  const text = res.statusCode === 200 && String(res.headers['content-type']).includes('json') ? bodyText(res) : '';
  if (!text) {
    return; // HEAD answers have no body
  }
  const next = (JSON.parse(text) as { nextCursor?: unknown }).nextCursor;
  const kept = (pools[`cursor ${op.path}`] ??= []);
  if (typeof next === 'string' && kept.length < 5) {
    kept.push(next);
  }
}

/** FNV-1a: each request gets its own PRNG stream, so one can be replayed alone (FUZZ_ONLY). */
const hash = (s: string) => [...s].reduce((a, c) => Math.imul(a ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

describe('fuzzing every OpenAPI operation', () => {
  it('answers malformed requests with a 4xx in the one error shape, never a 5xx', { timeout: 170_000 }, async () => {
    const started = Date.now();
    const seeded = await seed(h);
    const { pools } = seeded;
    const xlsx = await sampleWorkbook();
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const all = operationsOf(doc);
    const ops = all.filter((op) => !ONLY || `${op.method} ${op.path}` === ONLY);
    const order = new Rng(SEED);
    const plan = ops.flatMap((op) =>
      Array.from({ length: PER_OP * (MORE[`${op.method} ${op.path}`] ?? 1) }, (_, i) => ({ op, i })),
    );
    for (let i = plan.length - 1; i > 0; i--) {
      const j = order.int(0, i);
      [plan[i], plan[j]] = [plan[j] as (typeof plan)[number], plan[i] as (typeof plan)[number]];
    }
    console.log(`fuzz: seed ${SEED}, ${ops.length} operations × ${PER_OP} requests`);

    const byClass: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    const failures = new Map<string, string[]>();
    let slowest = { ms: 0, what: '' };
    const succeeded = new Set<string>();
    for (const { op, i } of plan) {
      const key = `${op.method} ${op.path}`;
      const before = logged.length;
      const t0 = Date.now();
      const { what, res, method } = await send(op, i, seeded, xlsx);
      if (Date.now() - t0 > slowest.ms) {
        slowest = { ms: Date.now() - t0, what };
      }
      const kind = what.split(' ')[1] ?? '';
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      if (res) {
        keepCursor(pools, op, res);
        if (DEBUG) {
          console.log(what, res.statusCode, res.body.slice(0, 150));
        }
        const cls = `${String(res.statusCode)[0]}xx`;
        byClass[cls] = (byClass[cls] ?? 0) + 1;
        byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
        if (cls === '2xx') {
          succeeded.add(key);
        }
      }
      const problem = res
        ? [problemOf(res, method), loggedSince(before)].filter(Boolean).join(' / logged: ')
        : `no answer in ${HANG_MS} ms`;
      if (problem) {
        failures.set(key, [...(failures.get(key) ?? []), `${what} → ${problem}`]);
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `fuzz: seed ${SEED}: ${plan.length} requests in ${seconds}s over ${ops.length}/${all.length} operations`,
        `  by class: ${JSON.stringify(byClass)}`,
        `  by status: ${JSON.stringify(byStatus)}`,
        `  by kind: ${JSON.stringify(byKind)}`,
        `  slowest: ${slowest.what} in ${slowest.ms} ms`,
        `  operations never answered 2xx (no deep path reached): ${ops
          .map((op) => `${op.method} ${op.path}`)
          .filter((k) => !succeeded.has(k))
          .join(', ')}`,
        `  handled specially: ${Object.entries(SPECIAL)
          .map(([k, why]) => `${k} (${why})`)
          .join('; ')}`,
        `  not in the document, not fuzzed: ${UNDOCUMENTED.join('; ')}`,
        `  failing operations: ${failures.size}`,
        ...[...failures].map(([k, list]) => `  ✗ ${k}: ${list.length}\n      ${list.slice(0, 12).join('\n      ')}`),
        `  replay one: FUZZ_SEED=${SEED} FUZZ_ONLY="METHOD /path"`,
      ].join('\n'),
    );
    expect(ops.length).toBeGreaterThan(0);
    expect([...failures.keys()]).toEqual([]);
  });
});
