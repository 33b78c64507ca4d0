import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { notify } from '../../platform/notify/notify.ts';
import { customerVisibility } from '../parties/index.ts';
import type { CaseRow } from './cases.tables.ts';
import { visibleCaseIds } from './notify.repository.ts';

// What the cases module tells people (docs/architecture.md "Notifications"). A grievance's notifications carry no
// subject (its words are the employee's) and point at the grievance, never at what it says.

const about = (c: Pick<CaseRow, 'type' | 'subject'>) =>
  c.type === 'grievance' ? { type: c.type, subject: null } : { type: c.type, subject: c.subject };

/** Cases and grievances a notification points at follow the case's own visibility rule. */
export function registerCaseNotifications(deps: Deps) {
  const check = async (db: Db, actor: Parameters<typeof visibleCaseIds>[1], ids: readonly string[]) =>
    visibleCaseIds(db, actor, await customerVisibility(db, actor.orgId), ids);
  deps.notifications.register('case', check);
  deps.notifications.register('grievance', check);
}

/** A case given to someone other than the one assigning it (once per assignment: the case's version is in the key). */
export async function notifyCaseAssigned(trx: Db, c: CaseRow, assigneeId: string | null, by: string) {
  if (!assigneeId || assigneeId === by) {
    return;
  }
  await notify(trx, c.org_id, {
    userId: assigneeId,
    kind: 'case_assigned',
    recordType: 'case',
    recordId: c.id,
    params: about(c),
    dedupeKey: `case_assigned:${c.id}:${c.version}`,
  });
}

/** A case whose SLA state moved to at risk or breached, to its assignee (once per case and state). */
export async function notifyCaseSla(trx: Db, c: CaseRow, state: string) {
  if (!c.assignee_id || (state !== 'at_risk' && state !== 'breached')) {
    return;
  }
  await notify(trx, c.org_id, {
    userId: c.assignee_id,
    kind: 'case_breached',
    recordType: 'case',
    recordId: c.id,
    params: { ...about(c), state },
    dedupeKey: `case_sla:${c.id}:${state}`,
  });
}

/** An early-warning alert on a customer, to the customer's owner (once per alert). */
export async function notifyCustomerAlert(
  trx: Db,
  orgId: string,
  a: { alertId: string; partyId: string; partyName: string | null; ownerId: string | null; rule: string },
) {
  if (!a.ownerId) {
    return;
  }
  await notify(trx, orgId, {
    userId: a.ownerId,
    kind: 'customer_alert',
    recordType: 'party',
    recordId: a.partyId,
    params: { partyName: a.partyName, rule: a.rule },
    dedupeKey: `alert:${a.alertId}`,
  });
}

/** A handler's reply to a named grievance, to the employee who filed it: no words of the reply, no subject. */
export async function notifyGrievanceReply(trx: Db, c: CaseRow, eventId: string, by: string) {
  if (c.type !== 'grievance' || !c.submitter_id || c.submitter_id === by) {
    return;
  }
  await notify(trx, c.org_id, {
    userId: c.submitter_id,
    kind: 'grievance_reply',
    recordType: 'grievance',
    recordId: c.id,
    params: {},
    dedupeKey: `grievance_reply:${eventId}`,
  });
}
