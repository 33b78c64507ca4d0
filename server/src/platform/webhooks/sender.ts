import http from 'node:http';
import https from 'node:https';
import type { CheckedTarget } from './address.ts';

/** Limits of one attempt: the whole exchange, and how much of the answer is read (the rest is dropped unread). */
export const SEND_TIMEOUT_MS = 15_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;
export const EXCERPT_CHARS = 1_000;

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  excerpt: string | null;
}

/**
 * POSTs the body to the checked address. `node:http(s)` rather than `fetch`: it connects to the address given as
 * `host` while the URL's name travels as the Host header and the TLS server name (certificates are checked against
 * that name), and it never follows a redirect (a 3xx is a failed attempt). An AbortSignal bounds the whole attempt.
 */
export function send(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs = SEND_TIMEOUT_MS,
): Promise<SendResult> {
  const started = performance.now();
  const { url } = target;
  const secure = url.protocol === 'https:';
  const lib = secure ? https : http;
  const signal = AbortSignal.timeout(timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const done = (r: Omit<SendResult, 'latencyMs'>) => {
      if (!settled) {
        settled = true;
        resolve({ ...r, latencyMs: elapsed() });
      }
    };
    const req = lib.request(
      {
        method: 'POST',
        host: target.address,
        family: target.family,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) },
        signal,
        agent: false,
        ...(secure ? { servername: url.hostname.replace(/^\[|\]$/g, '') } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
          done({ statusCode: res.statusCode ?? null, error: null, excerpt: text.slice(0, EXCERPT_CHARS) || null });
        };
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          chunks.push(chunk);
          if (size >= MAX_RESPONSE_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('error', (err) => done({ statusCode: res.statusCode ?? null, error: err.message, excerpt: null }));
      },
    );
    req.on('error', (err) =>
      done({
        statusCode: null,
        error: signal.aborted ? `Timed out after ${timeoutMs} ms` : err.message,
        excerpt: null,
      }),
    );
    req.end(body);
  });
}
