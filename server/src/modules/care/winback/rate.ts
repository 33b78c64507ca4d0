import { lossCauses, type LossCause } from '../constants.ts';

export interface CauseRate {
  cause: LossCause;
  lost: number;
  wonBack: number;
  /** wonBack / lost; null when nothing was lost with that cause (never NaN). */
  rate: number | null;
}

/**
 * Win-back rate by cause of loss (docs/metrics.md "Win-back rate"): per cause, the losses of the period won back
 * before its end over the losses of the period; every cause is listed (zeros when none), and the overall rate.
 */
export function winbackRates(rows: { cause: string; lost: number; won_back: number }[]): {
  byCause: CauseRate[];
  overall: Omit<CauseRate, 'cause'>;
} {
  const byCause = lossCauses.map((cause) => {
    const r = rows.find((x) => x.cause === cause);
    const lost = r?.lost ?? 0;
    const wonBack = r?.won_back ?? 0;
    return { cause, lost, wonBack, rate: lost ? wonBack / lost : null };
  });
  const lost = byCause.reduce((a, c) => a + c.lost, 0);
  const wonBack = byCause.reduce((a, c) => a + c.wonBack, 0);
  return { byCause, overall: { lost, wonBack, rate: lost ? wonBack / lost : null } };
}
