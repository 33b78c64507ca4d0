import { hasRole, requireRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, forbidden, notFound, validation, versionConflict } from '../../platform/errors.ts';
import { recordTrainingCompletions } from '../people/index.ts';
import { PRACTICE_OVERSEERS, PRACTICE_TRAINERS } from './constants.ts';
import type { CreateSession, PracticeSession, TeamsInput, UpdateSession } from './practice.schema.ts';
import { scenariosRepository, sessionsRepository, type SessionViewer } from './practice.repository.ts';

const bad = (path: (string | number)[], message: string, code = 'unknown_reference') =>
  validation(message, [{ path: ['body', ...path], message, code }]);

export const viewerOf = (ctx: RequestContext): SessionViewer => ({
  userId: ctx.actor.userId,
  all: hasRole(ctx.actor, ...PRACTICE_OVERSEERS),
});

type SessionListRow = Awaited<ReturnType<typeof sessionsRepository.list>>[number];

function summaryOf(ctx: RequestContext, r: SessionListRow): Omit<PracticeSession, 'teams'> {
  return {
    id: r.id,
    scenario: { id: r.scenario_id, title: { zh: r.title_zh, en: r.title_en } },
    title: r.title,
    trainer: { userId: r.trainer_user_id, displayName: r.trainer_name },
    scheduledAt: r.scheduled_at.toISOString(),
    location: r.location,
    step: r.step,
    caseNotes: r.case_notes,
    summary: r.summary,
    completedAt: r.completed_at ? r.completed_at.toISOString() : null,
    myTeamId: r.my_team_id,
    canManage: r.trainer_user_id === ctx.actor.userId || hasRole(ctx.actor, ...PRACTICE_OVERSEERS),
    version: r.version,
  };
}

/** A session the caller may see, with its row (404 otherwise). */
export async function sessionRow(db: Db, ctx: RequestContext, id: string): Promise<SessionListRow> {
  const [row] = await sessionsRepository.list(db, ctx.actor.orgId, viewerOf(ctx), id);
  if (!row) {
    throw notFound('Session');
  }
  return row;
}

async function loadSession(db: Db, ctx: RequestContext, id: string): Promise<PracticeSession> {
  const row = await sessionRow(db, ctx, id);
  const orgId = ctx.actor.orgId;
  const [teams, members] = await Promise.all([
    sessionsRepository.teams(db, orgId, id),
    sessionsRepository.members(db, orgId, id),
  ]);
  return {
    ...summaryOf(ctx, row),
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      members: members
        .filter((m) => m.team_id === t.id)
        .map((m) => ({ userId: m.user_id, displayName: m.display_name, role: m.role })),
    })),
  };
}

async function checkScenario(db: Db, orgId: string, scenarioId: string) {
  const [s] = await scenariosRepository.list(db, orgId, scenarioId);
  if (!s || s.archived) {
    throw bad(['scenarioId'], 'No such scenario (or it is archived)');
  }
}

/** Members are active users of the organisation, each in one team, and never the trainer. */
async function checkTeams(db: Db, orgId: string, trainerId: string, teams: TeamsInput) {
  const seen = new Set<string>();
  teams.forEach((t, i) =>
    t.members.forEach((m, j) => {
      if (m.userId === trainerId) {
        throw bad(['teams', i, 'members', j, 'userId'], 'The trainer scores; they do not play', 'invalid_value');
      }
      if (seen.has(m.userId)) {
        throw bad(['teams', i, 'members', j, 'userId'], 'A person plays in one team only', 'duplicate');
      }
      seen.add(m.userId);
    }),
  );
  const found = new Set((await sessionsRepository.activeUsers(db, orgId, [...seen])).map((u) => u.id));
  teams.forEach((t, i) =>
    t.members.forEach((m, j) => {
      if (!found.has(m.userId)) {
        throw bad(['teams', i, 'members', j, 'userId'], 'No such active user');
      }
    }),
  );
}

const teamRows = (orgId: string, sessionId: string, teams: TeamsInput) =>
  teams.map((t) => ({
    name: t.name,
    members: t.members.map((m) => ({ org_id: orgId, session_id: sessionId, user_id: m.userId, role: m.role })),
  }));

