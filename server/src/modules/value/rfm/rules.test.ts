import { describe, expect, it } from 'vitest';
import { defaultRfmRules, segmentOf, UNCLASSIFIED } from './rules.ts';

// The default segment rules of docs/metrics.md "RFM".
describe('default RFM rules', () => {
  const all = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].flatMap((f) => [1, 2, 3, 4, 5].map((m) => ({ r, f, m }))));

  it('give every one of the 125 score combinations a segment', () => {
    expect(all.filter((s) => segmentOf(defaultRfmRules, s) === UNCLASSIFIED)).toEqual([]);
  });

  it("reach Can't lose: R1 F5 M5 is Can't lose, not At risk; in the documented order it never was", () => {
    expect(segmentOf(defaultRfmRules, { r: 1, f: 5, m: 5 })).toBe('cant_lose');
    expect(segmentOf(defaultRfmRules, { r: 1, f: 5, m: 4 })).toBe('at_risk');
    const documented = defaultRfmRules.filter((x) => x.segment !== 'cant_lose');
    documented.splice(8, 0, defaultRfmRules[7]!);
    expect(documented.map((x) => x.segment).slice(7, 9)).toEqual(['at_risk', 'cant_lose']);
    expect(all.filter((s) => segmentOf(documented, s) === 'cant_lose')).toEqual([]);
  });

  it('match the table', () => {
    expect(segmentOf(defaultRfmRules, { r: 5, f: 5, m: 5 })).toBe('champions');
    expect(segmentOf(defaultRfmRules, { r: 4, f: 4, m: 3 })).toBe('loyal');
    expect(segmentOf(defaultRfmRules, { r: 5, f: 1, m: 5 })).toBe('new');
    expect(segmentOf(defaultRfmRules, { r: 4, f: 1, m: 1 })).toBe('promising');
    expect(segmentOf(defaultRfmRules, { r: 3, f: 1, m: 1 })).toBe('about_to_sleep');
    expect(segmentOf(defaultRfmRules, { r: 2, f: 2, m: 5 })).toBe('hibernating');
  });
});
