import { describe, expect, it } from 'vitest';
import {
  addTo,
  changeDraft,
  editNode,
  fromRule,
  newCondition,
  newGroup,
  shape,
  toCondition,
  toRule,
  valueKind,
} from './rule.ts';
import type { SegmentRule } from './types.ts';

describe('segment rule editing', () => {
  it('leaves out incomplete conditions and unwraps a single one', () => {
    const role = newCondition('role');
    const empty = newCondition('tags');
    const root = newGroup('and', [{ ...role, draft: { ...role.draft, value: ['customer'] } }, empty]);
    expect(toRule(root)).toEqual({ field: 'role', op: 'in', value: ['customer'] });
    expect(toRule(newGroup())).toBeNull();
  });

  it('builds and / or / not trees', () => {
    const a = {
      ...newCondition('rfmSegment'),
      draft: { field: 'rfmSegment' as const, op: 'in', value: ['champions'] },
    };
    const b = { ...newCondition('clv'), draft: { field: 'clv' as const, op: 'gte', value: 1000 } };
    const c = { ...newCondition('lastPurchase'), draft: { field: 'lastPurchase' as const, op: 'never' } };
    const inner = { ...newGroup('or', [a, b]), negate: true };
    expect(toRule(newGroup('and', [inner, c]))).toEqual({
      and: [
        {
          not: {
            or: [
              { field: 'rfmSegment', op: 'in', value: ['champions'] },
              { field: 'clv', op: 'gte', value: 1000 },
            ],
          },
        },
        { field: 'lastPurchase', op: 'never' },
      ],
    });
  });

  it('reads an API rule back into the same rule', () => {
    const rule: SegmentRule = {
      or: [
        { field: 'stage', op: 'in', value: ['loyal'], role: 'customer' },
        { not: { field: 'tags', op: 'any', value: ['vip'] } },
        { and: [{ field: 'lastPurchase', op: 'withinDays', value: 90 }] },
      ],
    };
    const tree = fromRule(rule);
    expect(tree.op).toBe('or');
    expect(toRule(tree)).toEqual({
      or: [
        { field: 'stage', op: 'in', value: ['loyal'], role: 'customer' },
        { not: { field: 'tags', op: 'any', value: ['vip'] } },
        { field: 'lastPurchase', op: 'withinDays', value: 90 },
      ],
    });
    expect(fromRule({ field: 'owner', op: 'none' }).items).toHaveLength(1);
  });

  it('checks values by kind', () => {
    expect(valueKind('lastPurchase', 'before')).toBe('date');
    expect(valueKind('lastPurchase', 'withinDays')).toBe('days');
    expect(valueKind('owner', 'none')).toBe('none');
    expect(valueKind('monetary', 'gte')).toBe('number');
    expect(toCondition({ field: 'createdAt', op: 'after', value: '2026-1-1' })).toBeNull();
    expect(toCondition({ field: 'createdAt', op: 'after', value: '2026-01-01' })).toEqual({
      field: 'createdAt',
      op: 'after',
      value: '2026-01-01',
    });
    expect(toCondition({ field: 'lastPurchase', op: 'withinDays', value: 0 })).toBeNull();
    expect(toCondition({ field: 'r', op: 'eq', value: Number.NaN })).toBeNull();
  });

  it('resets the value when the field or operator takes another kind', () => {
    const d = { field: 'lastPurchase' as const, op: 'withinDays', value: 30 };
    expect(changeDraft(d, { op: 'notWithinDays' })).toEqual({ field: 'lastPurchase', op: 'notWithinDays', value: 30 });
    expect(changeDraft(d, { op: 'before' }).value).toBeUndefined();
    expect(changeDraft(d, { field: 'tags' })).toEqual({ field: 'tags', op: 'any', value: [] });
    expect(changeDraft({ field: 'monetary', op: 'gte', value: 5 }, { field: 'clv' })).toEqual({
      field: 'clv',
      op: 'gte',
      value: undefined,
    });
  });

  it('edits, adds and removes nodes anywhere in the tree', () => {
    const cond = newCondition('kind');
    const sub = newGroup('or', [cond]);
    let root = newGroup('and', [sub]);
    root = addTo(root, sub.id, newCondition('tags'));
    expect((root.items[0] as typeof sub).items).toHaveLength(2);
    root = editNode(root, cond.id, () => null);
    expect((root.items[0] as typeof sub).items.map((n) => n.kind === 'cond' && n.draft.field)).toEqual(['tags']);
    root = editNode(root, sub.id, (g) => (g.kind === 'group' ? { ...g, op: 'and' } : g));
    expect((root.items[0] as typeof sub).op).toBe('and');
  });

  it('measures depth and size as the server limits them', () => {
    expect(shape(null)).toEqual({ depth: 0, nodes: 0 });
    expect(shape({ and: [{ not: { field: 'owner', op: 'none' } }, { field: 'owner', op: 'none' }] })).toEqual({
      depth: 3,
      nodes: 4,
    });
  });
});
