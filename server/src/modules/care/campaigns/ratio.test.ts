import { describe, expect, it } from 'vitest';
import { ratioOf } from './ratio.ts';

describe('commercial ratio', () => {
  it('allows exactly the cap and refuses one message more', () => {
    expect(ratioOf({ total: 9, commercial: 0 }, 0.1, { commercial: true, messages: 1 })).toMatchObject({
      ratioAfter: 0.1,
      allowed: true,
    });
    expect(ratioOf({ total: 9, commercial: 0 }, 0.1, { commercial: true, messages: 2 }).allowed).toBe(false);
    expect(ratioOf({ total: 10, commercial: 1 }, 0.1, { commercial: true, messages: 1 }).allowed).toBe(false);
  });
  it('never refuses a non-commercial campaign, and answers zeros without NaN when nothing was sent', () => {
    expect(ratioOf({ total: 1, commercial: 1 }, 0.1, { commercial: false, messages: 5 })).toMatchObject({
      ratioAfter: 1 / 6,
      allowed: true,
    });
    expect(ratioOf({ total: 0, commercial: 0 }, 0.1)).toMatchObject({ ratio: 0, allowed: true });
    expect(ratioOf({ total: 0, commercial: 0 }, 0.1, { commercial: true, messages: 0 })).toMatchObject({
      ratioAfter: 0,
    });
  });
});
