import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors.ts';
import { guardOf } from './guards.ts';

describe('guardOf', () => {
  it('reads the reason and its values from a 409', () => {
    const e = new ApiError(409, 'CONFLICT', 'Too early', {
      reason: 'CRITERIA_NOT_PUBLISHED',
      noticeDays: 7,
      opensFrom: '2026-01-08T00:00:00.000Z',
    });
    expect(guardOf(e)).toEqual({
      reason: 'CRITERIA_NOT_PUBLISHED',
      values: { noticeDays: 7, opensFrom: '2026-01-08T00:00:00.000Z', count: 0 },
      partyIds: [],
      message: 'Too early',
    });
  });

  it('counts the employees a guard names', () => {
    const e = new ApiError(409, 'CONFLICT', 'x', {
      reason: 'APPRAISAL_TOO_FREQUENT',
      partyIds: ['a', 'b'],
      maxPerYear: 2,
    });
    expect(guardOf(e)).toMatchObject({ partyIds: ['a', 'b'], values: { count: 2, maxPerYear: 2 } });
  });

  it('ignores other errors and unknown reasons', () => {
    expect(guardOf(new ApiError(409, 'VERSION_CONFLICT', 'x', { current: {} }))).toBeNull();
    expect(guardOf(new ApiError(409, 'CONFLICT', 'x', { reason: 'SOMETHING_ELSE' }))).toBeNull();
    expect(guardOf(new ApiError(400, 'VALIDATION_FAILED', 'x', []))).toBeNull();
    expect(guardOf(new Error('x'))).toBeNull();
  });
});
