import { spawn } from 'node:child_process';
import path from 'node:path';

export const tandemBin = path.resolve(import.meta.dirname, '../bin/tandem.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes (BOMs, GB18030 output). */
  raw: Buffer;
}

/**
 * Runs the `tandem` CLI in a child process without blocking this worker's event loop (a blocking
 * spawnSync starves vitest's worker RPC and fails the run with "Timeout calling onTaskUpdate").
 */
export function runTandem(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tandemBin, ...args], { env: opts.env ?? process.env, cwd: opts.cwd });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      const raw = Buffer.concat(out);
      resolve({ status, stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw });
    });
  });
}
