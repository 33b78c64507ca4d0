import type { Expression } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

/**
 * What a value snapshot asks of the scoring rules (docs/metrics.md "Value snapshots"). The snapshot writer computes
 * recency, frequency, monetary and the r/f/m scores itself, in one SQL statement; the RFM segment rules, the value
 * comes from a `ValueScorer` as an SQL expression over the scored row, so the statement stays one pipeline in the
 * database however the rules are defined; `defaultValueScorer` (scorer.repository.ts) applies the organisation's RFM
 * rules. The value class and the CLV are written by two set-based updates after it (snapshots.service.ts).
 */

/** One snapshot run: the organisation, the day it is as of (YYYY-MM-DD), its currency and RFM window. */
export interface ScoreRun {
  orgId: string;
  asOf: string;
  currency: string;
  windowDays: number;
}

/**
 * Columns of the scored row (alias `s`) an expression may use. Days are UTC calendar days; a purchase day is a day
 * with a transaction of a positive amount; amounts are in the run's currency.
 */
export interface ScoredColumns {
  partyId: Expression<string>;
  /** Days from the last purchase day to the as-of day. */
  recencyDays: Expression<number>;
  /** Distinct purchase days in the window. */
  frequency: Expression<number>;
  /** Sum of amounts in the window (refunds net off). */
  monetary: Expression<string>;
  /** 1–5, null when the customer bought nothing in the window. */
  r: Expression<number | null>;
  f: Expression<number | null>;
  m: Expression<number | null>;
  /** BG/NBD inputs, in days up to the as-of day: x = purchase days after the first, t_x, T. */
  x: Expression<number>;
  tX: Expression<number>;
  tCal: Expression<number>;
  /** Mean amount of the repeat purchase days (the first excluded); null when x = 0. */
  repeatMean: Expression<string | null>;
}

/** The scorer's expressions for one run. */
export interface PreparedScorer {
  /** The RFM segment key, or null (no purchase in the window, or no rule matches). */
  segment(c: ScoredColumns): Expression<string | null>;
}

export interface ValueScorer {
  /** Called once per run before the statement: loads what the expression needs (the rules). */
  prepare(db: Db, run: ScoreRun): Promise<PreparedScorer>;
}

/** Inclusive score range, 1–5. */
export type ScoreRange = readonly [number, number];

/** One RFM segment rule: matches when any clause matches; a clause constrains each score it names. */
export interface RfmRule {
  segment: string;
  when: readonly { r?: ScoreRange; f?: ScoreRange; m?: ScoreRange }[];
}
