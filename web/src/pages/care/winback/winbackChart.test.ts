import { describe, expect, it } from 'vitest';
import type { WinbackSummary } from '@tandem/server/api';
import { winbackRateOption } from './winbackChart.ts';

describe('win-back rate chart', () => {
  it('draws a bar per cause with losses, in per cent', () => {
    const s = {
      byCause: [
        { cause: 'competition', lost: 2, wonBack: 1, rate: 0.5 },
        { cause: 'customer', lost: 0, wonBack: 0, rate: null },
        { cause: 'company_error', lost: 3, wonBack: 1, rate: 1 / 3 },
      ],
    } as WinbackSummary;
    const o = winbackRateOption(s, (c) => c.toUpperCase());
    expect(o.xAxis).toMatchObject({ data: ['COMPETITION', 'COMPANY_ERROR'] });
    expect((o.series as { data: number[] }[])[0]?.data).toEqual([50, 33.3]);
  });
});
