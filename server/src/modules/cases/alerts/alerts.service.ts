import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit, systemWho } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { createSystemTask, customerVisibility, moveStageAsSystem } from '../../parties/index.ts';
import { alertRuleKinds, type AlertRuleKind } from '../constants.ts';
import { casesRepository, partyFacts } from '../cases.repository.ts';
import type { AlertRow, CaseRow } from '../cases.tables.ts';
import { alertsRepository } from './alerts.repository.ts';
import { notifyCustomerAlert } from '../notify.ts';
import type { Alert, AlertRule, ListAlertsQuery, PutAlertRules } from './alerts.schema.ts';

/** Rules every organisation starts with: repeated complaints, a complaint past its SLA, a low satisfaction score. */
const DEFAULT_RULES: Record<AlertRuleKind, { enabled: boolean; params: Record<string, number> }> = {
  complaints_in_window: { enabled: true, params: { count: 2, days: 90 } },
  breached_complaint: { enabled: true, params: {} },
  low_csat: { enabled: true, params: { max: 2 } },
};
const defaultRules = alertRuleKinds.map((kind) => ({ kind, ...DEFAULT_RULES[kind] }));

const toRule = (r: { kind: AlertRuleKind; enabled: boolean; params: Record<string, number> }): AlertRule => {
  switch (r.kind) {
    case 'complaints_in_window':
      return { kind: r.kind, enabled: r.enabled, count: r.params.count ?? 2, days: r.params.days ?? 90 };
    case 'low_csat':
      return { kind: r.kind, enabled: r.enabled, max: r.params.max ?? 2 };
    case 'breached_complaint':
      return { kind: r.kind, enabled: r.enabled };
  }
};

export const toAlert = (r: AlertRow & { party_name: string | null }): Alert => ({
  id: r.id,
  partyId: r.party_id,
  partyName: r.party_name,
  rule: r.rule,
  reason: r.reason,
  caseId: r.case_id,
  taskId: r.task_id,
  status: r.status,
  stageNote: r.stage_note,
  createdAt: r.created_at.toISOString(),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
});

/**
 * The org's rules: the stored ones, and the defaults for kinds never changed (reading stores nothing);
 * `stored` tells whether every kind has its row already.
 */
async function storedRules(trx: Db, orgId: string): Promise<{ rules: AlertRule[]; stored: boolean }> {
  const rows = new Map((await alertsRepository.rules(trx, orgId)).map((r) => [r.kind, r]));
  const rules = [...alertRuleKinds].sort().map((kind) => toRule(rows.get(kind) ?? { kind, ...DEFAULT_RULES[kind] }));
  return { rules, stored: rows.size === alertRuleKinds.length };
}
const rulesOf = async (trx: Db, orgId: string) => (await storedRules(trx, orgId)).rules;

/**
 * Raises one alert (at most one open per party and rule): a follow-up task for the party's owner
 * (or the case's handler) and the customer role moved to at_risk when its stage allows it, with
 * the reason in the party history. Everything lands in the caller's transaction.
 */
async function raise(trx: Db, orgId: string, c: CaseRow, rule: AlertRuleKind, reason: string, rulesStored: boolean) {
  if (!c.party_id) {
    return;
  }
  if (!rulesStored) {
    // An alert references its rule's row: store the defaults of the rules never changed first.
    await alertsRepository.ensureRules(trx, orgId, defaultRules);
  }
  const alert = await alertsRepository.insertOpen(trx, {
    org_id: orgId,
    party_id: c.party_id,
    rule,
    reason,
    case_id: c.id,
    task_id: null,
    stage_note: null,
  });
  if (!alert) {
    return;
  }
  const party = await partyFacts(trx, orgId, c.party_id);
  const who = systemWho(orgId);
  const move = await moveStageAsSystem(trx, orgId, c.party_id, 'customer', 'at_risk', `Early warning: ${reason}`);
  let stageNote: string;
  switch (move.outcome) {
    case 'no_role':
      stageNote = 'No current customer role: stage unchanged';
      break;
    case 'already':
      stageNote = 'Already at_risk';
      break;
    case 'illegal':
      stageNote = `Stage ${move.from} cannot move to at_risk (legal: ${move.legalNextStages.join(', ') || 'none'}): unchanged`;
      break;
    case 'moved':
      stageNote = `Moved from ${move.from} to at_risk`;
      break;
  }
  const assignee = party?.owner_id ?? c.assignee_id;
  let taskId: string | null = null;
  if (assignee) {
    const task = await createSystemTask(trx, orgId, {
      partyId: c.party_id,
      kind: 'call_back',
      title: `Early warning: ${reason}`,
      notes: `Case: ${c.subject}`,
      dueAt: new Date(Date.now() + 86_400_000),
      assigneeId: assignee,
    });
    taskId = task.id;
  }
  await alertsRepository.setTask(trx, orgId, alert.id, taskId, stageNote);
  await notifyCustomerAlert(trx, orgId, {
    alertId: alert.id,
    partyId: c.party_id,
    partyName: party?.display_name ?? null,
    ownerId: party?.owner_id ?? null,
    rule,
  });
  await recordAudit(trx, who, {
    action: 'alert.raise',
    entityType: 'alert',
    entityId: alert.id,
    after: { partyId: c.party_id, rule, reason, caseId: c.id, taskId, stageNote },
  });
}

