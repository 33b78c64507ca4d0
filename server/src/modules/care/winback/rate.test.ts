import { describe, expect, it } from 'vitest';
import { winbackRates } from './rate.ts';

describe('win-back rates', () => {
  it('per cause and overall, null (not NaN) without losses', () => {
    const r = winbackRates([
      { cause: 'competition', lost: 4, won_back: 1 },
      { cause: 'company_error', lost: 2, won_back: 2 },
    ]);
    expect(r.byCause.find((c) => c.cause === 'competition')).toEqual({
      cause: 'competition',
      lost: 4,
      wonBack: 1,
      rate: 0.25,
    });
    expect(r.byCause.find((c) => c.cause === 'company_error')?.rate).toBe(1);
    expect(r.byCause.find((c) => c.cause === 'customer')).toEqual({
      cause: 'customer',
      lost: 0,
      wonBack: 0,
      rate: null,
    });
    expect(r.overall).toMatchObject({ lost: 6, wonBack: 3, rate: 0.5 });
    expect(winbackRates([]).overall.rate).toBeNull();
  });
});
