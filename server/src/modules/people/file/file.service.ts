import type { Insertable } from 'kysely';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation, versionConflict } from '../../../platform/errors.ts';
import { changeEmployment } from '../../parties/index.ts';
import { requireRelation } from '../people.access.ts';
import type { Warning } from '../people.schema.ts';
import type { EmployeeEventTable } from '../people.tables.ts';
import { loadPeopleSettings } from '../settings/settings.service.ts';
import { fileRepository, type EmploymentRow } from './file.repository.ts';
import type { Contract, EmployeeFile, PatchContract, PatchEmployee } from './file.schema.ts';

const today = () => new Date().toISOString().slice(0, 10);

type ContractRow = NonNullable<Awaited<ReturnType<typeof fileRepository.findContract>>>;
const toContract = (c: ContractRow): Contract => ({
  id: c.id,
  type: c.type,
  startOn: String(c.start_on),
  endOn: c.end_on === null ? null : String(c.end_on),
  probationEndOn: c.probation_end_on === null ? null : String(c.probation_end_on),
  renewalIntent: c.renewal_intent,
  note: c.note,
  version: c.version,
});

/** The employee (current employee role) as the actor may see them, or 404; `mode` write refuses non-HR (403). */
export async function employeeFor(
  db: Db,
  ctx: RequestContext,
  partyId: string,
  kind: Parameters<typeof requireRelation>[1],
  mode: 'read' | 'write',
): Promise<EmploymentRow> {
  const row = await fileRepository.employment(db, ctx.actor, partyId);
  if (!row) {
    throw notFound('Employee');
  }
  requireRelation(row.relation, kind, mode);
  return row;
}

/**
 * A raise (or money) under the org's share of monthly pay is allowed with a warning: [S1] warns that a raise of 500
 * on 10,000 a month backfires (docs/metrics.md "Raise share").
 */
export function smallRaiseWarning(amount: number, monthlyPay: number | null, threshold: number): Warning | null {
  if (monthlyPay === null || monthlyPay <= 0) {
    return null;
  }
  const share = Math.round((amount / monthlyPay) * 10_000) / 10_000;
  return share < threshold
    ? {
        code: 'small_raise',
        message: `${(share * 100).toFixed(1)} % of monthly pay is below the organisation's ${(threshold * 100).toFixed(1)} %: a small raise can do more harm than good`,
        share,
        threshold,
      }
    : null;
}

const tracked = [
  ['managerId', 'manager', 'manager_id'],
  ['orgUnitId', 'org_unit', 'org_unit_id'],
  ['jobTitle', 'job_title', 'job_title'],
  ['grade', 'grade', 'grade'],
  ['careerTrack', 'career_track', 'career_track'],
] as const;

/** The employment fields of the PATCH, as the parties role input takes them. */
function employmentOf(input: PatchEmployee) {
  const keys = ['employeeNo', 'hireDate', 'orgUnitId', 'managerId', 'jobTitle', 'careerTrack', 'grade'] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (input[k] !== undefined) {
      out[k] = input[k];
    }
  }
  if (input.salary !== undefined) {
    out.salary = String(input.salary);
  }
  return out;
}

