import { describe, expect, it } from 'vitest';
import { employeeGroupScores } from '../src/modules/surveys/index.ts';
import { setup } from './harness.ts';

// Three units answer one closed eNPS survey (minimum 5): Sales 6, Support 5, Ops 2. Ops is below the minimum; with the
// total shown, hiding Ops alone would let it be computed by subtraction, so Support (the next-smallest) goes too
// (docs/metrics.md "Anonymity"). A second, older survey still gives Support a score where it was large enough.

const h = await setup();
const a = h.as(h.org.admin);
const unit = async (name: string) => (await a.post('/api/org-units', { name })).json<{ id: string }>().id;
const sales = await unit('Sales');
const support = await unit('Support');
const ops = await unit('Ops');
const db = h.db.db;
const orgId = h.org.orgId;

async function survey(
  kind: 'enps' | 'engagement',
  closesAt: string,
  status: 'closed' | 'open',
  groups: [string, number[]][],
) {
  const questions =
    kind === 'enps'
      ? [{ id: 'enps', type: 'nps', text: { zh: '推荐', en: 'Recommend' } }]
      : [
          { id: 'pay', type: 'scale', min: 1, max: 5, text: { zh: '薪酬', en: 'Pay' } },
          { id: 'overall', type: 'scale', min: 1, max: 5, text: { zh: '总体', en: 'Overall' } },
        ];
  const s = await db
    .insertInto('survey')
    .values({
      org_id: orgId,
      kind,
      title: JSON.stringify({ zh: '调查', en: 'Survey' }),
      audience: JSON.stringify({ kind: 'employees' }),
      anonymous: true,
      min_group_size: 5,
      closes_at: closesAt,
      status,
      questions: JSON.stringify(questions),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [unitId, values] of groups) {
    for (const v of values) {
      const r = await db
        .insertInto('survey_response')
        .values({
          org_id: orgId,
          survey_id: s.id,
          party_id: null,
          anonymous: true,
          respondent_role: 'employee',
          org_unit_id: unitId,
          stakeholder_group: null,
          submitted_at: new Date(closesAt),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows =
        kind === 'enps'
          ? [['enps', v]]
          : [
              ['overall', v],
              ['pay', 1],
            ];
      for (const [q, num] of rows) {
        await db
          .insertInto('survey_answer')
          .values({
            org_id: orgId,
            response_id: r.id,
            survey_id: s.id,
            question_id: String(q),
            item: '',
            num: Number(num),
            choices: null,
            text_value: null,
          })
          .execute();
      }
    }
  }
  return s.id;
}

const older = await survey('enps', '2026-03-01T00:00:00Z', 'closed', [
  [support, [10, 10, 9, 5, 8]],
  [sales, [10, 10, 10, 10, 10]],
]);
const latest = await survey('enps', '2026-06-01T00:00:00Z', 'closed', [
  [sales, [10, 9, 9, 7, 3, 0]],
  [support, [10, 10, 10, 10, 10]],
  [ops, [0, 0]],
]);
await survey('enps', '2026-07-01T00:00:00Z', 'open', [[sales, [0, 0, 0, 0, 0]]]);
await survey('engagement', '2026-06-01T00:00:00Z', 'closed', [
  [sales, [5, 4, 4, 3, 4, 4]],
  [ops, [1, 1, 1, 1, 1]],
]);
const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

describe('employee group scores', () => {
  it('gives eNPS per unit from the latest closed survey where the unit is shown, and never a group below the minimum', async () => {
    const scores = await employeeGroupScores(db, orgId, { metric: 'enps', ...range });
    const byUnit = Object.fromEntries(scores.map((s) => [s.orgUnitId, s]));
    // Sales, latest: 3 promoters, 1 passive, 2 detractors of 6 → 50 − 33.3 = 16.7.
    expect(byUnit[sales]).toMatchObject({ n: 6, score: 16.7, surveyId: latest });
    // Support is suppressed in the latest survey (complement of Ops), so its older score: 3 promoters, 1 passive,
    // 1 detractor of 5 → 60 − 20 = 40.
    expect(byUnit[support]).toMatchObject({ n: 5, score: 40, surveyId: older });
    expect(byUnit[ops]).toBeUndefined();
    expect(scores).toHaveLength(2);
  });

  it('gives the engagement outcome (the overall question) as a mean', async () => {
    const scores = await employeeGroupScores(db, orgId, { metric: 'engagement', ...range });
    // Sales: (5+4+4+3+4+4)/6 = 4; Ops: 1 (5 answers, total 11, nothing hidden).
    expect(scores.map((s) => [s.orgUnitId, s.n, s.score]).sort()).toEqual(
      [
        [sales, 6, 4],
        [ops, 5, 1],
      ].sort(),
    );
  });

  it('counts only surveys closed in the range, and answers an empty list otherwise', async () => {
    const early = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    const scores = await employeeGroupScores(db, orgId, { metric: 'enps', ...early });
    expect(scores.map((s) => s.surveyId)).toEqual([older, older]);
    expect(
      await employeeGroupScores(db, orgId, {
        metric: 'enps',
        from: new Date('2030-01-01'),
        to: new Date('2031-01-01'),
      }),
    ).toEqual([]);
  });
});
