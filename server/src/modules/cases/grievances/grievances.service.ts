import type { Updateable } from 'kysely';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit, type AuditWho } from '../../../platform/audit/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/crypto.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { CaseCore, publicLimits } from '../case-core.ts';
import { defaultPolicy } from '../sla/policies.service.ts';
import type { CreateGrievance, GrievanceCreated, GrievanceFollowUp } from '../cases.schema.ts';
import { casesRepository, eventsRepository, type CaseView } from '../cases.repository.ts';
import type { ServiceCaseTable } from '../cases.tables.ts';

/** Anonymous writes leave no actor, no request id and no address. */
const anonymousWho = (orgId: string): AuditWho => ({
  orgId,
  actorId: null,
  actorType: 'anonymous',
  requestId: null,
  ip: null,
});
const startOfUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** Employee grievances: filed by name or anonymously, followed up with a one-time code. */
export function grievancesService(deps: Deps, core: CaseCore, limits: ReturnType<typeof publicLimits>) {
  const { db, secret } = deps;
  const { refreshSla, moveStatus } = core;
  const { throttle, failed } = limits;
  return {
    async fileGrievance(ctx: RequestContext, input: CreateGrievance): Promise<GrievanceCreated> {
      const { actor } = ctx;
      if (!actor.partyId) {
        throw forbidden('Grievances are filed by employees: your user is not linked to an employee record');
      }
      const employee = await db
        .selectFrom('party_membership')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('party_id', '=', actor.partyId)
        .where('role', '=', 'employee')
        .executeTakeFirst();
      if (!employee) {
        throw forbidden('Grievances are filed by employees: your linked record has no current employee role');
      }
      const orgId = actor.orgId;
      const code = input.anonymous ? randomToken(24) : null;
      return db.transaction().execute(async (trx) => {
        const policy = await defaultPolicy(trx, orgId);
        const real = new Date();
        // Anonymous: the day only, so the time cannot be matched against sign-ins or other activity.
        const at = input.anonymous ? startOfUtcDay(real) : real;
        const row = await casesRepository.insert(trx, {
          org_id: orgId,
          type: 'grievance',
          party_id: input.anonymous ? null : actor.partyId,
          subject: input.subject,
          description: input.description,
          channel: 'self_service',
          priority: 'normal',
          assignee_id: null,
          anonymous: input.anonymous,
          submitter_id: input.anonymous ? null : actor.userId,
          follow_up_hash: code ? hashSecret(secret, code) : null,
          sla_policy_id: policy.id,
          created_by: input.anonymous ? null : actor.userId,
          created_at: at,
          updated_at: at,
          first_response_due_at: null,
          resolve_due_at: null,
          first_responded_at: null,
          resolved_at: null,
          closed_at: null,
          first_response_minutes: null,
          resolution_minutes: null,
          root_cause: null,
          root_cause_detail: null,
          remedy: null,
          remedy_detail: null,
          csat_score: null,
          csat_comment: null,
        });
        await eventsRepository.insert(trx, {
          org_id: orgId,
          case_id: row.id,
          kind: 'created',
          from_status: null,
          to_status: 'new',
          body: null,
          visibility: null,
          data: null,
          actor_id: input.anonymous ? null : actor.userId,
          at,
        });
        await refreshSla(trx, orgId, row.id, real);
        await recordAudit(trx, input.anonymous ? anonymousWho(orgId) : ctx, {
          action: 'grievance.create',
          entityType: 'case',
          entityId: row.id,
          after: { type: 'grievance', anonymous: input.anonymous },
        });
        return { id: input.anonymous ? null : row.id, followUpCode: code };
      });
    },

    async followUp(code: string, ip: string): Promise<GrievanceFollowUp> {
      await throttle(ip);
      const row = await casesRepository.findByFollowUp(db, hashSecret(secret, code));
      if (!row) {
        await failed(ip);
        throw notFound('Grievance');
      }
      const events = await eventsRepository.list(db, row.org_id, row.id, true);
      return {
        subject: row.subject,
        status: row.status,
        createdOn: row.created_at.toISOString().slice(0, 10),
        messages: events.map((e) => ({
          from: e.kind === 'follow_up' ? ('submitter' as const) : ('handler' as const),
          body: e.body ?? '',
          at: e.at.toISOString(),
        })),
      };
    },

    async addFollowUp(code: string, body: string, ip: string): Promise<{ ok: true }> {
      await throttle(ip);
      const found = await casesRepository.findByFollowUp(db, hashSecret(secret, code));
      if (!found) {
        await failed(ip);
        throw notFound('Grievance');
      }
      await db.transaction().execute(async (trx) => {
        await casesRepository.lock(trx, found.org_id, found.id);
        const row = (await casesRepository.find(trx, found.org_id, found.id)) as CaseView;
        const now = new Date();
        const set: Updateable<ServiceCaseTable> = { updated_at: now };
        await eventsRepository.insert(trx, {
          org_id: row.org_id,
          case_id: row.id,
          kind: 'follow_up',
          from_status: null,
          to_status: null,
          body,
          visibility: 'public',
          data: null,
          actor_id: null,
          at: now,
        });
        if (row.status === 'pending') {
          await moveStatus(trx, row.org_id, row, 'open', null, now, set);
        }
        await casesRepository.setSla(trx, row.org_id, row.id, set);
        await refreshSla(trx, row.org_id, row.id, now);
        await recordAudit(trx, anonymousWho(row.org_id), {
          action: 'grievance.follow_up',
          entityType: 'case',
          entityId: row.id,
        });
      });
      return { ok: true };
    },
  };
}
