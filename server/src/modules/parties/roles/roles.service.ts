import { expectedVersion } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { partiesRepository } from '../parties.repository.ts';
import { readableParty, writableParty } from '../parties.service.ts';
import { defaultGroup, roleValues } from './role-values.ts';
import type { Insertable, Kysely } from 'kysely';
import { hasRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { diff, recordAudit, systemWho, whoOf, type AuditWho } from '../../../platform/audit/audit.ts';
import { emitEvent } from '../../../platform/webhooks/events.ts';
import type { Database } from '../../../platform/db/types.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import { AppError, notFound, validation } from '../../../platform/errors.ts';
import { orgUnitsRepository } from '../../../platform/identity/org-units.repository.ts';
import { usersRepository } from '../../../platform/identity/users.repository.ts';
import type { HistoryField, PartyRoleName } from '../constants.ts';
import { toRole } from '../parties.mapper.ts';
import type { PartyRole, RoleInput } from '../parties.schema.ts';
import type { PartyHistoryTable, PartyRoleRow, PartyRoleUpdate } from '../parties.tables.ts';
import { rolesRepository } from './roles.repository.ts';
import { stakeholderGroupsRepository } from '../settings/settings.repository.ts';
import { initialStage, isLegalMove, legalNextStages, stagesOf } from './stages.ts';

type Db = Kysely<Database>;

const bad = (field: string | (string | number)[], message: string, code: string, extra: Record<string, unknown> = {}) =>
  validation(message, [{ path: ['body', ...(Array.isArray(field) ? field : [field])], message, code, ...extra }]);

/** Employee and candidate records belong to HR (and admins). */
export function requireRoleWriter(ctx: RequestContext, role: PartyRoleName) {
  if ((role === 'employee' || role === 'candidate') && !hasRole(ctx.actor, 'hr', 'admin')) {
    throw new AppError('FORBIDDEN', 'Only HR and admins manage employee and candidate roles');
  }
}

async function checkRefs(db: Db, orgId: string, role: PartyRoleName, input: RoleInput, prefix: (string | number)[]) {
  // Every key that will be written is checked, the empty one included (it is no group either).
  if (typeof input.stakeholderGroup === 'string') {
    if (!(await rolesRepository.groupExists(db, orgId, input.stakeholderGroup))) {
      await stakeholderGroupsRepository.ensureDefaults(db, orgId);
      if (!(await rolesRepository.groupExists(db, orgId, input.stakeholderGroup))) {
        throw bad(
          [...prefix, 'stakeholderGroup'],
          'No such stakeholder group (see /api/stakeholder-groups)',
          'unknown_reference',
        );
      }
    }
  }
  const e = input.employment;
  if (e && role !== 'employee' && role !== 'candidate') {
    throw bad([...prefix, 'employment'], 'Only employee and candidate roles carry employment', 'not_allowed');
  }
  if (e?.orgUnitId && !(await orgUnitsRepository.findById(db, orgId, e.orgUnitId))) {
    throw bad([...prefix, 'employment', 'orgUnitId'], 'No such org unit', 'unknown_reference');
  }
  if (e?.managerId && !(await usersRepository.findById(db, orgId, e.managerId))) {
    throw bad([...prefix, 'employment', 'managerId'], 'No such user', 'unknown_reference');
  }
}

const tracked: [HistoryField, keyof PartyRoleRow][] = [
  ['stage', 'stage'],
  ['level', 'level'],
  ['target_level', 'target_level'],
  ['phase', 'phase'],
];

function historyRows(
  who: AuditWho,
  partyId: string,
  role: PartyRoleName,
  before: PartyRoleRow | null,
  after: PartyRoleRow,
  reason: string | null,
) {
  const rows: Insertable<PartyHistoryTable>[] = [];
  const base = { org_id: who.orgId, party_id: partyId, role, reason, actor_id: who.actorId };
  if (!before) {
    rows.push({ ...base, field: 'role', from_value: null, to_value: role });
  }
  for (const [field, col] of tracked) {
    const from = before ? (before[col] as string | null) : null;
    const to = after[col] as string | null;
    if (from !== to) {
      rows.push({ ...base, field, from_value: from, to_value: to });
    }
  }
  return rows;
}

/**
 * The one path that changes a current role, for a person (applyRole) and for the system (moveStageAsSystem):
 * the stage move must be legal, the update is versioned, and the history and audit rows land with it.
 */
export async function changeRole(
  trx: Db,
  who: AuditWho,
  current: PartyRoleRow,
  version: number,
  values: PartyRoleUpdate,
  reason: string | null,
  prefix: (string | number)[] = [],
): Promise<PartyRoleRow> {
  const role = current.role;
  if (values.stage !== undefined && values.stage !== null && !isLegalMove(role, current.stage, values.stage)) {
    const next = legalNextStages(role, current.stage);
    throw validation(
      `A ${role} cannot move from ${current.stage} to ${values.stage}; legal next stages: ${next.join(', ') || 'none'}`,
      [
        {
          path: ['body', ...prefix, 'stage'],
          message: `Not a legal move from ${current.stage}`,
          code: 'illegal_transition',
          from: current.stage,
          legalNextStages: next,
        },
      ],
    );
  }
  const row = await rolesRepository.update(trx, who.orgId, current.id, version, values);
  if (!row) {
    failedUpdate(toRole(current, true), 'Role');
  }
  await rolesRepository.addHistory(trx, historyRows(who, current.party_id, role, current, row, reason));
  const d = diff(toRole(current, true), toRole(row, true));
  await recordAudit(trx, who, {
    action: 'role_update',
    entityType: 'party',
    entityId: current.party_id,
    before: { role, ...d.before },
    after: { role, ...d.after, ...(who.actorType === 'system' && reason ? { reason } : {}) },
  });
  if (row.stage !== current.stage) {
    await emitEvent(trx, who, 'party_role.stage_changed', {
      partyId: current.party_id,
      role,
      from: current.stage,
      to: row.stage,
    });
  }
  return row;
}

/** What a stage move the system asked for did. */
export type SystemMove =
  | { outcome: 'moved'; from: string }
  | { outcome: 'already'; from: string }
  | { outcome: 'no_role' }
  | { outcome: 'illegal'; from: string; legalNextStages: readonly string[] };

/**
 * Moves a party's current role to `stage` on the system's behalf (early warnings, jobs), through the same
 * path as a person's move; an illegal move is reported, not made.
 */
export async function moveStageAsSystem(
  trx: Db,
  orgId: string,
  partyId: string,
  role: PartyRoleName,
  stage: string,
  reason: string,
): Promise<SystemMove> {
  const current = await rolesRepository.findCurrent(trx, orgId, partyId, role);
  if (!current) {
    return { outcome: 'no_role' };
  }
  if (current.stage === stage) {
    return { outcome: 'already', from: current.stage };
  }
  if (!isLegalMove(role, current.stage, stage)) {
    return { outcome: 'illegal', from: current.stage, legalNextStages: legalNextStages(role, current.stage) };
  }
  await changeRole(trx, systemWho(orgId), current, current.version, { stage }, reason);
  return { outcome: 'moved', from: current.stage };
}

/**
 * Starts or changes one role of a party (the caller holds the party's row lock and checked access).
 * A new role may start at any stage of its set; later stage moves must be legal (docs/domain.md).
 */
export async function applyRole(
  trx: Db,
  ctx: RequestContext,
  partyId: string,
  role: PartyRoleName,
  input: RoleInput,
  versionOf: () => number,
  prefix: (string | number)[] = [],
): Promise<{ row: PartyRoleRow; created: boolean }> {
  requireRoleWriter(ctx, role);
  const orgId = ctx.actor.orgId;
  await checkRefs(trx, orgId, role, input, prefix);
  if (input.stage !== undefined && !stagesOf(role).includes(input.stage)) {
    throw bad(
      [...prefix, 'stage'],
      `Unknown stage for a ${role}; stages: ${stagesOf(role).join(', ')}`,
      'unknown_stage',
      { stages: stagesOf(role) },
    );
  }
  const reason = input.reason ?? null;
  const current = await rolesRepository.findCurrent(trx, orgId, partyId, role);
  if (!current) {
    // Organisations created after the migration get the default groups on first use.
    await stakeholderGroupsRepository.ensureDefaults(trx, orgId);
    const row = await rolesRepository.insert(trx, {
      org_id: orgId,
      party_id: partyId,
      role,
      stage: initialStage(role),
      stakeholder_group: defaultGroup[role] ?? null,
      ...roleValues(input),
    });
    await rolesRepository.addHistory(trx, historyRows(whoOf(ctx), partyId, role, null, row, reason));
    await recordAudit(trx, ctx, {
      action: 'role_create',
      entityType: 'party',
      entityId: partyId,
      after: toRole(row, true),
    });
    return { row, created: true };
  }
  const row = await changeRole(trx, whoOf(ctx), current, versionOf(), roleValues(input), reason, prefix);
  return { row, created: false };
}

/** Ends a role: it stays, with its history, but is no longer current. */
export async function endRole(
  trx: Db,
  ctx: RequestContext,
  partyId: string,
  role: PartyRoleName,
  version: number | undefined,
  reason: string | null,
): Promise<void> {
  requireRoleWriter(ctx, role);
  const current = await rolesRepository.findCurrent(trx, ctx.actor.orgId, partyId, role);
  if (!current) {
    throw notFound('Role');
  }
  const row = await rolesRepository.update(trx, ctx.actor.orgId, current.id, version ?? current.version, {
    ended_at: new Date(),
  });
  if (!row) {
    failedUpdate(toRole(current, true), 'Role');
  }
  await rolesRepository.addHistory(trx, [
    {
      org_id: ctx.actor.orgId,
      party_id: partyId,
      role,
      field: 'role',
      from_value: role,
      to_value: null,
      reason,
      actor_id: ctx.actor.userId,
    },
  ]);
  await recordAudit(trx, ctx, {
    action: 'role_end',
    entityType: 'party',
    entityId: partyId,
    before: toRole(current, true),
    after: { role, endedAt: row.ended_at?.toISOString(), reason },
  });
}

/** PUT/DELETE of one role of a party: access on the party, the rules in applyRole/endRole. */
export function partyRolesService(deps: Deps) {
  const { db } = deps;
  return {
    /** Starts the role, or changes it (then the role's version is required: body or If-Match). Omitted fields keep their value. */
    async put(
      ctx: RequestContext,
      partyId: string,
      role: PartyRoleName,
      input: RoleInput,
      ifMatch: string | string[] | undefined,
    ): Promise<{ role: PartyRole; created: boolean }> {
      const { row, created } = await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        const res = await applyRole(trx, ctx, partyId, role, input, () => expectedVersion(input.version, ifMatch));
        await partiesRepository.touch(trx, ctx.actor.orgId, partyId);
        return res;
      });
      const visible = await readableParty(db, ctx, partyId).catch(() => null);
      return { role: toRole(row, visible?.can_sensitive ?? true), created };
    },

    async end(
      ctx: RequestContext,
      partyId: string,
      role: PartyRoleName,
      version: number | undefined,
      reason: string | null,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        await endRole(trx, ctx, partyId, role, version, reason);
        await partiesRepository.touch(trx, ctx.actor.orgId, partyId);
      });
    },
  };
}
