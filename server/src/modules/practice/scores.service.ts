import type { RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, forbidden, validation } from '../../platform/errors.ts';
import { PRACTICE_SCORE_MAX, PRACTICE_SCORE_MIN, practiceCriteria, scoringSteps } from './constants.ts';
import type { CreateScore, PracticeResults, PracticeScoreSheet } from './practice.schema.ts';
import { scoresRepository, sessionsRepository } from './practice.repository.ts';
import { overallBasis, teamScore, teamTotal } from './scoring.ts';
import { sessionRow } from './sessions.service.ts';

type ScoreRow = Awaited<ReturnType<typeof scoresRepository.upsert>>;
const toSheet = (r: ScoreRow): PracticeScoreSheet => ({
  id: r.id,
  teamId: r.team_id,
  scorer: r.scorer_team_id ? 'peer' : 'trainer',
  scorerTeamId: r.scorer_team_id,
  scores: { knowledge: r.knowledge, communication: r.communication, solution: r.solution, teamwork: r.teamwork },
  comment: r.comment,
  createdAt: r.created_at.toISOString(),
});

/** Score sheets and results (docs/metrics.md "Scenario practice"). */
export function scoresService(deps: Deps) {
  const { db } = deps;
  return {
    /**
     * A sheet for one team: from the session's trainer, or from a member of another team on that team's behalf
     * (a team never scores itself). A new sheet from the same scorer replaces the old.
     */
    async score(ctx: RequestContext, sessionId: string, input: CreateScore): Promise<PracticeScoreSheet> {
      const s = await sessionRow(db, ctx, sessionId);
      const orgId = ctx.actor.orgId;
      const teams = await sessionsRepository.teams(db, orgId, sessionId);
      if (!teams.some((t) => t.id === input.teamId)) {
        throw validation('Not a team of this session', [
          { path: ['body', 'teamId'], message: 'Not a team of this session', code: 'unknown_reference' },
        ]);
      }
      const isTrainer = s.trainer_user_id === ctx.actor.userId;
      if (!isTrainer && !s.my_team_id) {
        throw forbidden('Only the trainer and the teams of the session score');
      }
      if (!isTrainer && s.my_team_id === input.teamId) {
        throw forbidden('A team does not score itself');
      }
      if (s.completed_at || !scoringSteps.includes(s.step)) {
        throw conflict('Sheets are taken while the session is at the play or score step', { step: s.step });
      }
      return db.transaction().execute(async (trx) => {
        const row = await scoresRepository.upsert(trx, {
          org_id: orgId,
          session_id: sessionId,
          team_id: input.teamId,
          scorer_team_id: isTrainer ? null : s.my_team_id,
          scorer_user_id: ctx.actor.userId,
          ...input.scores,
          comment: input.comment ?? null,
        });
        await recordAudit(trx, ctx, { action: 'create', entityType: 'practice', entityId: row.id, after: input });
        return toSheet(row);
      });
    },

    /** Per team and criterion the peer and trainer averages and the team score; a person's result is their team's. */
    async results(ctx: RequestContext, sessionId: string): Promise<PracticeResults> {
      await sessionRow(db, ctx, sessionId);
      const orgId = ctx.actor.orgId;
      const [teams, members, averages] = await Promise.all([
        sessionsRepository.teams(db, orgId, sessionId),
        sessionsRepository.members(db, orgId, sessionId),
        scoresRepository.averages(db, orgId, sessionId),
      ]);
      const side = (teamId: string, which: 'peer' | 'trainer') =>
        averages.find((a) => a.team_id === teamId && a.side === which);
      const teamResults = teams.map((t) => {
        const peer = side(t.id, 'peer');
        const trainer = side(t.id, 'trainer');
        const criteria = practiceCriteria.map((c) => {
          const p = peer ? Number(peer[c]) : null;
          const tr = trainer ? Number(trainer[c]) : null;
          return {
            criterion: c,
            peerAverage: p,
            peerSheets: peer?.sheets ?? 0,
            trainerAverage: tr,
            trainerSheets: trainer?.sheets ?? 0,
            ...teamScore(p, tr),
          };
        });
        return {
          teamId: t.id,
          name: t.name,
          criteria,
          total: teamTotal(criteria.map((c) => c.score)),
          basis: overallBasis(criteria.map((c) => c.basis)),
        };
      });
      const partial = teamResults.filter((t) => t.basis !== 'both');
      return {
        scale: { min: PRACTICE_SCORE_MIN, max: PRACTICE_SCORE_MAX },
        teams: teamResults,
        people: members.map((m) => ({
          userId: m.user_id,
          displayName: m.display_name,
          teamId: m.team_id,
          total: teamResults.find((t) => t.teamId === m.team_id)?.total ?? null,
        })),
        note:
          teams.length === 0
            ? 'Not enough data: the session has no teams yet'
            : partial.length
              ? `Not enough data for ${partial.map((t) => t.name).join(', ')}: a missing side leaves the score on the side present (or none)`
              : null,
      };
    },
  };
}
