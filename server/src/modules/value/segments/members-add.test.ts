import { describe, expect, it } from 'vitest';
import { withParties } from './members-add.ts';
import type { SegmentRule } from './rule.schema.ts';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const vip: SegmentRule = { field: 'tags', op: 'any', value: ['VIP'] };

describe('explicit segment members', () => {
  it('or-s a new list with the rule, and grows that list the next time', () => {
    const first = withParties(vip, [a]);
    expect(first).toEqual({
      ok: true,
      rule: { or: [vip, { field: 'party', op: 'in', value: [a] }] },
      added: [a],
      already: [],
    });
    const second = first.ok ? withParties(first.rule, [a, b]) : first;
    expect(second).toEqual({
      ok: true,
      rule: { or: [vip, { field: 'party', op: 'in', value: [a, b] }] },
      added: [b],
      already: [a],
    });
  });

  it('grows a rule that is only a list in place', () => {
    const only: SegmentRule = { field: 'party', op: 'in', value: [a] };
    expect(withParties(only, [b])).toMatchObject({ ok: true, rule: { field: 'party', op: 'in', value: [a, b] } });
  });

  it('refuses a rule that would grow past the limits', () => {
    let deep: SegmentRule = vip;
    for (let i = 0; i < 5; i++) {
      deep = { not: deep };
    }
    expect(withParties(deep, [a])).toEqual({ ok: false, reason: 'rule_too_large' });
    const many = Array.from({ length: 5001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(withParties(vip, many)).toEqual({ ok: false, reason: 'too_many_parties' });
  });
});
