import { describe, expect, it } from 'vitest';
import { cellSegment, rfmGrid, segmentColor, textOn } from './rfm.ts';
import type { RfmRule } from './types.ts';

const rules: RfmRule[] = [
  { segment: 'champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { segment: 'loyal', r: [3, 5], f: [4, 5], m: [1, 5] },
  { segment: 'cant_lose', r: [1, 1], f: [5, 5], m: [5, 5] },
  { segment: 'at_risk', r: [1, 2], f: [3, 5], m: [1, 5] },
];

describe('RFM grid', () => {
  it('colours a cell by the first rule covering its R and F', () => {
    expect(cellSegment(rules, 5, 5)).toBe('champions');
    expect(cellSegment(rules, 3, 4)).toBe('loyal');
    // Can't lose comes before At risk, so the R1 F5 corner is Can't lose.
    expect(cellSegment(rules, 1, 5)).toBe('cant_lose');
    expect(cellSegment(rules, 2, 5)).toBe('at_risk');
    expect(cellSegment(rules, 3, 1)).toBeNull();
  });

  it('lays out F from 5 (top) to 1 and R from 1 (left) to 5, empty cells as zeros', () => {
    const grid = rfmGrid(
      [
        { r: 5, f: 5, customers: 7, revenue: '700.50' },
        { r: 1, f: 1, customers: 2, revenue: '10.00' },
      ],
      rules,
    );
    expect(grid).toHaveLength(5);
    expect(grid.every((row) => row.length === 5)).toBe(true);
    expect(grid[0]?.[4]).toEqual({ r: 5, f: 5, customers: 7, revenue: 700.5, segment: 'champions' });
    expect(grid[4]?.[0]).toMatchObject({ r: 1, f: 1, customers: 2, revenue: 10 });
    expect(grid[2]?.[2]).toMatchObject({ r: 3, f: 3, customers: 0, revenue: 0 });
  });

  it('gives every segment a stable colour and readable text', () => {
    expect(segmentColor('champions')).toBe(segmentColor('champions'));
    expect(segmentColor('vip_custom')).toMatch(/^#[0-9a-f]{6}$/);
    expect(segmentColor(null)).toBe('#f0f0f0');
    expect(textOn('#ffffff')).toBe('rgba(0,0,0,0.88)');
    expect(textOn('#237804')).toBe('#fff');
  });
});
