import type { SurveyInvitations } from '../../../api/types.ts';

// Pure logic of the invite panel: the request body, what a refusal means, and which notes a result calls for.

export interface InviteChoice {
  who: 'audience' | 'parties';
  partyIds: string[];
  days: number;
  reissue: boolean;
}

export function inviteBody(c: InviteChoice) {
  return {
    ...(c.who === 'parties' ? { partyIds: c.partyIds } : {}),
    expiresInDays: c.days,
    reissue: c.reissue,
  };
}

/** The reason (and for TOO_FEW_FOR_ANONYMITY the minimum) of a 409 the survey endpoints answer with. */
export function conflictOf(error: unknown): { reason: string; minimum: number | null } | null {
  if (typeof error !== 'object' || error === null || (error as { status?: unknown }).status !== 409) {
    return null;
  }
  const details = (error as { details?: unknown }).details;
  const d = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
  return {
    reason: typeof d.reason === 'string' ? d.reason : '',
    minimum: typeof d.minimum === 'number' ? d.minimum : null,
  };
}

export type InviteNote = {
  key: string;
  type: 'success' | 'info' | 'warning';
  n?: number;
};

/** The sentences under a result, in reading order (the i18n keys live under `surveys.invite`). */
export function inviteNotes(result: SurveyInvitations, anonymous: boolean): InviteNote[] {
  const { summary, items, alreadyAnswered } = result;
  const notes: InviteNote[] = [];
  if (summary.emailed > 0) {
    notes.push(
      anonymous && items.length === 0
        ? { key: 'anonymousEmailed', type: 'success' }
        : { key: 'emailed', type: 'success', n: summary.emailed },
    );
  }
  if (anonymous && summary.unreachable > 0) {
    notes.push({ key: 'unreachableNote', type: 'warning', n: summary.unreachable });
  }
  if (items.some((i) => !i.emailed)) {
    notes.push({ key: 'onlyOnce', type: 'info' });
  }
  if (summary.replaced > 0) {
    notes.push({ key: 'replacedNote', type: 'info', n: summary.replaced });
  }
  if (summary.kept > 0) {
    notes.push({ key: 'keptNote', type: 'info', n: summary.kept });
  }
  if (alreadyAnswered.length > 0) {
    notes.push({ key: 'alreadyAnswered', type: 'warning', n: alreadyAnswered.length });
  }
  if (summary.issued === 0 && summary.kept === 0 && alreadyAnswered.length === 0) {
    notes.push({ key: 'nothingNew', type: 'info' });
  }
  return notes;
}

/** Unlabelled links (anonymous survey without mail): to be handed out at random. */
export const unlabelled = (result: SurveyInvitations) => result.items.some((i) => i.partyId === null);
