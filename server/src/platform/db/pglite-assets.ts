import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PGliteOptions } from '@electric-sql/pglite';

type WasmModule = NonNullable<PGliteOptions['wasmModule']>;

export interface PGliteAssets {
  wasmModule: WasmModule;
  fsBundle: Blob;
}

// Node's global WebAssembly, typed here: the server's TypeScript libraries (ES, no DOM) do not declare it as a value.
const wasm = (globalThis as unknown as { WebAssembly: { compile: (bytes: Uint8Array) => Promise<WasmModule> } })
  .WebAssembly;

let assets: Promise<PGliteAssets> | undefined;

/**
 * PGlite's WebAssembly module, compiled once per process, and its file-system bundle, read once. Left to itself every
 * `PGlite.create` reads and compiles both again (seconds on a busy machine); a process that opens several databases
 * (the test suite opens one per file, a backup opens one beside the server's) passes these instead.
 */
export function pgliteAssets(): Promise<PGliteAssets> {
  assets ??= (async () => {
    const dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [wasmBytes, data] = await Promise.all([
      readFile(path.join(dir, 'pglite.wasm')),
      readFile(path.join(dir, 'pglite.data')),
    ]);
    return { wasmModule: await wasm.compile(wasmBytes), fsBundle: new Blob([data]) };
  })().catch((err: unknown) => {
    // A failed read is not remembered: the next open tries again.
    assets = undefined;
    throw err;
  });
  return assets;
}
