import { describe, expect, it } from 'vitest';
import { anonymousSurvey, data } from './surveys-anonymous-fixture.ts';

const { answer, h, hr, invited, release, sv } = await anonymousSurvey();

const totalN = async () => ((await h.as(hr).get(`/api/surveys/${sv.id}/results`)).json().total.n ?? 0) as number;

// Answers are published in steps: 4 held (below the minimum of 5), then 12 at once, then 1 held until close.
const seen: number[] = [];
for (let i = 0; i < 4; i++) {
  expect((await answer(i)).statusCode).toBe(201);
}
await release();
seen.push(await totalN());
for (let i = 4; i < 12; i++) {
  expect((await answer(i)).statusCode).toBe(201);
}
await release();
seen.push(await totalN());
expect((await answer(12)).statusCode).toBe(201);
await release();
seen.push(await totalN());
const whileOpen = (await h.as(hr).get(`/api/surveys/${sv.id}/results?groupBy=stakeholderGroup`)).json();
const textsWhileOpen = (await h.as(hr).get(`/api/surveys/${sv.id}/text-answers?groupBy=stakeholderGroup`)).json();
const again = await answer(3);
const closed = await h.as(hr).patch(`/api/surveys/${sv.id}`, { status: 'closed', version: sv.version });
expect(closed.statusCode, closed.body).toBe(200);
seen.push(await totalN());

describe('anonymous employee survey', () => {
  it('sends each invitee their own link by email and shows nobody a link or who answered', () => {
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json()).toEqual({
      items: [],
      alreadyAnswered: [],
      summary: { issued: 13, replaced: 0, kept: 0, emailed: 13, unreachable: 0 },
    });
  });

  it('publishes answers only in steps of at least the minimum (or at close), and one answer per invitee', () => {
    expect(seen).toEqual([0, 12, 12, 13]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'ALREADY_ANSWERED' });
  });

  it('withholds group results and grouped comments while the survey is open', () => {
    expect(whileOpen).toMatchObject({ groups: [], groupsWithheldUntilClose: true, total: { n: 12 } });
    expect(textsWhileOpen).toEqual({ groups: [], groupsWithheldUntilClose: true });
  });

  it('suppresses groups below minGroupSize and the next-smallest group as their complement', async () => {
    const res = await h.as(hr).get(`/api/surveys/${sv.id}/results?groupBy=stakeholderGroup`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toMatchObject({ n: 13, suppressed: false });
    // Overall mean of all 13: (5+4+4+3+2+4+3+5+2+4+3+1+5) / 13 = 45 / 13 = 3.46
    expect(body.total.questions.find((q: { questionId: string }) => q.questionId === 'overall').mean).toBe(3.46);
    const byKey = Object.fromEntries(body.groups.map((g: { key: string }) => [g.key, g]));
    expect(byKey.marketing_staff).toEqual({ key: 'marketing_staff', name: 'Marketing staff', suppressed: true });
    // line_managers has n = 5 ≥ 5 but would reveal marketing_staff as total − others: suppressed too.
    expect(byKey.line_managers).toEqual({ key: 'line_managers', name: 'Line managers', suppressed: true });
    // employees: overall (5+4+4+3+2+4)/6 = 3.67
    expect(byKey.employees).toMatchObject({ n: 6, suppressed: false, invited: 6, responseRate: 100 });
    expect(byKey.employees.questions[0]).toMatchObject({ questionId: 'overall', mean: 3.67 });
    const texts = (await h.as(hr).get(`/api/surveys/${sv.id}/text-answers?groupBy=stakeholderGroup`)).json();
    const tByKey = Object.fromEntries(texts.groups.map((g: { key: string }) => [g.key, g]));
    expect(tByKey.marketing_staff).toMatchObject({ suppressed: true, items: [] });
    expect(tByKey.line_managers).toMatchObject({ suppressed: true, items: [] });
    expect(tByKey.employees.items).toHaveLength(6);
    expect(
      tByKey.employees.items.every(
        (x: { partyId: string | null; submittedAt: string | null }) => x.partyId === null && x.submittedAt === null,
      ),
    ).toBe(true);
  });

  it("driver analysis: Pearson r as computed independently, Johnson's weights summing to R²", async () => {
    const res = await h.as(hr).get(`/api/surveys/${sv.id}/drivers?outcome=overall`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const pearson = (x: number[], y: number[]) => {
      const mx = x.reduce((a, b) => a + b) / x.length;
      const my = y.reduce((a, b) => a + b) / y.length;
      const sxy = x.reduce((a, v, i) => a + (v - mx) * ((y[i] ?? 0) - my), 0);
      return sxy / Math.sqrt(x.reduce((a, v) => a + (v - mx) ** 2, 0) * y.reduce((a, v) => a + (v - my) ** 2, 0));
    };
    const col = (j: number) => data.map((r) => r[j] ?? 0);
    expect(d.n).toBe(13);
    expect(d.items.map((i: { questionId: string }) => i.questionId)).toEqual(['pay', 'growth']);
    expect(d.items[0].r).toBeCloseTo(pearson(col(1), col(0)), 3);
    expect(d.items[1].r).toBeCloseTo(pearson(col(2), col(0)), 3);
    expect(d.items[0].relativeWeight + d.items[1].relativeWeight).toBeCloseTo(d.rSquared, 3);
    // R² of the OLS fit from the correlations: (r1² + r2² − 2 r1 r2 r12) / (1 − r12²)
    const [r1, r2, r12] = [pearson(col(1), col(0)), pearson(col(2), col(0)), pearson(col(1), col(2))];
    expect(d.rSquared).toBeCloseTo((r1 ** 2 + r2 ** 2 - 2 * r1 * r2 * r12) / (1 - r12 ** 2), 3);
    expect(d.items.every((i: { quadrant: string | null }) => i.quadrant !== null)).toBe(true);
  });
});
