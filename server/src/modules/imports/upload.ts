import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { tooLarge } from './imports.job.ts';
import { inspect, type SourceInfo } from './reader.ts';

/** An upload on disk: the job id it will have, where it is, its size and hash, and what it looks like. */
export interface StoredUpload {
  id: string;
  file: string;
  size: number;
  sha256: string;
  info: SourceInfo;
}

/**
 * Streams an upload to `dir/<id><ext>` (never buffering it) under the size limit, then inspects it
 * (encoding, delimiter, headers, sample). A file that is too large or unreadable is removed.
 */
export async function storeUpload(
  dir: string,
  maxBytes: number,
  fileName: string,
  body: Readable,
  options: { encoding?: string | undefined; delimiter?: string | undefined },
): Promise<StoredUpload> {
  const id = randomUUID();
  mkdirSync(dir, { recursive: true });
  const ext =
    path
      .extname(fileName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '') || '.dat';
  const file = path.join(dir, `${id}${ext}`);
  const hash = createHash('sha256');
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _e, cb) {
      size += chunk.length;
      if (size > maxBytes) {
        cb(tooLarge(maxBytes));
        return;
      }
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(file));
  } catch (err) {
    rmSync(file, { force: true });
    body.resume();
    throw err;
  }
  try {
    const info = await inspect(file, options);
    return { id, file, size, sha256: hash.digest('hex'), info };
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
}