async function load(dbx: Db, ctx: RequestContext, row: EmploymentRow, warnings: Warning[]): Promise<EmployeeFile> {
  const orgId = ctx.actor.orgId;
  const [band, pay, contracts, training, promotions, events, exit] = await Promise.all([
    fileRepository.band(dbx, orgId, row.grade, row.salary),
    fileRepository.payHistory(dbx, orgId, row.party_id),
    fileRepository.contracts(dbx, orgId, row.party_id),
    fileRepository.training(dbx, orgId, row.party_id),
    fileRepository.promotions(dbx, orgId, row.party_id),
    fileRepository.events(dbx, orgId, row.party_id),
    fileRepository.lastSeparation(dbx, orgId, row.party_id),
  ]);
  return {
    partyId: row.party_id,
    displayName: row.display_name,
    relation: row.relation ?? 'self',
    stage: row.stage,
    phase: row.phase,
    employeeNo: row.employee_no,
    hireDate: row.hire_date,
    orgUnitId: row.org_unit_id,
    managerId: row.manager_id,
    jobTitle: row.job_title,
    careerTrack: row.career_track,
    grade: row.grade,
    salary: row.salary,
    payBand: band ? { grade: band.grade, min: band.min_pay, mid: band.mid_pay, max: band.max_pay } : null,
    compaRatio: band?.compa_ratio ? Number(band.compa_ratio) : null,
    payHistory: pay.map((p) => ({
      id: p.id,
      effectiveOn: p.effective_on,
      salary: p.salary,
      previousSalary: p.previous_salary,
      kind: p.kind,
      note: p.note,
    })),
    contracts: contracts.map(toContract),
    training: training.map((t) => ({
      id: t.id,
      title: t.title,
      provider: t.provider,
      startedOn: t.started_on,
      completedOn: t.completed_on,
      hours: t.hours,
      note: t.note,
    })),
    promotions: promotions.map((p) => ({
      id: p.id,
      effectiveOn: p.effective_on,
      fromGrade: p.from_grade,
      toGrade: p.to_grade,
      fromTitle: p.from_title,
      toTitle: p.to_title,
      note: p.note,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      effectiveOn: e.effective_on,
      from: e.from_value,
      to: e.to_value,
      note: e.note,
    })),
    exit: exit ? { exitOn: exit.exit_on, exitType: exit.exit_type, reason: exit.reason, note: exit.note } : null,
    warnings,
    version: row.role_version,
  };
}

/** Pay history, employment events and a promotion for what changed on the role (in the caller's transaction). */
async function recordChanges(trx: Db, ctx: RequestContext, before: EmploymentRow, input: PatchEmployee) {
  const orgId = ctx.actor.orgId;
  const effectiveOn = input.effectiveOn ?? today();
  const common = {
    org_id: orgId,
    party_id: before.party_id,
    recorded_by: ctx.actor.userId,
    note: input.note ?? null,
  };
  const warnings: Warning[] = [];
  const events: Insertable<EmployeeEventTable>[] = [];
  for (const [key, kind, col] of tracked) {
    const to = input[key];
    if (to !== undefined && to !== before[col]) {
      events.push({ ...common, kind, effective_on: effectiveOn, from_value: before[col], to_value: to });
    }
  }
  await fileRepository.insertEvents(trx, events);
  const prev = before.salary === null ? null : Number(before.salary);
  const next = input.salary === undefined ? undefined : Number(input.salary);
  if (next !== undefined && next !== prev) {
    const kind =
      input.payChangeKind ??
      (input.promotion ? 'promotion' : prev === null ? 'hire' : next > prev ? 'raise' : 'decrease');
    await fileRepository.insertPayChange(trx, {
      ...common,
      effective_on: effectiveOn,
      salary: String(input.salary),
      previous_salary: before.salary,
      kind,
    });
    if (prev !== null && next > prev) {
      const { raiseWarningShare } = await loadPeopleSettings(trx, orgId);
      const w = smallRaiseWarning(next - prev, prev, raiseWarningShare);
      if (w) {
        warnings.push(w);
      }
    }
  }
  if (input.promotion) {
    await fileRepository.insertPromotion(trx, {
      ...common,
      effective_on: effectiveOn,
      from_grade: before.grade,
      to_grade: input.grade === undefined ? before.grade : input.grade,
      from_title: before.job_title,
      to_title: input.jobTitle === undefined ? before.job_title : input.jobTitle,
      career_track: input.careerTrack === undefined ? before.career_track : input.careerTrack,
    });
  }
  return warnings;
}

