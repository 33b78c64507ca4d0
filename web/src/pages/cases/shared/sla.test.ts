import { describe, expect, it } from 'vitest';
import { durationParts, formatDuration, slaBadge } from './sla.ts';

const now = new Date('2025-03-10T08:00:00Z');
const base = {
  status: 'open' as const,
  slaState: 'on_track' as const,
  firstResponseDueAt: '2025-03-10T09:30:00Z',
  resolveDueAt: '2025-03-12T10:00:00Z',
  firstRespondedAt: null,
  firstResponseBreached: false,
  resolveBreached: false,
};
const units = { d: (n: number) => `${n} d`, h: (n: number) => `${n} h`, m: (n: number) => `${n} min` };

describe('slaBadge', () => {
  it('counts down to the first response while nobody has answered', () => {
    expect(slaBadge(base, now)).toEqual({ state: 'on_track', clock: 'firstResponse', minutesLeft: 90 });
  });
  it('moves to the resolve clock after the first public reply', () => {
    const b = slaBadge({ ...base, firstRespondedAt: '2025-03-10T07:00:00Z' }, now);
    expect(b.clock).toBe('resolve');
    expect(b.minutesLeft).toBe(2 * 1440 + 120);
  });
  it('keeps the server at-risk state while time is left', () => {
    expect(slaBadge({ ...base, slaState: 'at_risk' }, now).state).toBe('at_risk');
  });
  it('turns breached as soon as the due time passes, before the server refreshes', () => {
    const b = slaBadge(base, new Date('2025-03-10T09:45:00Z'));
    expect(b).toEqual({ state: 'breached', clock: 'firstResponse', minutesLeft: -15 });
  });
  it('shows a paused clock while the case waits on the customer', () => {
    expect(slaBadge({ ...base, status: 'pending' }, now).state).toBe('paused');
    expect(slaBadge({ ...base, status: 'pending', slaState: 'breached' }, now).state).toBe('breached');
  });
  it('reports met or breached once resolved', () => {
    expect(slaBadge({ ...base, status: 'resolved' }, now)).toEqual({ state: 'met', clock: null, minutesLeft: null });
    expect(slaBadge({ ...base, status: 'closed', resolveBreached: true }, now).state).toBe('breached');
  });
  it('has nothing to show without due times', () => {
    expect(slaBadge({ ...base, firstResponseDueAt: null, resolveDueAt: null }, now).state).toBe('none');
  });
});

describe('formatDuration', () => {
  it('splits minutes into days, hours and minutes', () => {
    expect(durationParts(1565)).toEqual({ d: 1, h: 2, m: 5 });
    expect(durationParts(-90)).toEqual({ d: 0, h: 1, m: 30 });
  });
  it('shows the two largest units', () => {
    expect(formatDuration(12, units)).toBe('12 min');
    expect(formatDuration(125, units)).toBe('2 h 5 min');
    expect(formatDuration(120, units)).toBe('2 h');
    expect(formatDuration(1565, units)).toBe('1 d 2 h');
    expect(formatDuration(0, units)).toBe('0 min');
  });
  it('counts hours past a day for business durations', () => {
    expect(formatDuration(1565, units, false)).toBe('26 h 5 min');
  });
});
