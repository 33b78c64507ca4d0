import { describe, expect, it } from 'vitest';
import { deletionOrder } from './org-data.ts';

describe('deletionOrder', () => {
  it('deletes referencing tables before the tables they reference', () => {
    const edges = [
      { child: 'task', parent: 'party' },
      { child: 'party', parent: 'app_user' },
      { child: 'task', parent: 'app_user' },
      { child: 'party', parent: 'party' },
    ];
    expect(deletionOrder(['app_user', 'party', 'task', 'product'], edges)).toEqual([
      'product',
      'task',
      'party',
      'app_user',
    ]);
  });
  it('ignores references from tables outside the set, and names a cycle it cannot order', () => {
    expect(deletionOrder(['a'], [{ child: 'elsewhere', parent: 'a' }])).toEqual(['a']);
    expect(() =>
      deletionOrder(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/a, b/);
  });
});
