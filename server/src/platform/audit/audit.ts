import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/types.ts';
import type { AuditAction, AuditEntityType } from './actions.ts';
import { auditRepository } from './audit.repository.ts';

export interface AuditEntryInput {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

const secretKey = /password|token_?hash|secret|csrf/i;
/** Pay never reaches the audit log (docs/domain.md "Access"): a changed salary shows as changed, without the amount. */
const payKey = /^(salary|previous_?salary)$/i;
const REDACTED = '[redacted]';

/** Drops secrets from a snapshot and redacts pay, whatever a caller passes in. */
function scrub(value: unknown): unknown {
  if (value === undefined || value === null) {
    return null;
  }
  if (Array.isArray(value)) {
    return value.map(scrub);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !secretKey.test(k))
        .map(([k, v]) => [k, payKey.test(k) && v !== null && v !== undefined ? REDACTED : scrub(v)]),
    );
  }
  return value;
}

/** Only the fields that changed, so an update's audit row says what happened. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'version') {
      continue;
    }
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/** Who did it: a signed-in user, a token, the system (CLI, jobs) or an anonymous caller. */
export interface AuditWho {
  orgId: string;
  actorId: string | null;
  actorType: 'user' | 'token' | 'system' | 'anonymous';
  requestId: string | null;
  ip: string | null;
}

export function whoOf(ctx: RequestContext): AuditWho {
  return {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.userId,
    actorType: ctx.actor.authMethod === 'token' ? 'token' : 'user',
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

/** Whoever writes: a request (its actor's rules apply) or a trusted caller such as `systemWho(orgId)`. */
export type Who = RequestContext | AuditWho;
export const auditWho = (who: Who): AuditWho => ('actor' in who ? whoOf(who) : who);

export const systemWho = (orgId: string): AuditWho => ({
  orgId,
  actorId: null,
  actorType: 'system',
  requestId: null,
  ip: null,
});

/** Appends one audit row in the caller's transaction, so the write and its record land together. */
export async function recordAudit(
  db: Kysely<Database>,
  who: AuditWho | RequestContext,
  entry: AuditEntryInput,
): Promise<void> {
  const w = 'actor' in who ? whoOf(who) : who;
  await auditRepository.insert(db, {
    org_id: w.orgId,
    actor_id: w.actorId,
    actor_type: w.actorType,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
    after: entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
    request_id: w.requestId,
    ip: w.ip,
  });
}

/**
 * An anonymous action (an anonymous grievance, a follow-up on one) counted for the day instead of audited: an audit
 * row's identity column and time would place it among the rows of whoever was active at that moment.
 */
export async function countAnonymous(db: Kysely<Database>, orgId: string, action: AuditAction): Promise<void> {
  await auditRepository.countToday(db, orgId, action);
}
