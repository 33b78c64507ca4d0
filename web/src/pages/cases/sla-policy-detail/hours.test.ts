import { describe, expect, it } from 'vitest';
import {
  defaultGrid,
  gridFromHours,
  hoursFromGrid,
  targetMinutes,
  targetValue,
  targetsFromForm,
  targetsToForm,
  defaultTargets,
} from './hours.ts';

describe('business hours grid', () => {
  const hours = [
    { weekday: 1, start: '13:00', end: '18:00' },
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 6, start: '10:00', end: '14:00' },
  ];
  it('groups API ranges per weekday in start order, other days empty', () => {
    const grid = gridFromHours(hours);
    expect(grid[1]).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ]);
    expect(grid[6]).toEqual([{ start: '10:00', end: '14:00' }]);
    expect(grid[2]).toEqual([]);
    expect(Object.keys(grid)).toHaveLength(7);
  });
  it('round-trips to the API payload, Monday first, dropping incomplete rows', () => {
    const grid = gridFromHours(hours);
    grid[7] = [{ start: '09:00', end: '' }];
    expect(hoursFromGrid(grid)).toEqual([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '18:00' },
      { weekday: 6, start: '10:00', end: '14:00' },
    ]);
  });
  it('defaults to Monday–Friday 09:00–18:00', () => {
    expect(hoursFromGrid(defaultGrid())).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    );
  });
});

describe('targets in hours or minutes', () => {
  it('shows whole hours in hours and the rest in minutes', () => {
    expect(targetValue(480)).toEqual({ value: 8, unit: 'h' });
    expect(targetValue(45)).toEqual({ value: 45, unit: 'min' });
    expect(targetMinutes({ value: 1.5, unit: 'h' })).toBe(90);
    expect(targetMinutes({ value: null, unit: 'h' })).toBeNull();
  });
  it('round-trips the API targets', () => {
    expect(targetsFromForm(targetsToForm(defaultTargets))).toEqual(defaultTargets);
  });
  it('sends an emptied target as 0 so the server flags that field', () => {
    const form = targetsToForm(defaultTargets);
    form.high.resolve = { value: null, unit: 'h' };
    expect(targetsFromForm(form).high.resolveMinutes).toBe(0);
  });
});
