import { describe, expect, it } from 'vitest';
import { changedKeys } from './history.ts';

describe('changedKeys', () => {
  it('lists fields that changed, ignoring bookkeeping', () => {
    expect(
      changedKeys(
        { roles: ['agent'], active: true, version: 1 },
        { roles: ['agent', 'manager'], active: true, version: 2 },
      ),
    ).toEqual(['roles']);
    expect(changedKeys(null, { name: 'x' })).toEqual(['name']);
    expect(changedKeys(null, null)).toEqual([]);
  });
});
