import { describe, expect, it } from 'vitest';
import { amountProblem } from './amount.ts';

describe('amountProblem', () => {
  it('accepts empty, zero and amounts with up to the allowed decimals', () => {
    expect(amountProblem(null)).toBeNull();
    expect(amountProblem('')).toBeNull();
    expect(amountProblem(0)).toBeNull();
    expect(amountProblem('99.99')).toBeNull();
    expect(amountProblem('99.990')).toBeNull();
    expect(amountProblem(1e12)).toBeNull();
  });
  it('names what is wrong instead of changing the amount', () => {
    expect(amountProblem(-500)).toBe('validation.negative');
    expect(amountProblem('-99.999')).toBe('validation.negative');
    expect(amountProblem('99.999')).toBe('validation.decimals');
    expect(amountProblem(1e12 + 1)).toBe('validation.tooLarge');
    expect(amountProblem('12.5', { decimals: 0 })).toBe('validation.decimals');
  });
});
