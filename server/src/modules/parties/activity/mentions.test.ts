import { describe, expect, it } from 'vitest';
import { mentionedNames } from './mentions.ts';

describe('mentionedNames', () => {
  it('reads usernames, single-word and bracketed display names, ignoring case', () => {
    expect(mentionedNames('Call back with @Alice and @[Wang Wei], cc @bob.smith.')).toEqual([
      'wang wei',
      'alice',
      'bob.smith',
    ]);
  });
  it('reads CJK names', () => {
    expect(mentionedNames('请@张伟 跟进')).toEqual(['张伟']);
  });
  it('leaves email addresses and bare @ alone', () => {
    expect(mentionedNames('mail alice@example.com or @ or @@')).toEqual([]);
  });
  it('names each user once', () => {
    expect(mentionedNames('@Alice @alice @ALICE')).toEqual(['alice']);
  });
});
