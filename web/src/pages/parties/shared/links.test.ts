import { describe, expect, it } from 'vitest';
import { linkLabel, type PartyLinkType } from './links.ts';

const types: PartyLinkType[] = [
  {
    key: 'works_at',
    labelZh: '任职于',
    labelEn: 'Works at',
    inverseLabelZh: '雇用',
    inverseLabelEn: 'Employs',
    builtIn: true,
  },
];

describe('linkLabel', () => {
  it('reads a link from this end: the label going out, the inverse coming in, in the UI language', () => {
    expect(linkLabel(types, { type: 'works_at', direction: 'out' }, 'en')).toBe('Works at');
    expect(linkLabel(types, { type: 'works_at', direction: 'in' }, 'en')).toBe('Employs');
    expect(linkLabel(types, { type: 'works_at', direction: 'in' }, 'zh-CN')).toBe('雇用');
  });
  it('shows the key of a type it does not know (a custom type added meanwhile)', () => {
    expect(linkLabel(types, { type: 'mentor_of', direction: 'out' }, 'en')).toBe('mentor_of');
  });
});
