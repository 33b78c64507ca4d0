import type { Db } from '../src/platform/db/database.ts';

// Surveys written straight into the tables for the chain tests (how answers get there is the surveys module's
// business and tested there): one closed employee engagement survey (minimum group 5) and named customer NPS answers.

export async function engagementSurvey(db: Db, orgId: string, closesAt: string, groups: [string, number[]][]) {
  const s = await db
    .insertInto('survey')
    .values({
      org_id: orgId,
      kind: 'engagement',
      title: JSON.stringify({ zh: '敬业度', en: 'Engagement' }),
      audience: JSON.stringify({ kind: 'employees' }),
      anonymous: true,
      min_group_size: 5,
      closes_at: closesAt,
      status: 'closed',
      questions: JSON.stringify([
        { id: 'overall', type: 'scale', min: 1, max: 5, text: { zh: '总体', en: 'Overall' } },
      ]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [unitId, values] of groups) {
    for (const v of values) {
      await answer(db, orgId, s.id, { party: null, unit: unitId, at: closesAt, question: 'overall', value: v });
    }
  }
  return s.id;
}

export async function npsSurvey(db: Db, orgId: string, answers: [string, string, number][]) {
  const s = await db
    .insertInto('survey')
    .values({
      org_id: orgId,
      kind: 'nps',
      title: JSON.stringify({ zh: '推荐', en: 'NPS' }),
      audience: JSON.stringify({ kind: 'customers' }),
      anonymous: false,
      min_group_size: 5,
      status: 'closed',
      questions: JSON.stringify([{ id: 'nps', type: 'nps', text: { zh: '推荐', en: 'Recommend' } }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [party, at, value] of answers) {
    await answer(db, orgId, s.id, { party, unit: null, at, question: 'nps', value });
  }
}

async function answer(
  db: Db,
  orgId: string,
  surveyId: string,
  a: { party: string | null; unit: string | null; at: string; question: string; value: number },
) {
  const r = await db
    .insertInto('survey_response')
    .values({
      org_id: orgId,
      survey_id: surveyId,
      party_id: a.party,
      anonymous: a.party === null,
      respondent_role: a.party === null ? 'employee' : 'customer',
      org_unit_id: a.unit,
      stakeholder_group: null,
      submitted_at: new Date(a.at),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('survey_answer')
    .values({
      org_id: orgId,
      response_id: r.id,
      survey_id: surveyId,
      question_id: a.question,
      item: '',
      num: a.value,
      choices: null,
      text_value: null,
    })
    .execute();
}
