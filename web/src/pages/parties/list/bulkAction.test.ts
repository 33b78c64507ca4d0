import { describe, expect, it } from 'vitest';
import { toAction } from './BulkBar.tsx';

describe('bulk action from the form', () => {
  it('sends only what the action needs, trimmed', () => {
    expect(toAction('add_tag', { tag: '  vip ' })).toEqual({ kind: 'add_tag', tag: 'vip' });
    expect(toAction('assign_owner', { userId: 'u1', reason: ' ' })).toEqual({ kind: 'assign_owner', ownerId: 'u1' });
    expect(toAction('assign_owner', { reason: ' 交接 ' })).toEqual({
      kind: 'assign_owner',
      ownerId: null,
      reason: '交接',
    });
    expect(toAction('assign_backup', {})).toEqual({ kind: 'assign_backup', backupOwnerId: null });
    expect(toAction('move_stage', { role: 'partner', stage: 'active', reason: ' why ' })).toEqual({
      kind: 'move_stage',
      role: 'partner',
      stage: 'active',
      reason: 'why',
    });
    expect(toAction('delete', { tag: 'ignored' })).toEqual({ kind: 'delete' });
  });
});