/** Evaluates the org's rules after a case event (created, breached, csat); grievances never raise customer alerts. */
export async function evaluateAlerts(
  trx: Db,
  orgId: string,
  e: { event: 'created' | 'breached' | 'csat'; caseRow: CaseRow },
) {
  const c = e.caseRow;
  if (!c.party_id || c.type === 'grievance') {
    return;
  }
  const { rules, stored } = await storedRules(trx, orgId);
  for (const r of rules.filter((x) => x.enabled)) {
    if (r.kind === 'complaints_in_window' && e.event === 'created' && c.type === 'complaint') {
      const n = await casesRepository.complaintsSince(
        trx,
        orgId,
        c.party_id,
        new Date(Date.now() - r.days * 86_400_000),
      );
      if (n >= r.count) {
        await raise(trx, orgId, c, r.kind, `${n} complaints in ${r.days} days`, stored);
      }
    }
    if (r.kind === 'breached_complaint' && e.event === 'breached' && c.type === 'complaint') {
      await raise(trx, orgId, c, r.kind, `Complaint past its SLA: ${c.subject}`, stored);
    }
    if (r.kind === 'low_csat' && e.event === 'csat' && c.csat_score !== null && c.csat_score <= r.max) {
      await raise(trx, orgId, c, r.kind, `Post-resolution satisfaction ${c.csat_score}/5 on: ${c.subject}`, stored);
    }
  }
}

export function alertsService(deps: Deps) {
  const { db } = deps;
  const visibility = (orgId: string, trx: Db = db) => customerVisibility(trx, orgId);
  return {
    async rules(ctx: RequestContext): Promise<{ items: AlertRule[] }> {
      return { items: await rulesOf(db, ctx.actor.orgId) };
    },

    async putRules(ctx: RequestContext, input: PutAlertRules): Promise<{ items: AlertRule[] }> {
      return db.transaction().execute(async (trx) => {
        const before = await rulesOf(trx, ctx.actor.orgId);
        await alertsRepository.ensureRules(trx, ctx.actor.orgId, defaultRules);
        for (const r of input.items) {
          const { kind, enabled, ...params } = r;
          await alertsRepository.putRule(trx, ctx.actor.orgId, kind, enabled, params);
        }
        const after = await rulesOf(trx, ctx.actor.orgId);
        await recordAudit(trx, ctx, {
          action: 'alert_rules.update',
          entityType: 'alert_rule',
          entityId: null,
          before: { items: before },
          after: { items: after },
        });
        return { items: after };
      });
    },

    async list(ctx: RequestContext, q: ListAlertsQuery): Promise<Page<Alert>> {
      const page = await alertsRepository.list(db, ctx.actor, await visibility(ctx.actor.orgId), q);
      return { items: page.items.map(toAlert), nextCursor: page.nextCursor };
    },

    async setStatus(ctx: RequestContext, id: string, status: 'open' | 'acknowledged'): Promise<Alert> {
      return db.transaction().execute(async (trx) => {
        const vis = await visibility(ctx.actor.orgId, trx);
        const before = await alertsRepository.findVisible(trx, ctx.actor, vis, id, 'write');
        if (!before) {
          throw notFound('Alert');
        }
        if (before.status !== status) {
          if (status === 'open') {
            // Reopening must keep one open alert per party and rule.
            if (await alertsRepository.findOpen(trx, ctx.actor.orgId, before.party_id, before.rule)) {
              throw notFound('Alert');
            }
          }
          await alertsRepository.acknowledge(trx, ctx.actor.orgId, id, ctx.actor.userId, status);
          await recordAudit(trx, ctx, {
            action: 'alert.update',
            entityType: 'alert',
            entityId: id,
            before: { status: before.status },
            after: { status },
          });
        }
        const row = await alertsRepository.findVisible(trx, ctx.actor, vis, id, 'read');
        return toAlert(row as NonNullable<typeof row>);
      });
    },
  };
}
