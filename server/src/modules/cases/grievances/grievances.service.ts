import type { Updateable } from 'kysely';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { countAnonymous, recordAudit } from '../../../platform/audit/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/crypto.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { addEvent, moveStatus, openCase, type NewCase } from '../case-core.ts';
import { casesRepository, eventsRepository, type CaseView } from '../cases.repository.ts';
import type { ServiceCaseTable } from '../cases.tables.ts';
import type { PublicLimits } from '../public-limits.ts';
import { defaultPolicy } from '../sla/policies.service.ts';
import { refreshSla } from '../sla/sla.service.ts';
import type { CreateGrievance, GrievanceCreated, GrievanceFollowUp, MyGrievance } from './grievances.schema.ts';
import { grievancesRepository } from './grievances.repository.ts';

const startOfUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** A grievance as filed: a named one links its submitter; an anonymous one only its follow-up code's hash. */
const newGrievance = (
  orgId: string,
  input: CreateGrievance,
  named: Actor | null,
  followUpHash: string | null,
  at: Date,
): NewCase => ({
  org_id: orgId,
  type: 'grievance',
  party_id: named?.partyId ?? null,
  subject: input.subject,
  description: input.description,
  channel: 'self_service',
  priority: 'normal',
  assignee_id: null,
  anonymous: input.anonymous,
  submitter_id: named?.userId ?? null,
  follow_up_hash: followUpHash,
  created_by: named?.userId ?? null,
  created_at: at,
});

/** Employee grievances: filed by name or anonymously, followed up with a one-time code. */
export function grievancesService(deps: Deps, limits: PublicLimits) {
  const { db, secret } = deps;
  const { throttle, failed } = limits;

  /** The grievance behind a follow-up code, or 404 (a miss counts as a failure of the address). */
  async function byCode(code: string, ip: string) {
    await throttle(ip);
    const row = await casesRepository.findByFollowUp(db, hashSecret(secret, code));
    if (!row) {
      await failed(ip);
      throw notFound('Grievance');
    }
    return row;
  }

  return {
    async fileGrievance(ctx: RequestContext, input: CreateGrievance): Promise<GrievanceCreated> {
      const { actor } = ctx;
      if (!actor.partyId) {
        throw forbidden('Grievances are filed by employees: your user is not linked to an employee record');
      }
      if (!(await grievancesRepository.isEmployee(db, actor.orgId, actor.partyId))) {
        throw forbidden('Grievances are filed by employees: your linked record has no current employee role');
      }
      const orgId = actor.orgId;
      const code = input.anonymous ? randomToken(24) : null;
      const named = input.anonymous ? null : actor;
      const followUpHash = code ? hashSecret(secret, code) : null;
      return db.transaction().execute(async (trx) => {
        const policy = await defaultPolicy(trx, orgId);
        const real = new Date();
        // Anonymous: the day only, so the time cannot be matched against sign-ins or other activity.
        const at = input.anonymous ? startOfUtcDay(real) : real;
        const row = await openCase(trx, newGrievance(orgId, input, named, followUpHash, at), policy, real);
        if (input.anonymous) {
          await countAnonymous(trx, orgId, 'grievance.create');
        } else {
          await recordAudit(trx, ctx, {
            action: 'grievance.create',
            entityType: 'case',
            entityId: row.id,
            after: { type: 'grievance', anonymous: false },
          });
        }
        return { id: input.anonymous ? null : row.id, followUpCode: code };
      });
    },

    /** "My grievances": the named grievances the caller filed (a read; the case page shows each thread). */
    async mine(ctx: RequestContext): Promise<{ items: MyGrievance[] }> {
      const rows = await grievancesRepository.mine(db, ctx.actor.orgId, ctx.actor.userId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          subject: r.subject,
          status: r.status,
          createdAt: r.created_at.toISOString(),
          lastActivityAt: new Date(r.last_activity_at).toISOString(),
        })),
      };
    },

    async followUp(code: string, ip: string): Promise<GrievanceFollowUp> {
      const row = await byCode(code, ip);
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
      const found = await byCode(code, ip);
      await db.transaction().execute(async (trx) => {
        await casesRepository.lock(trx, found.org_id, found.id);
        const row = (await casesRepository.find(trx, found.org_id, found.id)) as CaseView;
        const now = new Date();
        const set: Updateable<ServiceCaseTable> = { updated_at: now };
        await addEvent(trx, {
          org_id: row.org_id,
          case_id: row.id,
          kind: 'follow_up',
          body,
          visibility: 'public',
          actor_id: null,
          at: now,
        });
        if (row.status === 'pending') {
          await moveStatus(trx, row.org_id, row, 'open', null, now, set);
        }
        await casesRepository.setSla(trx, row.org_id, row.id, set);
        await refreshSla(trx, row.org_id, row.id, now);
        await countAnonymous(trx, row.org_id, 'grievance.follow_up');
      });
      return { ok: true };
    },
  };
}
