import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

/** A `tandem` process left running (a server, an import to interrupt), with its output so far. */
export interface RunningTandem {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code (or the signal's null) once the process has exited. */
  exited: Promise<number | null>;
  /**
   * Waits until the stream's output so far satisfies `seen` (returning what it found), failing when the
   * process exits first or the deadline passes: a condition, never a fixed sleep.
   */
  waitFor<T>(stream: 'stdout' | 'stderr', seen: (output: string) => T | undefined, timeoutMs?: number): Promise<T>;
}

export function startTandem(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunningTandem {
  const child = spawn(process.execPath, [tandemBin, ...args], { env: opts.env ?? process.env, cwd: opts.cwd });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (b: Buffer) => (output.stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output.stderr += b.toString()));
  let closed = false;
  // 'close' comes after the output streams ended, so nothing the process wrote is missed.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      closed = true;
      resolve(code);
    }),
  );
  const waitFor = <T>(stream: 'stdout' | 'stderr', seen: (output: string) => T | undefined, timeoutMs = 60_000) =>
    new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        settled = true;
        clearTimeout(timer);
        child[stream].off('data', check);
        child.off('close', ended);
        fn();
      };
      function check() {
        const hit = seen(output[stream]);
        if (hit !== undefined) {
          settle(() => resolve(hit));
        }
      }
      function ended(code: number | null) {
        settle(() => reject(new Error(`tandem ${args.join(' ')} exited (${code}) first: ${output.stderr}`)));
      }
      const timer = setTimeout(
        () =>
          settle(() => reject(new Error(`tandem ${args.join(' ')}: not seen in ${timeoutMs} ms: ${output[stream]}`))),
        timeoutMs,
      );
      child[stream].on('data', check);
      child.once('close', ended);
      check();
      if (!settled && closed) {
        ended(child.exitCode);
      }
    });
  return { child, exited, waitFor };
}