/** Records the completed session on each participant's training record (those linked to an employee record). */
async function recordCompletion(trx: Db, ctx: RequestContext, s: SessionListRow): Promise<void> {
  const members = await sessionsRepository.members(trx, ctx.actor.orgId, s.id);
  const day = new Date().toISOString().slice(0, 10);
  await recordTrainingCompletions(
    trx,
    ctx.actor.orgId,
    members
      .filter((m): m is typeof m & { party_id: string } => m.party_id !== null)
      .map((m) => ({
        partyId: m.party_id,
        title: `情景模拟 Scenario practice: ${s.title_zh} / ${s.title_en}`,
        provider: 'Tandem scenario practice',
        completedOn: day,
        note: `${s.title} (${m.role})`,
      })),
    ctx.actor.userId,
  );
}

/** Sessions of scenario practice: teams, roles, schedule and the six steps (docs/practice.md). */
export function sessionsService(deps: Deps) {
  const { db } = deps;
  return {
    async list(ctx: RequestContext) {
      const rows = await sessionsRepository.list(db, ctx.actor.orgId, viewerOf(ctx));
      return { items: rows.map((r) => summaryOf(ctx, r)) };
    },
    get: (ctx: RequestContext, id: string) => loadSession(db, ctx, id),

    async create(ctx: RequestContext, input: CreateSession): Promise<PracticeSession> {
      requireRole(ctx.actor, ...PRACTICE_TRAINERS);
      const orgId = ctx.actor.orgId;
      const trainerId = input.trainerUserId ?? ctx.actor.userId;
      await checkScenario(db, orgId, input.scenarioId);
      if ((await sessionsRepository.activeUsers(db, orgId, [trainerId])).length === 0) {
        throw bad(['trainerUserId'], 'No such active user');
      }
      await checkTeams(db, orgId, trainerId, input.teams ?? []);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await sessionsRepository.insert(trx, {
          org_id: orgId,
          scenario_id: input.scenarioId,
          title: input.title,
          trainer_user_id: trainerId,
          scheduled_at: input.scheduledAt,
          location: input.location ?? null,
          created_by: ctx.actor.userId,
        });
        await sessionsRepository.replaceTeams(trx, orgId, id, teamRows(orgId, id, input.teams ?? []));
        await recordAudit(trx, ctx, { action: 'create', entityType: 'practice', entityId: id, after: input });
        return id;
      });
      return loadSession(db, ctx, id);
    },

    async update(ctx: RequestContext, id: string, input: UpdateSession): Promise<PracticeSession> {
      const before = await sessionRow(db, ctx, id);
      const orgId = ctx.actor.orgId;
      if (before.trainer_user_id !== ctx.actor.userId && !hasRole(ctx.actor, ...PRACTICE_OVERSEERS)) {
        throw forbidden('Only the session’s trainer, admin or HR change a session');
      }
      if (before.completed_at) {
        throw conflict('The session is completed');
      }
      if (input.scenarioId) {
        await checkScenario(db, orgId, input.scenarioId);
      }
      if (input.teams) {
        await checkTeams(db, orgId, before.trainer_user_id, input.teams);
        if ((await sessionsRepository.countScores(db, orgId, id)).n > 0) {
          throw conflict('Teams are fixed once a sheet is scored');
        }
      }
      const step = input.step ?? before.step;
      const summary = input.summary === undefined ? before.summary : input.summary;
      if (input.complete && (step !== 'sum_up' || !summary)) {
        throw bad(['complete'], 'Completing needs the sum-up step and the trainer’s summary', 'invalid_value');
      }
      await db.transaction().execute(async (trx) => {
        const res = await sessionsRepository.update(trx, orgId, id, input.version, {
          ...(input.scenarioId ? { scenario_id: input.scenarioId } : {}),
          ...(input.title ? { title: input.title } : {}),
          ...(input.scheduledAt ? { scheduled_at: input.scheduledAt } : {}),
          ...(input.location !== undefined ? { location: input.location } : {}),
          ...(input.caseNotes !== undefined ? { case_notes: input.caseNotes } : {}),
          ...(input.summary !== undefined ? { summary: input.summary } : {}),
          ...(input.step ? { step: input.step } : {}),
          ...(input.complete ? { completed_at: new Date() } : {}),
        });
        if (Number(res.numUpdatedRows) === 0) {
          throw versionConflict(await loadSession(trx, ctx, id));
        }
        if (input.teams) {
          await sessionsRepository.replaceTeams(trx, orgId, id, teamRows(orgId, id, input.teams));
        }
        if (input.complete) {
          await recordCompletion(trx, ctx, before);
        }
        await recordAudit(trx, ctx, { action: 'update', entityType: 'practice', entityId: id, after: input });
      });
      return loadSession(db, ctx, id);
    },
  };
}
