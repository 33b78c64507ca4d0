import { describe, expect, it } from 'vitest';
import { badgeText, notificationLink, notificationMessage } from './notificationFormat.ts';

const id = '11111111-1111-4111-8111-111111111111';
const party = '22222222-2222-4222-8222-222222222222';

describe('notification format', () => {
  it('caps the badge at 99+', () => {
    expect([0, 7, 99, 100, 1234].map(badgeText)).toEqual(['0', '7', '99', '99+', '99+']);
  });

  it('links each record type to its page', () => {
    expect(notificationLink({ recordType: 'party', recordId: id, params: {} })).toBe(`/parties/${id}`);
    expect(notificationLink({ recordType: 'task', recordId: id, params: { partyId: party } })).toBe(
      `/parties/${party}`,
    );
    expect(notificationLink({ recordType: 'task', recordId: id, params: { partyId: null } })).toBe('/tasks');
    expect(notificationLink({ recordType: 'case', recordId: id, params: {} })).toBe(`/service/cases/${id}`);
    expect(notificationLink({ recordType: 'grievance', recordId: id, params: {} })).toBe('/me/grievances');
  });

  it('words each kind, never a grievance subject', () => {
    expect(notificationMessage({ kind: 'task_assigned', params: { by: 'Ann', title: 'Call', partyId: null } })).toEqual(
      {
        key: 'notifications.kind.taskAssigned',
        values: { by: 'Ann', title: 'Call' },
      },
    );
    expect(
      notificationMessage({ kind: 'case_breached', params: { type: 'complaint', subject: 'Late', state: 'at_risk' } }),
    ).toEqual({ key: 'notifications.kind.caseAtRisk', values: { subject: 'Late' } });
    expect(
      notificationMessage({ kind: 'case_breached', params: { type: 'grievance', subject: null, state: 'breached' } }),
    ).toEqual({ key: 'notifications.kind.grievanceBreached', values: {} });
    expect(notificationMessage({ kind: 'case_assigned', params: { type: 'grievance', subject: null } }).values).toEqual(
      {},
    );
    expect(
      notificationMessage({ kind: 'customer_alert', params: { partyName: null, rule: 'mention_burst' } }).key,
    ).toBe('notifications.kind.mentionBurst');
    expect(notificationMessage({ kind: 'mention', params: { by: 'Bo', partyName: '张伟' } }).values).toEqual({
      by: 'Bo',
      party: '张伟',
    });
    expect(notificationMessage({ kind: 'grievance_reply', params: {} }).key).toBe('notifications.kind.grievanceReply');
  });
});
