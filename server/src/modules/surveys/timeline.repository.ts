import { sql } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TimelineEvent, TimelineSource } from '../../platform/timeline/sources.ts';
import { employeeSideSql } from './surveys.repository.ts';

/**
 * Answers to non-anonymous customer-side surveys on the respondent's party timeline.
 * Never anonymous responses (they have no party anyway), never employee-side surveys (eNPS,
 * engagement, audience employees: those results stay in HR's circle), never answers given in an
 * employee or candidate role. The timeline has already checked that the reader may see the party.
 */
export const surveyResponsesTimeline: TimelineSource = {
  type: 'survey_response',
  keys: (ctx: RequestContext, partyId: string) => sql`
    select 'survey_response' as type, r.id, r.submitted_at as at
    from survey_response r
    join survey s on s.org_id = r.org_id and s.id = r.survey_id
    where r.org_id = ${ctx.actor.orgId} and r.party_id = ${partyId} and not r.anonymous
      and not ${employeeSideSql('s')}
      and coalesce(r.respondent_role, '') not in ('employee', 'candidate')`,

  async load(db: Db, ctx: RequestContext, ids: string[]) {
    const orgId = ctx.actor.orgId;
    const [responses, answers] = await Promise.all([
      db
        .selectFrom('survey_response as r')
        .innerJoin('survey as s', (j) => j.onRef('s.org_id', '=', 'r.org_id').onRef('s.id', '=', 'r.survey_id'))
        .select(['r.id', 's.id as survey_id', 's.kind', 's.title', 's.questions'])
        .where('r.org_id', '=', orgId)
        .where('r.id', 'in', ids)
        .execute(),
      db
        .selectFrom('survey_answer')
        .select(['response_id', 'question_id', 'num'])
        .where('org_id', '=', orgId)
        .where('response_id', 'in', ids)
        .where('num', 'is not', null)
        .execute(),
    ]);
    const zh = ctx.actor.locale !== 'en';
    const out = new Map<string, TimelineEvent>();
    for (const r of responses) {
      // The headline score: the first NPS or scale question answered, in the survey's order.
      const mine = answers.filter((a) => a.response_id === r.id);
      const scored = r.questions.find(
        (q) => (q.type === 'nps' || q.type === 'scale') && mine.some((a) => a.question_id === q.id),
      );
      const score = scored ? Number(mine.find((a) => a.question_id === scored.id)?.num) : null;
      const scale = scored?.type === 'nps' ? '0-10' : scored?.type === 'scale' ? `${scored.min}-${scored.max}` : null;
      out.set(r.id, {
        source: 'survey_response',
        kind: 'survey_response.answered',
        title: zh ? r.title.zh : r.title.en,
        detail: score !== null && scale ? `${score} (${scale})` : null,
        href: `/feedback/surveys/${r.survey_id}`,
        data: { surveyKind: r.kind, score, scale },
      });
    }
    return out;
  },
};
