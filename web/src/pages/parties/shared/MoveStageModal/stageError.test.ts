import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../api/errors.ts';
import { illegalTransition } from './stageError.ts';

describe('illegalTransition', () => {
  it('reads the legal next stages of a refused move', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      {
        path: ['body', 'stage'],
        message: 'Not a legal move from new',
        code: 'illegal_transition',
        from: 'new',
        legalNextStages: ['developing', 'at_risk', 'churned'],
      },
    ]);
    expect(illegalTransition(error)).toEqual({ from: 'new', legalNextStages: ['developing', 'at_risk', 'churned'] });
  });
  it('ignores other errors', () => {
    expect(
      illegalTransition(
        new ApiError(400, 'VALIDATION_FAILED', 'bad', [{ path: ['body', 'reason'], message: 'x', code: 'too_big' }]),
      ),
    ).toBeNull();
    expect(illegalTransition(new ApiError(409, 'VERSION_CONFLICT', 'x'))).toBeNull();
    expect(illegalTransition(new Error('x'))).toBeNull();
  });
});
