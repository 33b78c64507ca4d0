import { describe, expect, it } from 'vitest';
import type { SurveyInvitations } from '../../../api/types.ts';
import { conflictOf, inviteBody, inviteNotes, unlabelled } from './invitations.ts';

const summary = { issued: 0, replaced: 0, kept: 0, emailed: 0, unreachable: 0 };
const link = (partyId: string | null, emailed = false, replaced = false) => ({
  partyId,
  token: `t-${partyId}`,
  url: `/s/t-${partyId}`,
  expiresAt: '2030-01-01T00:00:00.000Z',
  emailed,
  replaced,
});
const result = (r: Partial<SurveyInvitations>): SurveyInvitations => ({
  items: [],
  alreadyAnswered: [],
  summary,
  ...r,
});
const keys = (r: SurveyInvitations, anonymous = false) => inviteNotes(r, anonymous).map((n) => n.key);

describe('inviteBody', () => {
  it('sends chosen parties only when they were chosen, and always says whether to replace earlier links', () => {
    expect(inviteBody({ who: 'parties', partyIds: ['a'], days: 7, reissue: false })).toEqual({
      partyIds: ['a'],
      expiresInDays: 7,
      reissue: false,
    });
    expect(inviteBody({ who: 'audience', partyIds: ['a'], days: 30, reissue: true })).toEqual({
      expiresInDays: 30,
      reissue: true,
    });
  });
});

describe('conflictOf', () => {
  it('reads the reason and minimum of a 409', () => {
    expect(
      conflictOf({ status: 409, code: 'CONFLICT', details: { reason: 'TOO_FEW_FOR_ANONYMITY', minimum: 5 } }),
    ).toEqual({ reason: 'TOO_FEW_FOR_ANONYMITY', minimum: 5 });
    expect(conflictOf({ status: 409, details: null })).toEqual({ reason: '', minimum: null });
    expect(conflictOf({ status: 400, details: { reason: 'X' } })).toBeNull();
    expect(conflictOf(new Error('x'))).toBeNull();
  });
});

describe('inviteNotes', () => {
  it('explains named links: copy them, replaced, kept, already answered', () => {
    const r = result({
      items: [link('a'), link('b', true, true)],
      alreadyAnswered: ['c'],
      summary: { ...summary, issued: 2, replaced: 1, kept: 3, emailed: 1 },
    });
    expect(keys(r)).toEqual(['emailed', 'onlyOnce', 'replacedNote', 'keptNote', 'alreadyAnswered']);
    expect(inviteNotes(r, false).find((n) => n.key === 'keptNote')?.n).toBe(3);
  });

  it('says nothing new was made when everyone already had a link', () => {
    expect(keys(result({ summary: { ...summary, kept: 4 } }))).toEqual(['keptNote']);
    expect(keys(result({}))).toEqual(['nothingNew']);
  });

  it('explains emailed anonymous links (never shown) and invitees without an address', () => {
    const r = result({ summary: { ...summary, issued: 6, emailed: 4, unreachable: 2 } });
    expect(keys(r, true)).toEqual(['anonymousEmailed', 'unreachableNote']);
    expect(unlabelled(r)).toBe(false);
  });

  it('recognises unlabelled links of an anonymous survey without mail', () => {
    const r = result({ items: [link(null), link(null)], summary: { ...summary, issued: 2 } });
    expect(unlabelled(r)).toBe(true);
    expect(keys(r, true)).toEqual(['onlyOnce']);
  });
});