async function addRecords(trx: Db, ctx: RequestContext, partyId: string, input: PatchEmployee) {
  const orgId = ctx.actor.orgId;
  const c = input.contract;
  if (c) {
    if (c.endOn && c.endOn < c.startOn) {
      throw validation('A contract cannot end before it starts', [
        { path: ['body', 'contract', 'endOn'], message: 'Before startOn', code: 'too_small' },
      ]);
    }
    await fileRepository.insertContract(trx, {
      org_id: orgId,
      party_id: partyId,
      type: c.type,
      start_on: c.startOn,
      end_on: c.endOn ?? null,
      probation_end_on: c.probationEndOn ?? null,
      renewal_intent: c.renewalIntent ?? null,
      note: c.note ?? null,
      created_by: ctx.actor.userId,
    });
  }
  const t = input.training;
  if (t) {
    await fileRepository.insertTraining(trx, {
      org_id: orgId,
      party_id: partyId,
      title: t.title,
      provider: t.provider ?? null,
      started_on: t.startedOn ?? null,
      completed_on: t.completedOn ?? null,
      hours: t.hours ?? null,
      note: t.note ?? null,
      recorded_by: ctx.actor.userId,
    });
  }
}

async function patchFile(
  db: Db,
  ctx: RequestContext,
  partyId: string,
  version: number,
  input: PatchEmployee,
): Promise<EmployeeFile> {
  return db.transaction().execute(async (trx) => {
    const before = await employeeFor(trx, ctx, partyId, 'file', 'write');
    const employment = employmentOf(input);
    const roleChange = Object.keys(employment).length > 0 || input.stage !== undefined || input.phase !== undefined;
    if (roleChange) {
      await changeEmployment(
        trx,
        ctx,
        partyId,
        {
          ...(Object.keys(employment).length ? { employment } : {}),
          ...(input.stage !== undefined ? { stage: input.stage } : {}),
          ...(input.phase !== undefined ? { phase: input.phase } : {}),
          ...(input.reason !== undefined ? { reason: input.reason } : {}),
        },
        version,
      );
    } else if (version !== before.role_version) {
      throw versionConflict({ version: before.role_version });
    }
    const warnings = await recordChanges(trx, ctx, before, input);
    await addRecords(trx, ctx, partyId, input);
    if (input.contract || input.training || input.promotion) {
      // Pay stays out of the audit log (the role change is audited with the salary redacted).
      await recordAudit(trx, ctx, {
        action: 'employee_file_update',
        entityType: 'party',
        entityId: partyId,
        after: { contract: input.contract ?? null, training: input.training ?? null, promotion: !!input.promotion },
      });
    }
    const after = await employeeFor(trx, ctx, partyId, 'file', 'read');
    return load(trx, ctx, after, warnings);
  });
}

/** Renewal intent, end date and note of a contract: HR and the management chain (their call to make). */
async function patchContract(
  db: Db,
  ctx: RequestContext,
  partyId: string,
  contractId: string,
  version: number,
  input: PatchContract,
): Promise<Contract> {
  return db.transaction().execute(async (trx) => {
    await employeeFor(trx, ctx, partyId, 'renewalIntent', 'write');
    const orgId = ctx.actor.orgId;
    const current = await fileRepository.findContract(trx, orgId, partyId, contractId);
    if (!current) {
      throw notFound('Contract');
    }
    const row = await fileRepository.updateContract(trx, orgId, contractId, version, {
      ...(input.renewalIntent !== undefined ? { renewal_intent: input.renewalIntent } : {}),
      ...(input.endOn !== undefined ? { end_on: input.endOn } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    });
    if (!row) {
      failedUpdate(toContract(current), 'Contract');
    }
    await recordAudit(trx, ctx, {
      action: 'contract_update',
      entityType: 'party',
      entityId: partyId,
      before: { renewalIntent: current.renewal_intent, endOn: current.end_on },
      after: { contractId, renewalIntent: row.renewal_intent, endOn: row.end_on },
    });
    const fresh = (await fileRepository.contracts(trx, orgId, partyId)).find((c) => c.id === contractId);
    return toContract(fresh ?? row);
  });
}

export function fileService(deps: Deps) {
  const { db } = deps;
  return {
    get: async (ctx: RequestContext, partyId: string): Promise<EmployeeFile> =>
      load(db, ctx, await employeeFor(db, ctx, partyId, 'file', 'read'), []),
    patch: (ctx: RequestContext, partyId: string, version: number, input: PatchEmployee) =>
      patchFile(db, ctx, partyId, version, input),
    patchContract: (ctx: RequestContext, partyId: string, contractId: string, version: number, input: PatchContract) =>
      patchContract(db, ctx, partyId, contractId, version, input),
  };
}
