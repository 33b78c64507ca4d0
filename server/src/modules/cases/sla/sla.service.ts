import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { evaluateAlerts } from '../alerts/alerts.service.ts';
import { casesRepository, eventsRepository, type CaseView } from '../cases.repository.ts';
import { notifyCaseSla } from '../notify.ts';
import type { CaseRow } from '../cases.tables.ts';
import { businessMinutesBetween, type Calendar, type Pause } from './business-time.ts';
import { policiesRepository } from './policies.repository.ts';
import { calendarOf, computeSla, pausesOf, type SlaOutput } from './sla.ts';
import type { SlaTargets } from './sla.schema.ts';

// SLA clocks over the database. Reads compute the state for "now" without writing; the writes that change a
// case and the SLA job persist it and raise the breach alert.

/** A case's business calendar, targets and pauses; null without a policy. */
async function clockOf(
  trx: Db,
  row: CaseRow,
): Promise<{ calendar: Calendar; targets: SlaTargets; pauses: Pause[] } | null> {
  if (!row.sla_policy_id) {
    return null;
  }
  const policy = await policiesRepository.find(trx, row.org_id, row.sla_policy_id);
  if (!policy) {
    return null;
  }
  const pauses = pausesOf(await eventsRepository.statusChanges(trx, row.org_id, row.id));
  return { calendar: calendarOf(policy), targets: policy.targets, pauses };
}

async function computeAt(trx: Db, row: CaseRow, now: Date): Promise<SlaOutput | null> {
  const clock = await clockOf(trx, row);
  return clock ? computeSla(row, clock.calendar, clock.targets, clock.pauses, now) : null;
}

/** Due times and SLA state of a case at `now`, as a read shows them: computed, nothing written. */
export async function slaAt(trx: Db, row: CaseView, now: Date): Promise<CaseView> {
  const next = await computeAt(trx, row, now);
  return next ? { ...row, ...next } : row;
}

const changed = (row: CaseRow, next: SlaOutput) =>
  next.sla_state !== row.sla_state ||
  next.first_response_breached !== row.first_response_breached ||
  next.resolve_breached !== row.resolve_breached ||
  next.first_response_due_at.getTime() !== row.first_response_due_at?.getTime() ||
  next.resolve_due_at.getTime() !== row.resolve_due_at?.getTime();

/** Persists a case's due times and SLA state at `now` (after a change, and by the job); raises the breach alert. */
export async function refreshSla(trx: Db, orgId: string, id: string, now = new Date()): Promise<CaseView> {
  const row = await casesRepository.find(trx, orgId, id);
  if (!row) {
    throw notFound('Case');
  }
  const next = await computeAt(trx, row, now);
  if (!next || !changed(row, next)) {
    return row;
  }
  await casesRepository.setSla(trx, orgId, id, next);
  if (next.sla_state !== row.sla_state) {
    await notifyCaseSla(trx, { ...row, ...next }, next.sla_state);
  }
  if (next.sla_state === 'breached' && row.sla_state !== 'breached') {
    await evaluateAlerts(trx, orgId, { event: 'breached', caseRow: { ...row, ...next } });
  }
  return { ...row, ...next };
}

/** Business minutes since the case was opened, pauses excluded; null without a policy. */
export async function businessMinutesSoFar(trx: Db, row: CaseRow, now: Date): Promise<number | null> {
  const clock = await clockOf(trx, row);
  return clock ? businessMinutesBetween(clock.calendar, row.created_at, now, clock.pauses) : null;
}

/** The SLA job: refreshes running cases of every organisation (a bounded batch per run), one transaction each. */
export async function refreshAll(db: Db, now = new Date(), limit = 2000): Promise<number> {
  const rows = await casesRepository.running(db, limit);
  for (const r of rows) {
    await db.transaction().execute((trx) => refreshSla(trx, r.org_id, r.id, now));
  }
  return rows.length;
}
