import { describe, expect, it } from 'vitest';
import { customerStages, employeeStages } from '../constants.ts';
import { initialStage, isLegalMove, legalNextStages, levelGap, quadrantOf, stagesOf } from './stages.ts';

describe('customer stages (docs/domain.md legal moves)', () => {
  const legal: [string, string[]][] = [
    ['prospect', ['new']],
    ['new', ['developing', 'at_risk', 'churned']],
    ['developing', ['loyal', 'at_risk', 'churned']],
    ['loyal', ['developing', 'at_risk', 'churned']],
    ['at_risk', ['developing', 'loyal', 'churned']],
    ['churned', ['won_back']],
    ['won_back', ['developing', 'loyal', 'at_risk', 'churned']],
  ];
  it.each(legal)('from %s exactly %j', (from, to) => {
    expect([...legalNextStages('customer', from)].sort()).toEqual([...to].sort());
    for (const stage of customerStages) {
      expect(isLegalMove('customer', from, stage), `${from}→${stage}`).toBe(stage === from || to.includes(stage));
    }
  });

  it('refuses the jumps people try most', () => {
    expect(isLegalMove('customer', 'prospect', 'loyal')).toBe(false);
    expect(isLegalMove('customer', 'churned', 'loyal')).toBe(false);
    expect(isLegalMove('customer', 'new', 'won_back')).toBe(false);
  });

  it('partners, suppliers and the rest follow the customer lifecycle', () => {
    expect(stagesOf('partner')).toEqual(customerStages);
    expect(isLegalMove('government', 'prospect', 'new')).toBe(true);
    expect(isLegalMove('supplier', 'prospect', 'loyal')).toBe(false);
  });
});

describe('employee stages', () => {
  it('follow the order, with any stage → departing → alumni and candidate → alumni', () => {
    expect(stagesOf('employee')).toEqual(employeeStages);
    expect(legalNextStages('employee', 'candidate')).toEqual(['onboarding', 'departing', 'alumni']);
    expect(legalNextStages('employee', 'onboarding')).toEqual(['stable', 'departing']);
    expect(legalNextStages('employee', 'stable')).toEqual(['departing']);
    expect(legalNextStages('employee', 'departing')).toEqual(['alumni']);
    expect(legalNextStages('employee', 'alumni')).toEqual([]);
    expect(isLegalMove('employee', 'onboarding', 'alumni')).toBe(false);
    expect(isLegalMove('employee', 'stable', 'onboarding')).toBe(false);
    expect(isLegalMove('candidate', 'candidate', 'alumni')).toBe(true);
  });

  it('an unknown stage has no legal moves', () => {
    expect(legalNextStages('customer', 'nowhere')).toEqual([]);
  });

  it('new roles start at a sensible stage', () => {
    expect(initialStage('customer')).toBe('prospect');
    expect(initialStage('candidate')).toBe('candidate');
    expect(initialStage('employee')).toBe('onboarding');
  });
});

describe('HR quadrant from initiative × participation (high is 3 or more)', () => {
  it.each([
    [1, 1, 'basic'],
    [2, 2, 'basic'],
    [5, 1, 'proactive'],
    [3, 2, 'proactive'],
    [1, 5, 'reactive'],
    [2, 3, 'reactive'],
    [3, 3, 'partnership'],
    [5, 5, 'partnership'],
  ] as const)('initiative %i, participation %i → %s', (i, p, q) => {
    expect(quadrantOf(i, p)).toBe(q);
  });
  it('is unknown until both scores are given', () => {
    expect(quadrantOf(null, 4)).toBeNull();
    expect(quadrantOf(4, null)).toBeNull();
  });
});

describe('level gap on Kotler’s scale', () => {
  it('counts the steps from current to target', () => {
    expect(levelGap('reactive', 'partnership')).toBe(3);
    expect(levelGap('basic', 'basic')).toBe(0);
    expect(levelGap('partnership', 'accountable')).toBe(-2);
    expect(levelGap(null, 'basic')).toBeNull();
  });
});
