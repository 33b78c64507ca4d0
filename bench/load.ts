import { spawn } from 'node:child_process';
import path from 'node:path';
import type autocannon from 'autocannon';
import Fastify from 'fastify';

// The load generator (autocannon in its own process) and the read baseline (a bare Fastify route).

export interface Measure {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

/** Runs autocannon in its own process, so the load generator does not share the server's event loop. */
export async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  duration: number,
): Promise<Measure> {
  const bin = path.join(import.meta.dirname, '..', 'node_modules', 'autocannon', 'autocannon.js');
  const hdrs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const child = spawn(process.execPath, [bin, '-j', '-c', String(connections), '-d', String(duration), ...hdrs, url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) {
    throw new Error(`autocannon exited ${code}`);
  }
  const r = JSON.parse(out) as autocannon.Result;
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

export async function bare(body: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify();
  const json = JSON.stringify(body);
  app.get('/x', (_req, reply) => reply.type('application/json').send(json));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/x`, close: () => app.close() };
}
