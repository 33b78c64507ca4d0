import type { Notification } from '../../../api/types.ts';

// How a notification reads and where it leads; pure, so the unit test pins every kind down.

/** The badge: the count, capped so the header keeps its width. */
export const badgeText = (unread: number): string => (unread > 99 ? '99+' : String(unread));

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The page a notification opens: the record, or the list it lives in when it has no page of its own. */
export function notificationLink(n: Pick<Notification, 'recordType' | 'recordId' | 'params'>): string {
  switch (n.recordType) {
    case 'party':
      return `/parties/${n.recordId}`;
    case 'task': {
      const partyId = text(n.params.partyId);
      return partyId ? `/parties/${partyId}` : '/tasks';
    }
    case 'case':
      return `/service/cases/${n.recordId}`;
    case 'grievance':
      return '/me/grievances';
  }
}

/** The translation key and its values. A grievance never shows its subject (the server sends none). */
export function notificationMessage(n: Pick<Notification, 'kind' | 'params'>): {
  key: string;
  values: Record<string, string>;
} {
  const p = n.params;
  const grievance = p.type === 'grievance';
  switch (n.kind) {
    case 'task_assigned':
      return { key: 'notifications.kind.taskAssigned', values: { by: text(p.by), title: text(p.title) } };
    case 'task_due':
      return { key: 'notifications.kind.taskDue', values: { title: text(p.title), day: text(p.dueDay) } };
    case 'case_assigned':
      return grievance
        ? { key: 'notifications.kind.grievanceAssigned', values: {} }
        : { key: 'notifications.kind.caseAssigned', values: { subject: text(p.subject) } };
    case 'case_breached': {
      const state = p.state === 'at_risk' ? 'AtRisk' : 'Breached';
      return grievance
        ? { key: `notifications.kind.grievance${state}`, values: {} }
        : { key: `notifications.kind.case${state}`, values: { subject: text(p.subject) } };
    }
    case 'customer_alert':
      return text(p.partyName)
        ? { key: 'notifications.kind.customerAlert', values: { party: text(p.partyName) } }
        : { key: 'notifications.kind.mentionBurst', values: {} };
    case 'mention':
      return { key: 'notifications.kind.mention', values: { by: text(p.by), party: text(p.partyName) } };
    case 'grievance_reply':
      return { key: 'notifications.kind.grievanceReply', values: {} };
  }
}
