import { describe, expect, it } from 'vitest';
import { compaPosition, isSmallRaise, payChanges, percent, shareOfPay } from './money.ts';

describe('pay arithmetic', () => {
  it('shares of monthly pay: 500 on 10,000 is 5 %, below a 10 % threshold', () => {
    const s = shareOfPay('500', '10000.00');
    expect(s).toBe(0.05);
    expect(percent(s)).toBe('5%');
    expect(isSmallRaise(s, 0.1)).toBe(true);
    expect(isSmallRaise(shareOfPay(1500, 10000), 0.1)).toBe(false);
  });

  it('no share without a monthly pay', () => {
    expect(shareOfPay('500', null)).toBeNull();
    expect(shareOfPay('500', '0')).toBeNull();
    expect(isSmallRaise(null, 0.1)).toBe(false);
    expect(percent(null)).toBe('—');
  });

  it('places a compa-ratio', () => {
    expect(compaPosition(0.85)).toBe('below');
    expect(compaPosition(1)).toBe('within');
    expect(compaPosition(1.2)).toBe('above');
    expect(compaPosition(null)).toBeNull();
  });

  it('computes each pay change against the previous salary', () => {
    const rows = payChanges([
      { salary: '10500', previousSalary: '10000' },
      { salary: '10000', previousSalary: null },
    ]);
    expect(rows[0]).toMatchObject({ change: 500, changeShare: 0.05 });
    expect(rows[1]).toMatchObject({ change: null, changeShare: null });
  });
});
