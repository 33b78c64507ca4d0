import Fastify from 'fastify';
import { CompiledQuery, type LogEvent } from 'kysely';
import type { buildApp } from '../server/src/app.ts';
import type { DatabaseHandle } from '../server/src/platform/db/database.ts';
import { load, type Measure } from './load.ts';

// The read bench: each API read under load next to its baseline, a bare Fastify route (no auth, no plugins) that
// runs the endpoint's own SQL — the statements one request of it ran, recorded through Kysely's log — through the
// same pool and answers with the rows as JSON. So the ratio is what the API adds on top of its queries (auth,
// validation, mapping, serialisation, extra round trips), not the cost of the queries themselves.

type App = Awaited<ReturnType<typeof buildApp>>;

export interface ReadCase {
  name: string;
  path: string;
  headers: Record<string, string>;
  /** The targets (get by id, a filtered list): flagged loudly when below the goal. */
  target?: boolean;
}

/** Goals of the read path (README "Benchmarks"): throughput ≥ 0.6 of the baseline's, p99 ≤ 2× the baseline's. */
export const GOAL = { throughputRatio: 0.6, p99Ratio: 2 };

const recording: { on: boolean; statements: CompiledQuery[] } = { on: false, statements: [] };

/** Kysely's log hook of the bench's database: keeps every statement while a probe request records. */
export function recordStatement(e: LogEvent): void {
  if (recording.on) {
    recording.statements.push(e.query);
  }
}

// Not the endpoint's own SQL: resolving the caller (session, API token, their touches) and the organisation's
// settings, which a server may answer from memory.
const notEndpointSql = /\b(from|update|into) "(session|api_token|organization)"/;

/** One request of the case through the app (after a warm-up), returning the statements it ran. */
async function endpointSql(app: App, c: ReadCase): Promise<{ sql: CompiledQuery[]; all: number }> {
  const warm = await app.inject({ method: 'GET', url: c.path, headers: c.headers });
  if (warm.statusCode !== 200) {
    throw new Error(`${c.name}: ${warm.statusCode} ${warm.body}`);
  }
  recording.statements = [];
  recording.on = true;
  try {
    await app.inject({ method: 'GET', url: c.path, headers: c.headers });
  } finally {
    recording.on = false;
  }
  const all = recording.statements;
  return { sql: all.filter((q) => !notEndpointSql.test(q.sql)), all: all.length };
}

/** The baseline server: the recorded statements, in order, through the app's own pool; the last one's rows as JSON. */
async function sqlRoute(h: DatabaseHandle, statements: CompiledQuery[]) {
  const bare = Fastify();
  bare.get('/x', async (_req, reply) => {
    let rows: unknown[] = [];
    for (const s of statements) {
      rows = (await h.db.executeQuery(CompiledQuery.raw(s.sql, [...s.parameters]))).rows;
    }
    return reply.type('application/json').send(JSON.stringify(rows));
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const a = bare.server.address();
  return { url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/x`, close: () => bare.close() };
}

export interface ReadRow extends Measure {
  case: string;
  target: boolean;
  /** Statements one request ran in all, and how many of them are the endpoint's own (the baseline's). */
  statements: number;
  endpointStatements: number;
  sqlRps: number;
  sqlP99: number;
  throughputRatio: number;
  p99Ratio: number;
  /** Every repeat's ratios (the row's are their medians). */
  runs: { throughputRatio: number; p99Ratio: number }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/**
 * Each case `repeat` times (baseline, then the API, back to back, so both see the same machine), through a
 * listening `app`. A row holds the median ratios and the measures of the run with the median throughput ratio.
 */
export async function measureReads(
  app: App,
  h: DatabaseHandle,
  base: string,
  cases: ReadCase[],
  opts: { connections: number; duration: number; repeat: number },
): Promise<ReadRow[]> {
  const prepared = [];
  for (const c of cases) {
    const { sql, all } = await endpointSql(app, c);
    prepared.push({ c, sql, all, route: await sqlRoute(h, sql), runs: [] as { m: Measure; b: Measure }[] });
  }
  for (let r = 0; r < opts.repeat; r++) {
    for (const p of prepared) {
      const b = await load(p.route.url, {}, opts.connections, opts.duration);
      const m = await load(base + p.c.path, p.c.headers, opts.connections, opts.duration);
      p.runs.push({ m, b });
      process.stdout.write(`  measured (${r + 1}/${opts.repeat}): ${p.c.name}\n`);
    }
  }
  const rows: ReadRow[] = [];
  for (const p of prepared) {
    await p.route.close();
    const runs = p.runs.map(({ m, b }) => ({
      throughputRatio: +(m.rps / Math.max(1, b.rps)).toFixed(3),
      p99Ratio: +(m.p99 / Math.max(1, b.p99)).toFixed(2),
    }));
    const tr = median(runs.map((x) => x.throughputRatio));
    const at = p.runs[runs.findIndex((x) => x.throughputRatio === tr)] ?? p.runs[0];
    rows.push({
      case: p.c.name,
      target: p.c.target ?? false,
      statements: p.all,
      endpointStatements: p.sql.length,
      ...(at?.m ?? { p50: 0, p99: 0, rps: 0, errors: 0 }),
      sqlRps: at?.b.rps ?? 0,
      sqlP99: at?.b.p99 ?? 0,
      throughputRatio: tr,
      p99Ratio: median(runs.map((x) => x.p99Ratio)),
      runs,
    });
  }
  return rows;
}

const meets = (r: ReadRow) => r.throughputRatio >= GOAL.throughputRatio && r.p99Ratio <= GOAL.p99Ratio;

/** The table, and a loud warning for every target below the goal (no exit code: CI does not run benches). */
export function printReads(rows: ReadRow[]): void {
  console.table(
    rows.map((r) => ({
      case: `${r.target ? '* ' : ''}${r.case}`,
      'stmts (own)': `${r.statements} (${r.endpointStatements})`,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'req/s': Math.round(r.rps),
      'SQL-only req/s': Math.round(r.sqlRps),
      'SQL-only p99': r.sqlP99,
      [`req/s ratio (≥ ${GOAL.throughputRatio})`]: r.throughputRatio,
      [`p99 ratio (≤ ${GOAL.p99Ratio})`]: r.p99Ratio,
      goal: meets(r) ? 'ok' : r.target ? '!!! BELOW' : 'below',
      errors: r.errors,
    })),
  );
  console.log('  * the read path goal: get by id and a filtered list (medians of the repeats)');
  const below = rows.filter((r) => r.target && !meets(r));
  if (below.length) {
    console.log(`\n${'!'.repeat(100)}`);
    for (const r of below) {
      console.log(
        `!!! READ PATH BELOW GOAL: ${r.case}: ${r.throughputRatio}× the SQL-only baseline's req/s (goal ≥ ${GOAL.throughputRatio}), p99 ${r.p99Ratio}× its p99 (goal ≤ ${GOAL.p99Ratio})`,
      );
    }
    console.log(`${'!'.repeat(100)}\n`);
  }
}
