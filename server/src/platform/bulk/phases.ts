import { channel } from 'node:diagnostics_channel';

/**
 * Where a bulk write's time goes, per phase of a batch (docs/architecture.md "Bulk writes by COPY"): the import runner
 * and the bulk party writer publish `{ phase, ms }` on the `tandem.bulk.phase` diagnostics channel, and the import
 * bench subscribes to print each phase's first, median and last batch. Without a subscriber nothing is timed.
 */
export interface PhaseTiming {
  phase: string;
  ms: number;
}

export const phaseChannel = channel('tandem.bulk.phase');

/** Runs `fn`, publishing its wall time under `phase` when someone listens. */
export async function timed<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  if (!phaseChannel.hasSubscribers) {
    return fn();
  }
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    phaseChannel.publish({ phase, ms: performance.now() - t0 } satisfies PhaseTiming);
  }
}

/** A clock for work done in pieces (the rows of a batch checked one at a time): `add` what ran, `publish` the sum. */
export function phaseClock(phase: string) {
  let ms = 0;
  return {
    run<T>(fn: () => T): T {
      if (!phaseChannel.hasSubscribers) {
        return fn();
      }
      const t0 = performance.now();
      try {
        return fn();
      } finally {
        ms += performance.now() - t0;
      }
    },
    publish() {
      if (phaseChannel.hasSubscribers) {
        phaseChannel.publish({ phase, ms } satisfies PhaseTiming);
      }
      ms = 0;
    },
  };
}
