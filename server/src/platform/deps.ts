import type { FastifyBaseLogger } from 'fastify';
import type { Db, Engine } from './db/database.ts';

/** What every module's service receives: the database and instance settings. No module reaches past this. */
export interface Deps {
  db: Db;
  engine: Engine;
  /** Instance secret: keys HMACs of tokens at rest. */
  secret: string;
  version: string;
  log: FastifyBaseLogger;
  publicUrl: string | undefined;
}
