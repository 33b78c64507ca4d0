import type { Faker } from '@faker-js/faker';
import type { AuditWho } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/database.ts';
import type { Rng } from './rng.ts';

/** What generated progress reports: a phase, how far it is, and its pace. */
export interface Progress {
  phase: 'employees' | 'products' | 'customers' | 'transactions' | 'interactions' | 'tasks';
  done: number;
  total: number;
  rowsPerSecond: number;
  /** How long the batch just written took (ms): a batch that grows with the table shows here first. */
  batchMs: number;
}

/**
 * What every phase of the generator shares. The phases run in a fixed order and draw from the one
 * seeded PRNG and the seeded fakers in that order, which is what makes a seed reproduce its data.
 */
export interface GenContext {
  db: Db;
  rng: Rng;
  /** Chinese and English name fakers. */
  fz: Faker;
  fe: Faker;
  /** Draws whether the next person or company is Chinese (the locale's share). */
  isZh: () => boolean;
  orgId: string;
  slug: string;
  /** Everything loads as the system, through the modules' bulk paths. */
  who: AuditWho;
  /** The "today" of the generated history (ms). */
  asOf: number;
  /** Rows per transaction: transactions at `batch`, parties and interactions at `partyBatch`. */
  batch: number;
  partyBatch: number;
  progress: (phase: Progress['phase'], done: number, total: number, since: number) => void;
}
